using Microsoft.Extensions.Configuration;

namespace ConnectionRules;

/// <summary>What every <c>AddConnectionRules</c> call contributed, gathered as options: the code's edits and the configuration sections.</summary>
internal sealed class ConnectionRulesSetup
{
    public List<Action<RuleEngineBuilder>> Configure { get; } = [];

    public List<IConfiguration> Sections { get; } = [];

    /// <summary>Adds a call's contribution; the same delegate or section instance added again counts once.</summary>
    public void Add(Action<RuleEngineBuilder>? configure, IConfiguration? section)
    {
        if (configure is not null && !Configure.Contains(configure))
        {
            Configure.Add(configure);
        }

        if (section is not null && !Sections.Exists(s => ReferenceEquals(s, section)))
        {
            Sections.Add(section);
        }
    }
}
