namespace ConnectionRules;

/// <summary>CR0001: a rule threw. The engine reports it in the failing rule's place; evaluating it does nothing.</summary>
internal sealed class RuleFailureRule : ConnectionRule
{
    public static readonly RuleDescriptor Rule = new(
        id: RuleIds.RuleFailure,
        title: "A rule threw an exception",
        messageFormat: "Rule {0} threw {1}: {2}",
        category: RuleCategories.Engine,
        defaultSeverity: Severity.Warning,
        description: "A rule failed while evaluating this request, so its verdict rests on the other rules only. The rule's partial findings were dropped.",
        helpLinkUri: RuleIds.HelpLink(RuleIds.RuleFailure));

    public override RuleDescriptor Descriptor => Rule;

    public override void Evaluate(RuleContext context)
    {
        // Reported by the engine when another rule throws.
    }
}
