namespace ConnectionRules;

/// <summary>Checks that a request carries its required members before any rule sees it, naming the member that is missing.</summary>
internal static class RequestValidator
{
    public static void ThrowIfInvalid(ConnectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Id))
        {
            throw Missing("Id", "the caller's identifier of the request");
        }

        if (request.Sender is null)
        {
            throw Missing("Sender", "the profile of the member who sent the request");
        }

        CheckProfile(request.Sender, "Sender");
        if (request.Recipient is not null)
        {
            CheckProfile(request.Recipient, "Recipient");
        }

        if (request.Messages is null)
        {
            throw Missing("Messages", "a list, empty when there are no messages");
        }

        for (var i = 0; i < request.Messages.Count; i++)
        {
            var message = request.Messages[i] ?? throw Missing($"Messages[{i}]", "a message");
            if (message.Text is null)
            {
                throw Missing($"Messages[{i}].Text", "the message text (empty if it had none)");
            }
        }

        if (request.Endorsements is null)
        {
            throw Missing("Endorsements", "a list, empty when there are no endorsements");
        }

        for (var i = 0; i < request.Endorsements.Count; i++)
        {
            if (request.Endorsements[i] is null)
            {
                throw Missing($"Endorsements[{i}]", "an endorsement");
            }
        }
    }

    private static void CheckProfile(MemberProfile profile, string member)
    {
        if (profile.Name is null)
        {
            throw Missing($"{member}.Name", "the member's display name");
        }

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
    private static ArgumentException Missing(string member, string expected) =>
        new($"ConnectionRequest.{member} is required but was null or blank: set it to {expected}.", "request");
#pragma warning restore CA2208
}
