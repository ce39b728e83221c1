namespace ConnectionRules;

/// <summary>CR1001: a pending request without a personal note, from someone the recipient has not met.</summary>
internal sealed class MissingNoteRule : ConnectionRule
{
    public static readonly RuleDescriptor Rule = new(
        id: RuleIds.MissingNote,
        title: "No personal note",
        messageFormat: "No personal note: {0}",
        category: RuleCategories.Request,
        defaultSeverity: Severity.Info,
        description: "The request has no note, a blank one, or LinkedIn's stock invitation text, and the sender is not known offline. Info only: free members may add a note to only a few requests a month.",
        helpLinkUri: RuleIds.HelpLink(RuleIds.MissingNote));

    public override RuleDescriptor Descriptor => Rule;

    public override void Evaluate(RuleContext context)
    {
        var request = context.Request;
        if (!RequestFacts.IsPending(request) || request.KnownOffline)
        {
            return;
        }

        switch (RequestFacts.NoteKind(context))
        {
            case NoteKinds.Missing:
                context.Report("note", "the request came without a note");
                break;
            case NoteKinds.Blank:
                context.Report("note", "the note is blank");
                break;
            case NoteKinds.Stock:
                context.Report("note", "the note is LinkedIn's stock invitation text");
                break;
        }
    }
}
