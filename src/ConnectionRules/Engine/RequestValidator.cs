namespace ConnectionRules;

/// <summary>
/// Checks that a request carries its required members, and no value outside its range, before any rule sees it, naming
/// the member that is wrong.
/// </summary>
internal static class RequestValidator
{
    public static void ThrowIfInvalid(ConnectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Id))
        {
            throw Missing("Id", "the caller's identifier of the request", orBlank: true);
        }

        if (request.Sender is null)
        {
            throw Missing("Sender", "the profile of the member who sent the request");
        }

        if (request.SentAt == default)
        {
            // What a mapping leaves when it has no date: judged as sent in the year 1, the request would pass unnoticed.
            throw new ArgumentException("ConnectionRequest.SentAt is required but was default(DateTimeOffset), 0001-01-01: set it to when the request was sent.", nameof(request));
        }

        CheckCount(request.MutualConnections, null, "MutualConnections");
        CheckProfile(request.Sender, "Sender");
        if (request.Recipient is not null)
        {
            CheckProfile(request.Recipient, "Recipient");
        }

        var messages = request.Messages ?? throw Missing("Messages", "a list, empty when there are no messages");
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i] ?? throw Missing($"Messages[{i}]", "a message");
            if (message.Text is null)
            {
                throw Missing($"Messages[{i}].Text", "the message text (empty if it had none)");
            }

            if (message.Direction is not (MessageDirection.FromSender or MessageDirection.FromRecipient))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(request),
                    $"ConnectionRequest.Messages[{i}].Direction is {(int)message.Direction}, which is not a MessageDirection: set it to FromSender or FromRecipient.");
            }
        }

        var endorsements = request.Endorsements ?? throw Missing("Endorsements", "a list, empty when there are no endorsements");
        for (var i = 0; i < endorsements.Count; i++)
        {
            var endorsement = endorsements[i] ?? throw Missing($"Endorsements[{i}]", "an endorsement");
            if (endorsement.Skill is null)
            {
                throw Missing($"Endorsements[{i}].Skill", "the name of the endorsed skill");
            }
        }
    }

    private static void CheckProfile(MemberProfile profile, string member)
    {
        if (profile.Name is null)
        {
            throw Missing($"{member}.Name", "the member's display name, empty when unknown");
        }

        CheckCount(profile.ConnectionCount, member, "ConnectionCount");
        CheckCount(profile.InvitationsSentLastWeek, member, "InvitationsSentLastWeek");
        if (profile.Groups is null)
        {
            throw Missing($"{member}.Groups", "a list, empty when the member's groups are unknown");
        }

        for (var i = 0; i < profile.Groups.Count; i++)
        {
            if (profile.Groups[i] is null)
            {
                throw Missing($"{member}.Groups[{i}]", "a group name");
            }
        }
    }

    // The parameter named is the one of the public Evaluate(request) that called in.
#pragma warning disable CA2208

    // The member's path is put together only when it is wrong, so that a valid request costs no string.
    private static void CheckCount(int? count, string? member, string field)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(
                "request",
                $"ConnectionRequest.{(member is null ? field : $"{member}.{field}")} is {count}, but a count cannot be negative: set it to the count, or to null when it is unknown.");
        }
    }

    private static ArgumentException Missing(string member, string expected, bool orBlank = false) =>
        new($"ConnectionRequest.{member} is required but was {(orBlank ? "null or blank" : "null")}: set it to {expected}.", "request");
#pragma warning restore CA2208
}
