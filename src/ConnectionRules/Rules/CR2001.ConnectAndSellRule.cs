namespace ConnectionRules;

/// <summary>CR2001: connect-and-sell, a pitch within the pitch window after the request was accepted.</summary>
internal sealed class ConnectAndSellRule : ConnectionRule
{
    public static readonly RuleDescriptor Rule = new(
        id: RuleIds.ConnectAndSell,
        title: "Connect-and-sell",
        messageFormat: "A sales pitch arrived {0} after the request was accepted (\"{1}\")",
        category: RuleCategories.Conduct,
        defaultSeverity: Severity.Error,
        description: "A sender message flagged as a pitch arrives within RuleEngineOptions.PitchWindow (72 hours by default, both ends inclusive) after acceptance, and the sender is not known offline.",
        helpLinkUri: RuleIds.HelpLink(RuleIds.ConnectAndSell));

    public override RuleDescriptor Descriptor => Rule;

    public override void Evaluate(RuleContext context)
    {
        var request = context.Request;
        if (request.KnownOffline || request.AcceptedAt is not { } acceptedAt)
        {
            return;
        }

        var index = RequestFacts.PitchWithin(context, context.Options.PitchWindow);
        if (index >= 0)
        {
            var message = request.Messages[index];
            context.Report(
                RuleText.MessageLocation(index),
                RuleText.Duration(message.SentAt - acceptedAt),
                RuleText.Quote(message.Text, context.DetectPitchInMessage(index)));
        }
    }
}
