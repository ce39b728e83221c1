using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests.Rules;

/// <summary>CR3001: a likely fake or bought profile, judged on at least two known signals.</summary>
public sealed class CR3001FakeProfileTests
{
    private const string Id = "CR3001";
    private const string Prefix = "The sender's profile looks fake or bought: ";
    private static readonly TimeSpan Veteran = TimeSpan.FromDays(6 * 365);

    /// <summary>Account age, photo, connection count, and the signals the message lists.</summary>
    public static TheoryData<TimeSpan?, bool?, int?, string> FakeProfiles => new()
    {
        { TimeSpan.FromDays(12), false, 420, "account 12 d old, no photo" },
        { TimeSpan.FromDays(12), true, 3, "account 12 d old, 3 connection(s)" },
        { Veteran, false, 3, "no photo, 3 connection(s)" },
        { TimeSpan.FromDays(12), false, 0, "account 12 d old, no photo, 0 connection(s)" },
        { TimeSpan.FromDays(30) - TimeSpan.FromHours(1), false, null, "account 29 d 23 h old, no photo" },
        { TimeSpan.FromHours(5), null, 9, "account 5 h old, 9 connection(s)" },
    };

    /// <summary>Fewer than two signals that are known.</summary>
    public static TheoryData<TimeSpan?, bool?, int?> GenuineOrUnknownProfiles => new()
    {
        { Veteran, true, 420 },
        { TimeSpan.FromDays(12), true, 420 },
        { Veteran, false, 420 },
        { Veteran, true, 3 },
        { null, null, 3 },
        { null, false, null },
        { TimeSpan.FromDays(12), null, null },
        { null, null, null },
        { TimeSpan.FromDays(30), false, 420 },
        { Veteran, false, 10 },
        { TimeSpan.FromDays(30), true, 10 },
    };

    private static ConnectionRequest From(TimeSpan? age, bool? hasPhoto, int? connections)
    {
        var request = Requests.Clean();
        return request with
        {
            Sender = request.Sender with
            {
                MemberSince = Requests.Now - age,
                HasPhoto = hasPhoto,
                ConnectionCount = connections,
            },
        };
    }

    [Theory]
    [MemberData(nameof(FakeProfiles))]
    public void two_or_more_known_signals_are_reported_at_the_sender(TimeSpan? age, bool? hasPhoto, int? connections, string signals)
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(From(age, hasPhoto, connections));

        Assert.Equal([(Id, "sender", Prefix + signals)], Reported(evaluation));
    }

    [Theory]
    [MemberData(nameof(GenuineOrUnknownProfiles))]
    public void fewer_than_two_known_signals_are_not_reported(TimeSpan? age, bool? hasPhoto, int? connections)
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(From(age, hasPhoto, connections));

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void a_fake_profile_is_declined_while_pending_and_disconnected_once_accepted()
    {
        var pending = From(TimeSpan.FromDays(12), false, 3);
        var engine = Requests.RecommendedEngine();

        var whilePending = engine.Evaluate(pending);
        var onceAccepted = engine.Evaluate(pending with { AcceptedAt = Requests.SentAt.AddDays(1) });

        Assert.Equal(Verdict.Decline, whilePending.Verdict);
        Assert.Equal(Verdict.Disconnect, onceAccepted.Verdict);
        Assert.Equal(Reported(whilePending), Reported(onceAccepted));
        Assert.Equal(Severity.Error, Assert.Single(onceAccepted.Diagnostics, d => d.Id == Id).Severity);
    }

    [Fact]
    public void a_member_since_date_in_the_future_is_not_evidence_of_a_young_account()
    {
        var request = From(null, false, 420);
        request = request with { Sender = request.Sender with { MemberSince = Requests.Now.AddDays(1) } };

        var evaluation = Requests.RecommendedEngine().Evaluate(request);

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void the_account_age_is_measured_on_the_engines_clock()
    {
        var request = From(TimeSpan.FromDays(12), false, 420);
        var aMonthLater = Requests.RecommendedEngine(b => b.UseTimeProvider(new FixedTimeProvider(Requests.Now.AddDays(30))));

        Assert.Single(Reported(Requests.RecommendedEngine().Evaluate(request)));
        Assert.Empty(Reported(aMonthLater.Evaluate(request)));
    }

    [Fact]
    public void the_thresholds_come_from_the_options()
    {
        var strict = Requests.RecommendedEngine(b => b.Configure(o =>
        {
            o.YoungAccountAge = TimeSpan.FromDays(90);
            o.FewConnections = 50;
        }));

        var evaluation = strict.Evaluate(From(TimeSpan.FromDays(60), true, 40));

        Assert.Equal([(Id, "sender", Prefix + "account 60 d old, 40 connection(s)")], Reported(evaluation));
        Assert.Empty(Reported(Requests.RecommendedEngine().Evaluate(From(TimeSpan.FromDays(60), true, 40))));
    }

    [Fact]
    public void a_disabled_rule_never_reports()
    {
        var request = From(TimeSpan.FromDays(12), false, 3);

        Configurability.DisableSilences(Id, request);
    }

    [Theory]
    [InlineData(Severity.Hidden)]
    [InlineData(Severity.Info)]
    [InlineData(Severity.Warning)]
    public void a_configured_severity_replaces_the_default_error(Severity severity)
    {
        var request = From(TimeSpan.FromDays(12), false, 3);

        Configurability.SetSeverityReplaces(Id, request, Severity.Error, severity);
    }


    private static (string Id, string? Location, string Message)[] Reported(Evaluation evaluation) => Reports.Of(evaluation, Id);
}
