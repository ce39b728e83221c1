using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests.Rules;

/// <summary>CR2001: connect-and-sell, a sender's pitch within the pitch window after the request was accepted.</summary>
public sealed class CR2001ConnectAndSellTests
{
    private const string Id = "CR2001";
    private const string Pitch = "I'd love to show you a quick demo of our platform";
    private const string Genuine = "Thanks for connecting, see you at the meetup!";
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(72);

    public static TheoryData<TimeSpan, string> ElapsedTimes => new()
    {
        { TimeSpan.Zero, "0 min" },
        { TimeSpan.FromMinutes(45), "45 min" },
        { TimeSpan.FromHours(2), "2 h" },
        { new TimeSpan(3, 20, 0), "3 h 20 min" },
        { TimeSpan.FromHours(26), "1 d 2 h" },
        { TimeSpan.FromHours(48), "2 d" },
        { DefaultWindow, "3 d" },
    };

    private static ConnectionRequest AcceptedWith(params Message[] messages) => Requests.Accepted() with { Messages = messages };

    private static ConnectionRequest AcceptedAtWith(DateTimeOffset acceptedAt, params Message[] messages) =>
        Requests.Accepted() with { AcceptedAt = acceptedAt, Messages = messages };

    [Theory]
    [MemberData(nameof(ElapsedTimes))]
    public void a_pitch_within_the_window_is_reported_with_the_time_since_acceptance(TimeSpan after, string elapsed)
    {
        var engine = Requests.RecommendedEngine(b => b.UsePitchDetector(new PhraseDetector("quick demo")));

        var evaluation = engine.Evaluate(AcceptedWith(Requests.FromSender(after, "Hi Sam! Got time for a Quick Demo?")));

        Assert.Equal(
            [(Id, "messages[0]", $"A sales pitch arrived {elapsed} after the request was accepted (\"Quick Demo\")")],
            Reported(evaluation));
    }

    [Fact]
    public void an_unmistakable_pitch_two_hours_after_acceptance_is_caught_by_the_default_detector()
    {
        var engine = Requests.RecommendedEngine();
        var match = engine.PitchDetector.Detect(Pitch);

        var evaluation = engine.Evaluate(AcceptedWith(Requests.FromSender(TimeSpan.FromHours(2), Pitch)));

        Assert.True(match.IsPitch);
        var diagnostic = Assert.Single(evaluation.Diagnostics, d => d.Id == Id);
        Assert.Equal(
            ("messages[0]", $"A sales pitch arrived 2 h after the request was accepted (\"{Pitch.Substring(match.Index, match.Length)}\")"),
            (diagnostic.Location, diagnostic.Message));
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal(Verdict.Disconnect, evaluation.Verdict);
    }

