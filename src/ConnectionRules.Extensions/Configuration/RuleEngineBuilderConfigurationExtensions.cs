using Microsoft.Extensions.Configuration;

namespace ConnectionRules;

/// <summary>Applies a <c>ConnectionRules</c> configuration section (e.g. from <c>appsettings.json</c>) to a <see cref="RuleEngineBuilder"/>.</summary>
public static class RuleEngineBuilderConfigurationExtensions
{
    /// <summary>
    /// Applies a <c>ConnectionRules</c> configuration section: the options of the recommended rules
    /// (<c>PitchWindow</c>, <c>YoungAccountAge</c>, <c>FewConnections</c>, <c>MassInvitationsPerWeek</c>,
    /// <c>MassConnectionCount</c>, <c>RepeatedMessageCount</c>, <c>UnansweredMessageCount</c>), <c>Rules</c> (rule id to
    /// severity word) and <c>Categories</c> (category to severity word). Call it after the rules are added, so that
    /// their ids and categories are known, and last, so that configuration has the last word at each level.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Severity words, case-insensitive: <c>none</c> (off), <c>silent</c> or <c>hidden</c> (<see cref="Severity.Hidden"/>),
    /// <c>suggestion</c> or <c>info</c> (<see cref="Severity.Info"/>), <c>warning</c>, <c>error</c>, and <c>default</c>.
    /// On a rule, <c>default</c> gives it back its descriptor's severity and enabled state
    /// (<see cref="RuleEngineBuilder.ResetSeverity"/>); on a category it removes a category setting made in code
    /// (<see cref="RuleEngineBuilder.ResetCategorySeverity"/>), so each rule of the category gets its descriptor's severity
    /// unless a rule-level setting says otherwise. A rule-level setting beats a category-level one, which beats the default.
    /// </para>
    /// <para>
    /// Durations are written <c>[days.]hours:minutes[:seconds]</c> (<c>2.00:00:00</c> is 48 hours, <c>12:00:00</c> is 12
    /// hours), never negative; a bare number (<c>48</c>) or hours above 23 (<c>72:00:00</c>) are refused, because the
    /// lenient TimeSpan parser would read both as days. Counts are whole numbers. Keys are case-insensitive. Nothing is
    /// applied unless everything is valid.
    /// </para>
    /// </remarks>
    /// <param name="builder">The builder, with its rules already added.</param>
    /// <param name="section">The <c>ConnectionRules</c> section, e.g. <c>configuration.GetSection("ConnectionRules")</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is null.</exception>
    /// <exception cref="RuleEngineBuildException">
    /// The section has problems: unknown keys, rule ids or categories, values that are not severity words, durations
    /// or whole numbers, negative or too small values. Each error names the full key path and the value, e.g.
    /// <c>ConnectionRules:Rules:CR1001 = "eror": not a severity; expected one of none, silent, suggestion, warning, error, default (or hidden, info).</c>
    /// </exception>
    /// <exception cref="InvalidOperationException">The builder has already built an engine.</exception>
    public static RuleEngineBuilder ApplyConfiguration(this RuleEngineBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        var errors = new List<string>();
        var edits = RuleEngineConfigurationReader.Read(builder, section, errors);
        if (errors.Count > 0)
        {
            throw new RuleEngineBuildException(errors);
        }

        foreach (var edit in edits)
        {
            edit(builder);
        }

        return builder;
    }
}
