namespace ConnectionRules.Benchmarks.Shapes;

/// <summary>How much text a request carries.</summary>
public enum RequestSize
{
    /// <summary>A pending request: a short note, no messages.</summary>
    Small,

    /// <summary>An accepted connection with about 1 KB of text: a 200-character note and five 150-character messages.</summary>
    Typical,

    /// <summary>An accepted connection with a 20 KB conversation: a 200-character note and a hundred 200-character messages.</summary>
    Large,
}

/// <summary>How many of the rules that can fire on a request of its size do fire.</summary>
public enum Flagged
{
    /// <summary>None: no diagnostic at all.</summary>
    Clean,

    /// <summary>About half of them.</summary>
    Half,

    /// <summary>All of them at once.</summary>
    All,
}

/// <summary>
/// The requests the benchmarks evaluate, built the same way on every run. A small request is pending, so the request
/// rules (CR1001 to CR1003) and the profile rules (CR3001 to CR3003) can fire, five at once since CR1001 and CR1003
/// exclude each other; typical and large ones are accepted, so the conduct rules (CR2001 to CR2004) and the profile
/// rules can fire, seven at once.
/// </summary>
public static class RequestShapes
{
    /// <summary>The engine's clock in every benchmark.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Gets every size and flags combination.</summary>
    public static IEnumerable<(RequestSize Size, Flagged Flags)> All =>
        from size in Enum.GetValues<RequestSize>()
        from flags in Enum.GetValues<Flagged>()
        select (size, flags);

    /// <summary>The rules that can fire on a request of this size.</summary>
    public static IReadOnlyList<string> FireableRuleIds(RequestSize size) => size == RequestSize.Small
        ? [RuleIds.MissingNote, RuleIds.Stranger, RuleIds.PitchInNote, RuleIds.FakeProfile, RuleIds.MassInviter, RuleIds.OpenNetworker]
        : [RuleIds.ConnectAndSell, RuleIds.BaitAndSwitch, RuleIds.EndorsementQuidProQuo, RuleIds.RepetitiveMessaging, RuleIds.FakeProfile, RuleIds.MassInviter, RuleIds.OpenNetworker];

    /// <summary>The rules a shape is designed to make fire, in id order.</summary>
    public static IReadOnlyList<string> ExpectedRuleIds(RequestSize size, Flagged flags) => (size, flags) switch
    {
        (_, Flagged.Clean) => [],
        (RequestSize.Small, Flagged.Half) => [RuleIds.MissingNote, RuleIds.Stranger, RuleIds.MassInviter],
        (RequestSize.Small, Flagged.All) => [RuleIds.Stranger, RuleIds.PitchInNote, RuleIds.FakeProfile, RuleIds.MassInviter, RuleIds.OpenNetworker],
        (_, Flagged.Half) => [RuleIds.ConnectAndSell, RuleIds.RepetitiveMessaging, RuleIds.MassInviter, RuleIds.OpenNetworker],
        _ => [RuleIds.ConnectAndSell, RuleIds.BaitAndSwitch, RuleIds.EndorsementQuidProQuo, RuleIds.RepetitiveMessaging, RuleIds.FakeProfile, RuleIds.MassInviter, RuleIds.OpenNetworker],
    };

