namespace ConnectionRules;

/// <summary>CR2003: endorsement quid-pro-quo, unasked endorsements followed by a request to be endorsed back.</summary>
internal sealed class EndorsementQuidProQuoRule : ConnectionRule
{
    public static readonly RuleDescriptor Rule = new(
        id: RuleIds.EndorsementQuidProQuo,
        title: "Endorsement quid-pro-quo",
        messageFormat: "The sender endorsed {0} skill(s), then asked to be endorsed back (\"{1}\")",
        category: RuleCategories.Conduct,
        defaultSeverity: Severity.Warning,
        description: "The sender, not known offline, endorsed the recipient's skills and then asked, in a later message, to be endorsed in return.",
        helpLinkUri: RuleIds.HelpLink(RuleIds.EndorsementQuidProQuo));

    public override RuleDescriptor Descriptor => Rule;

    public override void Evaluate(RuleContext context)
    {
        var request = context.Request;
        var endorsements = request.Endorsements;
        if (request.KnownOffline || endorsements.Count == 0)
        {
            return;
        }

        var firstEndorsement = endorsements[0].At;
        for (var i = 1; i < endorsements.Count; i++)
        {
            if (endorsements[i].At < firstEndorsement)
            {
                firstEndorsement = endorsements[i].At;
            }
        }

        var endorsedTicks = firstEndorsement.UtcTicks;
        var messages = request.Messages;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (message.Direction == MessageDirection.FromSender
                && message.SentAt.UtcTicks >= endorsedTicks
                && context.MessageHas(i, Lexicon.EndorseBack, out var ask))
            {
                context.Report(RuleText.MessageLocation(i), RuleText.Number(CountUntil(endorsements, message.SentAt)), RuleText.Quote(message.Text, ask));
                return;
            }
        }
    }

    private static int CountUntil(IReadOnlyList<Endorsement> endorsements, DateTimeOffset until)
    {
        var count = 0;
        for (var i = 0; i < endorsements.Count; i++)
        {
            if (endorsements[i].At <= until)
            {
                count++;
            }
        }

        return count;
    }
}
