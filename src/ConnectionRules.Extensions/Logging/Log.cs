using Microsoft.Extensions.Logging;

namespace ConnectionRules;

/// <summary>
/// The log events of the rule engine registered by <c>AddConnectionRules</c>, under the category
/// <see cref="Category"/>. Source-generated, so a disabled level costs a check and no allocation.
/// </summary>
internal static partial class Log
{
    /// <summary>The logger category, for filters such as <c>"Logging": { "LogLevel": { "ConnectionRules": "Warning" } }</c>.</summary>
    public const string Category = "ConnectionRules";

    [LoggerMessage(EventId = 1, EventName = "RuleFailed", Level = LogLevel.Warning,
        Message = "Rule {RuleId} failed while evaluating request {RequestId}: {Diagnostic}")]
    public static partial void RuleFailed(ILogger logger, string ruleId, string requestId, string diagnostic, Exception exception);

    [LoggerMessage(EventId = 2, EventName = "ConfigurationReloaded", Level = LogLevel.Information,
        Message = "ConnectionRules configuration reloaded; the rule engine now runs {RuleCount} rules.")]
    public static partial void ConfigurationReloaded(ILogger logger, int ruleCount);

    [LoggerMessage(EventId = 3, EventName = "ReloadRejected", Level = LogLevel.Error,
        Message = "Reloaded ConnectionRules configuration rejected; the rule engine keeps its previous configuration until the problems are fixed:{Errors}")]
    public static partial void ReloadRejected(ILogger logger, string errors);

    [LoggerMessage(EventId = 4, EventName = "ReloadFailed", Level = LogLevel.Error,
        Message = "Rebuilding the rule engine after a configuration reload threw; the rule engine keeps its previous configuration.")]
    public static partial void ReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5, EventName = "SectionMissing", Level = LogLevel.Warning,
        Message = "The configuration section {Path} does not exist or holds no setting, so the rule engine runs with its defaults until it has some. Check the name passed to GetSection and, after a reload, that the section and its file are still there; or call AddConnectionRules() without a section when the defaults are meant.")]
    public static partial void SectionMissing(ILogger logger, string path);
}
