namespace ConnectionRules.Extensions.Tests.Support;

/// <summary>Requests to start tests from: a friendly, clean baseline that each test changes with <c>with</c>.</summary>
public static class Requests
{
    /// <summary>The engine's "now" in tests.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A pending request that no recommended rule reports on (with the test clock).</summary>
    public static ConnectionRequest Clean() => new()
    {
        Id = "req-1",
        Sender = new MemberProfile
        {
            Name = "Dana Whitfield",
            Headline = "Platform engineer at Northwind",
            ConnectionCount = 420,
            MemberSince = Now.AddYears(-6),
            HasPhoto = true,
            Groups = ["Platform Engineering"],
            InvitationsSentLastWeek = 3,
        },
        Recipient = new MemberProfile { Name = "Sam Ortega", Groups = ["platform engineering"] },
        Note = "Hi Sam, I enjoyed your talk on build caching at the Lisbon meetup. Would love to stay in touch.",
        SentAt = Now.AddDays(-10),
        MutualConnections = 4,
    };

    /// <summary>The baseline, accepted a day after it was sent, then a message from the sender an hour later.</summary>
    public static ConnectionRequest AcceptedThenMessaged(string text) => Clean() with
    {
        AcceptedAt = Now.AddDays(-9),
        Messages = [new Message(Now.AddDays(-9).AddHours(1), text)],
    };
}
