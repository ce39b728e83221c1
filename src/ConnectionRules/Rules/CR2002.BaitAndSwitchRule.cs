namespace ConnectionRules;

/// <summary>CR2002: bait-and-switch, a note that invites to a group, event or networking, then a pitch.</summary>
internal sealed class BaitAndSwitchRule : ConnectionRule
{
    public static readonly RuleDescriptor Rule = new(
        id: RuleIds.BaitAndSwitch,
        title: "Bait-and-switch",
        messageFormat: "The note invited to \"{0}\", but a later message pitches (\"{1}\")",
        category: RuleCategories.Conduct,
        defaultSeverity: Severity.Error,
        description: "The note invited the recipient to a group, an event or networking without pitching, and a later sender message is a pitch for something else.",
        helpLinkUri: RuleIds.HelpLink(RuleIds.BaitAndSwitch));

    public override RuleDescriptor Descriptor => Rule;

    public override void Evaluate(RuleContext context)
    {
        var request = context.Request;
        var note = request.Note;
        if (note is null || !context.NoteHas(Lexicon.Invitation, out var invitation) || context.DetectPitchInNote().IsPitch)
        {
            return;
        }

        var sentTicks = request.SentAt.UtcTicks;
        var messages = request.Messages;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (message.Direction == MessageDirection.FromSender
                && message.SentAt.UtcTicks > sentTicks
                && context.DetectPitchInMessage(i) is { IsPitch: true } pitch)
            {
                context.Report(RuleText.MessageLocation(i), RuleText.Quote(note, invitation), RuleText.Quote(message.Text, pitch));
                return;
            }
        }
    }
}