    [Fact]
    public void a_pitch_at_exactly_the_end_of_the_window_is_reported()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(Requests.FromSender(DefaultWindow, Pitch)));

        Assert.Single(Reported(evaluation));
    }

    [Fact]
    public void a_pitch_one_tick_after_the_window_is_not_reported()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(Requests.FromSender(DefaultWindow + TimeSpan.FromTicks(1), Pitch)));

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void the_window_is_measured_between_instants_whatever_the_offsets_they_are_written_in()
    {
        // Accepted on a clock in New York, five hours behind UTC, written to on one in Tokyo, nine ahead: the window
        // ends at the same instant.
        var tokyo = TimeSpan.FromHours(9);
        var acceptedAt = Requests.Accepted().AcceptedAt!.Value.ToOffset(TimeSpan.FromHours(-5));
        var atTheEnd = new Message((acceptedAt + DefaultWindow).ToOffset(tokyo), Pitch);
        var justAfter = new Message((acceptedAt + DefaultWindow + TimeSpan.FromTicks(1)).ToOffset(tokyo), Pitch);
        var beforeAcceptance = new Message((acceptedAt - TimeSpan.FromTicks(1)).ToOffset(tokyo), Pitch);
        var engine = Requests.RecommendedEngine();

        var atAcceptance = new Message(acceptedAt.ToOffset(tokyo), Pitch);

        Assert.Single(Reported(engine.Evaluate(AcceptedAtWith(acceptedAt, atTheEnd))));
        Assert.Single(Reported(engine.Evaluate(AcceptedAtWith(acceptedAt, atAcceptance))));
        Assert.Empty(Reported(engine.Evaluate(AcceptedAtWith(acceptedAt, justAfter))));
        Assert.Empty(Reported(engine.Evaluate(AcceptedAtWith(acceptedAt, beforeAcceptance))));
    }

    [Fact]
    public void a_configured_window_moves_the_boundary()
    {
        var narrow = Requests.RecommendedEngine(b => b.Configure(o => o.PitchWindow = TimeSpan.FromHours(48)));
        var wide = Requests.RecommendedEngine(b => b.Configure(o => o.PitchWindow = TimeSpan.FromDays(7)));

        Assert.Single(Reported(narrow.Evaluate(AcceptedWith(Requests.FromSender(TimeSpan.FromHours(48), Pitch)))));
        Assert.Empty(Reported(narrow.Evaluate(AcceptedWith(Requests.FromSender(TimeSpan.FromHours(48) + TimeSpan.FromTicks(1), Pitch)))));
        Assert.Single(Reported(wide.Evaluate(AcceptedWith(Requests.FromSender(TimeSpan.FromDays(5), Pitch)))));
        Assert.Empty(Reported(Requests.RecommendedEngine().Evaluate(AcceptedWith(Requests.FromSender(TimeSpan.FromDays(5), Pitch)))));
    }

    [Fact]
    public void a_zero_window_catches_only_a_pitch_at_the_moment_of_acceptance()
    {
        var engine = Requests.RecommendedEngine(b => b.Configure(o => o.PitchWindow = TimeSpan.Zero));

        Assert.Single(Reported(engine.Evaluate(AcceptedWith(Requests.FromSender(TimeSpan.Zero, Pitch)))));
        Assert.Empty(Reported(engine.Evaluate(AcceptedWith(Requests.FromSender(TimeSpan.FromSeconds(1), Pitch)))));
    }

    [Fact]
    public void the_location_is_the_first_sender_pitch_in_the_window()
    {
        var engine = Requests.RecommendedEngine(b => b.UsePitchDetector(new PhraseDetector("quick demo")));
        var request = AcceptedWith(
            Requests.FromSender(TimeSpan.FromHours(1), Genuine),
            Requests.FromRecipient(TimeSpan.FromHours(2), "Do you want a quick demo of my thing?"),
            Requests.FromSender(TimeSpan.FromHours(5), "Happy to do a quick demo for your team."),
            Requests.FromSender(TimeSpan.FromHours(6), "Following up on the quick demo."));

        var evaluation = engine.Evaluate(request);

        Assert.Equal(
            [(Id, "messages[2]", "A sales pitch arrived 5 h after the request was accepted (\"quick demo\")")],
            Reported(evaluation));
    }

    [Fact]
    public void a_pitch_from_the_recipient_is_not_connect_and_sell()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(Requests.FromRecipient(TimeSpan.FromHours(2), Pitch)));

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void a_sender_known_offline_may_pitch()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(
            AcceptedWith(Requests.FromSender(TimeSpan.FromHours(2), Pitch)) with { KnownOffline = true });

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void genuine_messages_in_the_window_and_a_pitch_after_it_are_not_connect_and_sell()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(
            Requests.FromSender(TimeSpan.FromHours(1), Genuine),
            Requests.FromRecipient(TimeSpan.FromHours(3), "Likewise, see you there."),
            Requests.FromSender(TimeSpan.FromDays(20), Pitch)));

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void a_pitch_sent_before_acceptance_is_not_after_acceptance()
    {
        var request = Requests.Accepted() with
        {
            Messages = [new Message(Requests.SentAt.AddHours(2), Pitch)],
        };

        var evaluation = Requests.RecommendedEngine().Evaluate(request);

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void a_pending_request_cannot_be_connect_and_sell()
    {
        var request = Requests.Clean() with { Messages = [Requests.FromSender(TimeSpan.FromHours(2), Pitch)] };

        // CR0002 would otherwise stop every rule on a pending request that holds messages.
        var evaluation = Requests.RecommendedEngine(b => b.Disable("CR0002")).Evaluate(request);

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void a_disabled_rule_never_reports()
    {
        var request = AcceptedWith(Requests.FromSender(TimeSpan.FromHours(2), Pitch));

        Configurability.DisableSilences(Id, request);
    }

    [Theory]
    [InlineData(Severity.Hidden)]
    [InlineData(Severity.Info)]
    [InlineData(Severity.Warning)]
    public void a_configured_severity_replaces_the_default_error(Severity severity)
    {
        var request = AcceptedWith(Requests.FromSender(TimeSpan.FromHours(2), Pitch));

        Configurability.SetSeverityReplaces(Id, request, Severity.Error, severity);
    }


    private static (string Id, string? Location, string Message)[] Reported(Evaluation evaluation) => Reports.Of(evaluation, Id);

}
