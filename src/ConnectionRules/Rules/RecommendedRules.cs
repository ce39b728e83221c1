namespace ConnectionRules;

/// <summary>The built-in rules: the engine's own, and the recommended catalogue that <see cref="RuleEngineBuilder.AddRecommendedRules"/> adds.</summary>
internal static class RecommendedRules
{
    private static readonly ConnectionRule[] Engine = [new RuleFailureRule(), new InconsistentRequestRule()];

    private static readonly ConnectionRule[] Recommended =
    [
        new MissingNoteRule(), new StrangerRule(), new PitchInNoteRule(),
        new ConnectAndSellRule(), new BaitAndSwitchRule(), new EndorsementQuidProQuoRule(), new RepetitiveMessagingRule(),
        new FakeProfileRule(), new MassInviterRule(), new OpenNetworkerRule(),
    ];

    /// <summary>CR0001 and CR0002, present in every engine.</summary>
    public static IReadOnlyList<ConnectionRule> EngineRules() => Engine;

    /// <summary>CR1001 to CR3003.</summary>
    public static IReadOnlyList<ConnectionRule> Catalogue() => Recommended;

    /// <summary>Every built-in descriptor, ordered by id.</summary>
    public static IEnumerable<RuleDescriptor> AllDescriptors() =>
        Engine.Concat(Recommended).Select(r => r.Descriptor).OrderBy(d => d.Id, StringComparer.Ordinal);
}
