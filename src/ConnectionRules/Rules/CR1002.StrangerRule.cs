namespace ConnectionRules;

/// <summary>CR1002: a pending request from a stranger, with no shared context at all.</summary>
internal sealed class StrangerRule : ConnectionRule
{
    public static readonly RuleDescriptor Rule = new(
        id: RuleIds.Stranger,
        title: "Request from a stranger",
        messageFormat: "{0} is a stranger: no mutual connections, shared group, introduction or offline acquaintance",
        category: RuleCategories.Request,
        defaultSeverity: Severity.Warning,
        description: "The two members are known to share no connection, share no group, were not introduced and have not met. Unknown mutual connections are not evidence: the rule needs them known to be zero.",
        helpLinkUri: RuleIds.HelpLink(RuleIds.Stranger));

    public override RuleDescriptor Descriptor => Rule;

    public override void Evaluate(RuleContext context)
    {
        var request = context.Request;
        if (RequestFacts.IsPending(request) && RequestFacts.IsStranger(request))
        {
            // Members may hide their names, and exports then leave them blank.
            var name = request.Sender.Name;
            context.Report("mutualConnections", RequestFacts.IsBlank(name) ? "The sender" : name);
        }
    }
}
