namespace ConnectionRules;

/// <summary>CR0002: the request's own data is inconsistent. When it reports, the engine runs no other rule.</summary>
internal sealed class InconsistentRequestRule : ConnectionRule
{
    public static readonly RuleDescriptor Rule = new(
        id: RuleIds.InconsistentRequest,
        title: "Request data is inconsistent",
        messageFormat: "Request data is inconsistent: {0}",
        category: RuleCategories.Engine,
        defaultSeverity: Severity.Warning,
        description: "The request was accepted before it was sent, holds a message or endorsement dated before it was sent, a message dated before the one listed above it (messages come oldest first), or holds a sender message other than the note while still pending. Unless suppressed, the other rules do not run on such data.",
        helpLinkUri: RuleIds.HelpLink(RuleIds.InconsistentRequest));

    public override RuleDescriptor Descriptor => Rule;

    public override void Evaluate(RuleContext context)
    {
        var request = context.Request;
        if (request.AcceptedAt is { } acceptedAt && acceptedAt < request.SentAt)
        {
            context.Report("acceptedAt", RuleText.Shared($"accepted at {RuleText.Timestamp(acceptedAt)}, before it was sent at {RuleText.Timestamp(request.SentAt)}"));
        }

        // The messages' timestamps are compared as UTC ticks, read once each: this walks every message of every request.
        var messages = request.Messages;
        var sentTicks = request.SentAt.UtcTicks;
        var pending = request.AcceptedAt is null;
        var previous = long.MinValue;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var at = message.SentAt.UtcTicks;
            if (at < sentTicks)
            {
                context.Report(RuleText.MessageLocation(i), RuleText.Shared($"message dated {RuleText.Timestamp(message.SentAt)}, before the request was sent at {RuleText.Timestamp(request.SentAt)}"));
            }
            else if (at < previous)
            {
                context.Report(RuleText.MessageLocation(i), RuleText.Shared($"message dated {RuleText.Timestamp(message.SentAt)}, before messages[{i - 1}] at {RuleText.Timestamp(messages[i - 1].SentAt)}: not oldest first"));
            }
            else if (pending && message.Direction == MessageDirection.FromSender && !IsTheNote(request, message))
            {
                context.Report(RuleText.MessageLocation(i), "a message from the sender while the request is still pending, other than the note");
            }

            previous = at;
        }

        var endorsements = request.Endorsements;
        for (var i = 0; i < endorsements.Count; i++)
        {
            if (endorsements[i].At < request.SentAt)
            {
                context.Report(RuleText.EndorsementLocation(i), RuleText.Shared($"endorsement dated {RuleText.Timestamp(endorsements[i].At)}, before the request was sent at {RuleText.Timestamp(request.SentAt)}"));
            }
        }
    }

    // Exports and CRMs often list the note as the first message of the conversation.
    private static bool IsTheNote(ConnectionRequest request, Message message) =>
        message.Direction == MessageDirection.FromSender
        && request.Note is { } note
        && message.Text.AsSpan().Trim().Equals(note.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase);
}
