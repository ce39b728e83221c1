namespace ConnectionRules.Tests.Support;

/// <summary>Requests to start tests from: a friendly, clean baseline that each test changes with <c>with</c>.</summary>
public static class Requests
{
    /// <summary>The engine's "now" in tests.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);

    /// <summary>When the baseline request was sent: ten days before <see cref="Now"/>.</summary>
    public static readonly DateTimeOffset SentAt = Now.AddDays(-10);

    /// <summary>A pending request that no recommended rule reports on.</summary>
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
            Groups = ["Rust Users Lisbon", "Platform Engineering"],
            InvitationsSentLastWeek = 3,
        },
        Recipient = new MemberProfile { Name = "Sam Ortega", Groups = ["platform engineering"] },
        Note = "Hi Sam, I enjoyed your talk on build caching at the Lisbon meetup. Would love to stay in touch.",
        SentAt = SentAt,
        MutualConnections = 4,
    };

    /// <summary>The baseline request, accepted one day after it was sent.</summary>
    public static ConnectionRequest Accepted() => Clean() with { AcceptedAt = SentAt.AddDays(1) };

    /// <summary>A message from the sender, <paramref name="after"/> the baseline's acceptance.</summary>
    public static Message FromSender(TimeSpan after, string text) => new(SentAt.AddDays(1) + after, text);

    /// <summary>A message from the recipient, <paramref name="after"/> the baseline's acceptance.</summary>
    public static Message FromRecipient(TimeSpan after, string text) => new(SentAt.AddDays(1) + after, text, MessageDirection.FromRecipient);

    /// <summary>An engine with the recommended rules and the test clock.</summary>
    public static RuleEngine RecommendedEngine(Action<RuleEngineBuilder>? configure = null)
    {
        var builder = new RuleEngineBuilder().AddRecommendedRules().UseTimeProvider(new FixedTimeProvider(Now));
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>Whether <paramref name="predicate"/> holds for <paramref name="request"/>, asked the way a user would: through a fluent rule.</summary>
    public static bool Matches(RequestPredicate predicate, ConnectionRequest request)
    {
        var engine = new RuleEngineBuilder()
            .AddRule("TEST001", rule => rule.WithTitle("Probe").ReportWhen(predicate))
            .Disable(RuleIds.InconsistentRequest)
            .UseTimeProvider(new FixedTimeProvider(Now))
            .Build();
        return engine.Evaluate(request).Diagnostics.Any(d => d.Id == "TEST001");
    }
}
