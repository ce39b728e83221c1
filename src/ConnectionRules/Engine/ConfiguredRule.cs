namespace ConnectionRules;

/// <summary>A rule as the engine runs it: its descriptor captured once, its effective severity, its suppressors.</summary>
internal sealed class ConfiguredRule(ConnectionRule rule, RuleDescriptor descriptor, Severity severity, Suppression[] suppressions)
{
    public ConnectionRule Rule { get; } = rule;

    public RuleDescriptor Descriptor { get; } = descriptor;

    public Severity Severity { get; } = severity;

    public Suppression[] Suppressions { get; } = suppressions;
}

/// <summary>A suppressor: when its predicate holds, the rule's diagnostics are kept but marked suppressed.</summary>
internal sealed record Suppression(string RuleId, RequestPredicate Predicate, string Justification);