    /// <summary>Builds one shape.</summary>
    public static ConnectionRequest Create(RequestSize size, Flagged flags) => size switch
    {
        RequestSize.Small => Small(flags),
        RequestSize.Typical => Conversation(flags, messageCount: 5, messageLength: 150, every: TimeSpan.FromHours(12)),
        RequestSize.Large => Conversation(flags, messageCount: 100, messageLength: 200, every: TimeSpan.FromHours(10)),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, null),
    };

    /// <summary>A clean typical request whose note and five messages hold about <paramref name="textLength"/> characters each.</summary>
    public static ConnectionRequest WithTextLength(int textLength)
    {
        var request = Conversation(Flagged.Clean, messageCount: 5, messageLength: textLength, every: TimeSpan.FromHours(12));
        var note = textLength <= Texts.InvitationNote.Length
            ? Texts.InvitationNote
            : Texts.InvitationNote + " " + Texts.LongText(4, textLength - Texts.InvitationNote.Length - 1);
        var messages = request.Messages.Select((m, i) => m with { Text = Texts.LongText(i, textLength) }).ToArray();
        return request with { Note = note, Messages = messages };
    }

    /// <summary>A clean typical request with <paramref name="messageCount"/> messages of about 150 characters.</summary>
    public static ConnectionRequest WithMessageCount(int messageCount) =>
        Conversation(Flagged.Clean, messageCount, messageLength: 150, every: TimeSpan.FromHours(10));

    /// <summary>
    /// A realistic inbox of <paramref name="count"/> requests: per hundred, 45 small (30 clean, 10 half, 5 all flagged),
    /// 40 typical (25, 10, 5) and 15 large (8, 4, 3), interleaved, each with its own id.
    /// </summary>
    public static ConnectionRequest[] Mix(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        (RequestSize Size, Flagged Flags, int Weight)[] weights =
        [
            (RequestSize.Small, Flagged.Clean, 30), (RequestSize.Small, Flagged.Half, 10), (RequestSize.Small, Flagged.All, 5),
            (RequestSize.Typical, Flagged.Clean, 25), (RequestSize.Typical, Flagged.Half, 10), (RequestSize.Typical, Flagged.All, 5),
            (RequestSize.Large, Flagged.Clean, 8), (RequestSize.Large, Flagged.Half, 4), (RequestSize.Large, Flagged.All, 3),
        ];
        var shapes = weights.ToDictionary(w => (w.Size, w.Flags), w => Create(w.Size, w.Flags));
        var table = weights.SelectMany(w => Enumerable.Repeat((w.Size, w.Flags), w.Weight)).ToArray();
        var requests = new ConnectionRequest[count];
        for (var i = 0; i < count; i++)
        {
            // 37 is prime to 100: every block of a hundred holds the weights exactly, spread out.
            requests[i] = shapes[table[i * 37 % table.Length]] with { Id = $"req-{i:D5}" };
        }

        return requests;
    }

    private static ConnectionRequest Small(Flagged flags)
    {
        var sentAt = Now.AddDays(-2);
        return flags switch
        {
            Flagged.Clean => new ConnectionRequest
            {
                Id = "small-clean",
                Sender = GoodProfile(),
                Recipient = Recipient(),
                Note = Texts.ShortPersonalNote,
                SentAt = sentAt,
                MutualConnections = 4,
            },

            // No personal note, a stranger, a mass inviter by connection count.
            Flagged.Half => new ConnectionRequest
            {
                Id = "small-half",
                Sender = GoodProfile() with { ConnectionCount = 12_000, Groups = [] },
                Recipient = Recipient(),
                Note = Texts.StockNote,
                SentAt = sentAt,
                MutualConnections = 0,
            },

            // A pitch for a note, a stranger, a young account without photo or connections that invites en masse, a LION.
            _ => new ConnectionRequest
            {
                Id = "small-all",
                Sender = new MemberProfile
                {
                    Name = "Dana Whitfield",
                    Headline = Texts.OpenNetworkerHeadline,
                    ConnectionCount = 6,
                    MemberSince = Now.AddDays(-12),
                    HasPhoto = false,
                    InvitationsSentLastWeek = 250,
                },
                Recipient = Recipient(),
                Note = Texts.PitchNote,
                SentAt = sentAt,
                MutualConnections = 0,
            },
        };
    }

    private static ConnectionRequest Conversation(Flagged flags, int messageCount, int messageLength, TimeSpan every)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(messageCount);
        var sentAt = Now - TimeSpan.FromDays(2) - (every * messageCount);
        var acceptedAt = sentAt.AddDays(1);
        var messages = new Message[messageCount];
        for (var i = 0; i < messageCount; i++)
        {
            var direction = i % 2 == 0 ? MessageDirection.FromSender : MessageDirection.FromRecipient;
            messages[i] = new Message(acceptedAt + TimeSpan.FromHours(1) + (every * i), Texts.Conversation(i, messageLength), direction);
        }

        var request = new ConnectionRequest
        {
            Id = "conversation-" + flags.ToString().ToLowerInvariant(),
            Sender = GoodProfile(),
            Recipient = Recipient(),
            SentAt = sentAt,
            AcceptedAt = acceptedAt,
            MutualConnections = 4,
        };

        switch (flags)
        {
            case Flagged.Clean:
                // An invitation that is no pitch makes the note and every sender message go through the pitch scan.
                return request with { Note = Texts.InvitationNote, Messages = messages, Endorsements = [new Endorsement(acceptedAt.AddHours(2), "Build systems")] };

            case Flagged.Half:
                // Connect-and-sell with two near-identical follow-ups; a mass inviter by invitations; a LION.
                Replace(messages, 0, Texts.PitchMessage, MessageDirection.FromSender);
                Replace(messages, 1, Texts.FollowUp, MessageDirection.FromSender);
                Replace(messages, 2, Texts.SecondFollowUp, MessageDirection.FromSender);
                Replace(messages, 3, Texts.DeclineReply, MessageDirection.FromRecipient);
                return request with
                {
                    Note = Texts.PersonalNote,
                    Messages = messages,
                    Sender = request.Sender with { Headline = Texts.OpenNetworkerHeadline, InvitationsSentLastWeek = 250 },
                };

            default:
                // An invitation, then a pitch, an ask to be endorsed back, two follow-ups; a bought profile that invites en masse.
                Replace(messages, 0, Texts.PitchMessage, MessageDirection.FromSender);
                Replace(messages, 1, Texts.DeclineReply, MessageDirection.FromRecipient);
                Replace(messages, 2, Texts.EndorseBackMessage, MessageDirection.FromSender);
                Replace(messages, 3, Texts.FollowUp, MessageDirection.FromSender);
                Replace(messages, 4, Texts.SecondFollowUp, MessageDirection.FromSender);
                return request with
                {
                    Note = Texts.InvitationNote,
                    Messages = messages,
                    Endorsements = [new Endorsement(acceptedAt.AddMinutes(30), "Kubernetes"), new Endorsement(acceptedAt.AddMinutes(31), "Go")],
                    Sender = request.Sender with
                    {
                        Headline = Texts.OpenNetworkerHeadline,
                        ConnectionCount = 6,
                        HasPhoto = false,
                        InvitationsSentLastWeek = 250,
                    },
                };
        }
    }

    private static void Replace(Message[] messages, int index, string text, MessageDirection direction)
    {
        if (index < messages.Length)
        {
            messages[index] = messages[index] with { Text = text, Direction = direction };
        }
    }

    private static MemberProfile GoodProfile() => new()
    {
        Name = "Dana Whitfield",
        Headline = Texts.Headline,
        ConnectionCount = 420,
        MemberSince = Now.AddYears(-6),
        HasPhoto = true,
        Groups = ["Rust Users Lisbon", "Platform Engineering"],
        InvitationsSentLastWeek = 3,
    };

    private static MemberProfile Recipient() => new() { Name = "Sam Ortega", Groups = ["platform engineering"] };
}
