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
        var headline = request.Sender.Headline;
        if (!string.IsNullOrEmpty(headline) && Declaration(headline, RuleLexicons.OpenNetworker.TryFind(headline, 0, out var inHeadline), inHeadline) is { } declared)
        {
            context.Report("sender.headline", declared);
        }
        else if (request.Note is { } note && Declaration(note, context.NoteHas(Lexicon.OpenNetworker, out var inNote), inNote) is { } declaredInNote)
        {
            context.Report("note", declaredInNote);
        }
    }

    private static string? Declaration(string text, bool found, PhraseHit hit) =>
        found ? RuleText.Quote(text, hit) : RuleLexicons.ContainsLionAcronym(text) ? "LION" : null;
}
