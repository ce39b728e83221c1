namespace ConnectionRules;

/// <summary>CR3003: a self-declared open networker (LION) in the headline or the note.</summary>
internal sealed class OpenNetworkerRule : ConnectionRule
{
    public static readonly RuleDescriptor Rule = new(
        id: RuleIds.OpenNetworker,
        title: "Self-declared open networker",
        messageFormat: "The sender declares themselves an open networker (\"{0}\")",
        category: RuleCategories.Authenticity,
        defaultSeverity: Severity.Info,
        description: "The headline or the note says LION (in capitals) or open networker: someone who accepts and sends invitations to anyone.",
        helpLinkUri: RuleIds.HelpLink(RuleIds.OpenNetworker));

    public override RuleDescriptor Descriptor => Rule;

    public override void Evaluate(RuleContext context)
    {
        var request = context.Request;
        if (Declaration(request.Sender.Headline) is { } inHeadline)
        {
            context.Report("sender.headline", inHeadline);
        }
        else if (Declaration(request.Note) is { } inNote)
        {
            context.Report("note", inNote);
        }
    }

    private static string? Declaration(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (RuleLexicons.OpenNetworker.TryFind(text, 0, out var hit))
        {
            return RuleText.Quote(text, hit);
        }

        return RuleLexicons.ContainsLionAcronym(text) ? "LION" : null;
    }
}
