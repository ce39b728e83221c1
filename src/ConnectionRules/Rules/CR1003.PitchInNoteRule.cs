namespace ConnectionRules;

/// <summary>CR1003: the note of a pending request is already a sales pitch.</summary>
internal sealed class PitchInNoteRule : ConnectionRule
{
    public static readonly RuleDescriptor Rule = new(
        id: RuleIds.PitchInNote,
        title: "Sales pitch in the note",
        messageFormat: "The note is a sales pitch (\"{0}\")",
        category: RuleCategories.Request,
        defaultSeverity: Severity.Error,
        description: "The pitch detector flags the note of a pending request: the sender wants a customer, not a connection.",
        helpLinkUri: RuleIds.HelpLink(RuleIds.PitchInNote));

    public override RuleDescriptor Descriptor => Rule;

    public override void Evaluate(RuleContext context)
    {
        var request = context.Request;
        if (RequestFacts.IsPending(request) && context.DetectPitchInNote() is { IsPitch: true } pitch)
        {
            context.Report("note", RuleText.Quote(request.Note!, pitch));
        }
    }
}
