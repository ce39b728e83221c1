using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests.Rules;

/// <summary>CR0002: the request's own data is inconsistent; when it reports, no other rule runs.</summary>
public sealed class CR0002InconsistentRequestTests
{
    private const string Id = "CR0002";
    private const string Prefix = "Request data is inconsistent: ";
    private const string PendingMessage = Prefix + "a message from the sender while the request is still pending, other than the note";

    /// <summary>A pending request that would make most rules report: no note, a stranger, a fresh account without photo, a LION.</summary>
    private static ConnectionRequest Suspicious()
    {
        var request = Requests.Clean();
        return request with
        {
            Note = null,
            MutualConnections = 0,
            Recipient = null,
            Sender = request.Sender with
            {
                Headline = "LION | Growth",
                MemberSince = Requests.Now.AddDays(-3),
                HasPhoto = false,
                ConnectionCount = 2,
                InvitationsSentLastWeek = 500,
            },
        };
    }

    [Fact]
    public void a_request_accepted_before_it_was_sent_is_reported_at_accepted_at()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Requests.Clean() with { AcceptedAt = Requests.SentAt.AddHours(-1) });

        Assert.Equal(
            [(Id, "acceptedAt", Prefix + "accepted at 2026-03-05 11:00:00 +00:00, before it was sent at 2026-03-05 12:00:00 +00:00")],
            Reported(evaluation));
    }

    [Fact]
    public void a_request_accepted_the_moment_it_was_sent_is_consistent()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Requests.Clean() with { AcceptedAt = Requests.SentAt });

        Assert.Empty(evaluation.Diagnostics);
    }

    [Fact]
    public void a_message_dated_before_the_request_was_sent_is_reported_at_the_message()
    {
        var request = Requests.Accepted() with
        {
            Messages = [Requests.FromSender(TimeSpan.FromHours(1), "Thanks for connecting!"), new Message(Requests.SentAt.AddMinutes(-1), "Hello?")],
        };

        var evaluation = Requests.RecommendedEngine().Evaluate(request);

        Assert.Equal(
            [(Id, "messages[1]", Prefix + "message dated 2026-03-05 11:59:00 +00:00, before the request was sent at 2026-03-05 12:00:00 +00:00")],
            Reported(evaluation));
    }

    [Fact]
    public void a_message_dated_before_the_one_above_it_is_reported_at_the_message()
    {
        var request = Requests.Accepted() with
        {
            Messages =
            [
                Requests.FromSender(TimeSpan.FromHours(1), "Thanks for connecting!"),
                Requests.FromSender(TimeSpan.FromHours(3), "Any news?"),
                Requests.FromSender(TimeSpan.FromHours(2), "Hello?"),
                Requests.FromSender(TimeSpan.FromHours(2), "The same time as the one before: fine."),
            ],
            Endorsements = [new Endorsement(Requests.SentAt.AddDays(2), "Rust"), new Endorsement(Requests.SentAt.AddDays(1), "Go")],
        };

        var evaluation = Requests.RecommendedEngine().Evaluate(request);

        Assert.Equal(
            [(Id, "messages[2]", Prefix + "message dated 2026-03-06 14:00:00 +00:00, before messages[1] at 2026-03-06 15:00:00 +00:00: not oldest first")],
            Reported(evaluation));
    }

    [Fact]
    public void an_endorsement_dated_before_the_request_was_sent_is_reported_at_the_endorsement()
    {
        var request = Requests.Accepted() with
        {
            Endorsements = [new Endorsement(Requests.SentAt.AddDays(2), "Rust"), new Endorsement(Requests.SentAt.AddDays(-2), "Go")],
        };

        var evaluation = Requests.RecommendedEngine().Evaluate(request);

        Assert.Equal(
            [(Id, "endorsements[1]", Prefix + "endorsement dated 2026-03-03 12:00:00 +00:00, before the request was sent at 2026-03-05 12:00:00 +00:00")],
            Reported(evaluation));
    }

    [Fact]
    public void a_sender_message_while_pending_is_reported_at_the_message()
    {
        var request = Requests.Clean() with { Messages = [new Message(Requests.SentAt.AddHours(1), "Did you get my request?")] };

        var evaluation = Requests.RecommendedEngine().Evaluate(request);

        Assert.Equal([(Id, "messages[0]", PendingMessage)], Reported(evaluation));
    }

    [Fact]
    public void the_recipient_may_reply_to_a_pending_invitation()
    {
        var request = Requests.Clean();
        request = request with
        {
            Messages =
            [
                new Message(Requests.SentAt, request.Note!),
                new Message(Requests.SentAt.AddHours(3), "Hi Dana, remind me where we met?", MessageDirection.FromRecipient),
            ],
        };

        var evaluation = Requests.RecommendedEngine().Evaluate(request);

        Assert.Empty(evaluation.Diagnostics);
    }

    [Fact]
    public void a_pending_request_whose_only_message_is_the_note_itself_is_fine()
    {
        var request = Requests.Clean();
        request = request with { Messages = [new Message(Requests.SentAt, "  " + request.Note + "\n")] };

        var evaluation = Requests.RecommendedEngine().Evaluate(request);

        Assert.Empty(evaluation.Diagnostics);
        Assert.Equal(Verdict.Accept, evaluation.Verdict);
    }

    [Fact]
    public void a_message_after_the_note_while_pending_is_reported_but_the_note_is_not()
    {
        var request = Requests.Clean();
        request = request with
        {
            Messages = [new Message(Requests.SentAt, request.Note!), new Message(Requests.SentAt.AddDays(1), "Just checking you saw my note.")],
        };

        var evaluation = Requests.RecommendedEngine().Evaluate(request);

        Assert.Equal([(Id, "messages[1]", PendingMessage)], Reported(evaluation));
    }

    [Fact]
    public void a_pending_message_dated_before_the_request_is_reported_once()
    {
        var request = Requests.Clean() with { Messages = [new Message(Requests.SentAt.AddHours(-2), "Hello?")] };

        var evaluation = Requests.RecommendedEngine().Evaluate(request);

        Assert.Equal(
            [(Id, "messages[0]", Prefix + "message dated 2026-03-05 10:00:00 +00:00, before the request was sent at 2026-03-05 12:00:00 +00:00")],
            Reported(evaluation));
    }

    [Fact]
    public void every_inconsistency_is_reported_in_location_order()
    {
        var request = Requests.Clean() with
        {
            AcceptedAt = Requests.SentAt.AddHours(-1),
            Messages = [new Message(Requests.SentAt.AddDays(-1), "Hello?")],
            Endorsements = [new Endorsement(Requests.SentAt.AddDays(-2), "Go")],
        };

        var evaluation = Requests.RecommendedEngine().Evaluate(request);

        Assert.Equal(["acceptedAt", "endorsements[0]", "messages[0]"], Reported(evaluation).Select(d => d.Location));
    }

    [Fact]
    public void timestamps_keep_the_callers_offset()
    {
        var sentAt = new DateTimeOffset(2026, 3, 5, 14, 0, 0, TimeSpan.FromHours(2));
        var request = Requests.Clean() with { SentAt = sentAt, AcceptedAt = sentAt.AddMinutes(-30) };

        var evaluation = Requests.RecommendedEngine().Evaluate(request);

        Assert.Equal(
            [(Id, "acceptedAt", Prefix + "accepted at 2026-03-05 13:30:00 +02:00, before it was sent at 2026-03-05 14:00:00 +02:00")],
            Reported(evaluation));
    }

    [Fact]
    public void a_message_after_one_dated_before_the_request_is_compared_with_that_one()
    {
        var request = Requests.Accepted() with
        {
            Messages =
            [
                Requests.FromSender(TimeSpan.FromHours(1), "Thanks for connecting!"),
                new Message(Requests.SentAt.AddMinutes(-1), "Hello?"),
                Requests.FromRecipient(TimeSpan.FromMinutes(30), "Hi!"),
            ],
        };

        // messages[2] is after messages[1], the one before it, though before messages[0]: only messages[1] is reported.
        Assert.Equal(["messages[1]"], Reported(Requests.RecommendedEngine().Evaluate(request)).Select(d => d.Location));
    }

    [Fact]
    public void messages_are_ordered_by_the_instant_not_by_the_clock_of_their_offsets()
    {
        // 13:30 in Lisbon in March is 13:30 UTC, after 14:00 in Berlin (13:00 UTC): in order, though the clocks read earlier.
        var berlin = TimeSpan.FromHours(1);
        var first = new Message(new DateTimeOffset(2026, 3, 7, 14, 0, 0, berlin), "Guten Tag!", MessageDirection.FromRecipient);
        var inOrder = new Message(first.SentAt.ToOffset(TimeSpan.Zero).AddMinutes(30), "Hello from Lisbon.");
        var outOfOrder = new Message(first.SentAt.ToOffset(TimeSpan.Zero).AddMinutes(-30), "Hello from Lisbon.");
        var engine = Requests.RecommendedEngine();

        Assert.Empty(Reported(engine.Evaluate(Requests.Accepted() with { Messages = [first, inOrder] })));
        Assert.Equal(
            [(Id, "messages[1]", Prefix + "message dated 2026-03-07 12:30:00 +00:00, before messages[0] at 2026-03-07 14:00:00 +01:00: not oldest first")],
            Reported(engine.Evaluate(Requests.Accepted() with { Messages = [first, outOfOrder] })));
    }

    [Fact]
    public void a_message_sent_the_instant_the_request_was_but_written_in_another_offset_is_consistent()
    {
        // The request on a clock in Kiribati (UTC+14), the message on one in New York (UTC-5).
        var request = Requests.Accepted() with
        {
            SentAt = Requests.SentAt.ToOffset(TimeSpan.FromHours(14)),
            Messages = [new Message(Requests.SentAt.ToOffset(TimeSpan.FromHours(-5)), "Same instant, New York clock.", MessageDirection.FromRecipient)],
        };

        Assert.Empty(Reported(Requests.RecommendedEngine().Evaluate(request)));
    }

    [Fact]
    public void the_suspicious_baseline_makes_the_other_rules_report()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Suspicious());

        Assert.Equal(
            ["CR1001", "CR1002", "CR3001", "CR3002", "CR3003"],
            evaluation.Diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void when_the_data_is_inconsistent_no_other_rule_reports()
    {
        var request = Suspicious() with
        {
            Messages = [new Message(Requests.SentAt.AddHours(1), "I'd love to show you a quick demo of our platform")],
        };

        var evaluation = Requests.RecommendedEngine().Evaluate(request);

        Assert.Equal([(Id, "messages[0]", PendingMessage)], Reported(evaluation));
        Assert.All(evaluation.Diagnostics, d => Assert.Equal(Id, d.Id));
        Assert.Equal(Verdict.Review, evaluation.Verdict);
    }

    [Fact]
    public void an_accepted_before_sent_connection_with_a_pitch_only_reports_the_inconsistency()
    {
        var request = Requests.Clean() with
        {
            AcceptedAt = Requests.SentAt.AddHours(-1),
            Messages = [new Message(Requests.SentAt.AddHours(1), "I'd love to show you a quick demo of our platform")],
        };

        var evaluation = Requests.RecommendedEngine().Evaluate(request);

        Assert.Equal([Id], evaluation.Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void a_disabled_rule_never_reports_and_the_other_rules_run_again()
    {
        var request = Suspicious() with { Messages = [new Message(Requests.SentAt.AddHours(1), "Did you get my request?")] };

        var evaluation = Requests.RecommendedEngine(b => b.Disable(Id)).Evaluate(request);

        Assert.Empty(Reported(evaluation));
        Assert.Contains(evaluation.Diagnostics, d => d.Id == "CR1002");
    }

    [Theory]
    [InlineData(Severity.Hidden, Verdict.Accept)]
    [InlineData(Severity.Info, Verdict.Accept)]
    [InlineData(Severity.Error, Verdict.Decline)]
    public void a_configured_severity_replaces_the_default_warning(Severity severity, Verdict verdict)
    {
        var request = Requests.Clean() with { Messages = [new Message(Requests.SentAt.AddHours(1), "Did you get my request?")] };

        Assert.Equal(Severity.Warning, Single(Requests.RecommendedEngine(), request).Severity);
        var evaluation = Requests.RecommendedEngine(b => b.SetSeverity(Id, severity)).Evaluate(request);
        Assert.Equal(severity, Assert.Single(evaluation.Diagnostics, d => d.Id == Id).Severity);
        Assert.Equal(verdict, evaluation.Verdict);
    }

    [Fact]
    public void a_suppressed_inconsistency_stays_visible_and_lets_the_other_rules_run()
    {
        var request = Suspicious() with { Messages = [new Message(Requests.SentAt.AddHours(1), "Did you get my request?")] };
        var engine = Requests.RecommendedEngine(b => b.Suppress(
            Id, global::ConnectionRules.Predicates.Custom("Imported", _ => true), "Imported from a CRM that logs follow-ups as messages"));

        var evaluation = engine.Evaluate(request);

        var inconsistency = Assert.Single(evaluation.Diagnostics, d => d.Id == Id);
        Assert.Equal("Imported from a CRM that logs follow-ups as messages", inconsistency.Justification);
        Assert.Contains(evaluation.Diagnostics, d => d.Id == "CR1002");
    }

    [Fact]
    public void a_hidden_inconsistency_still_stops_the_other_rules()
    {
        var request = Suspicious() with { Messages = [new Message(Requests.SentAt.AddHours(1), "Did you get my request?")] };

        var evaluation = Requests.RecommendedEngine(b => b.SetSeverity(Id, Severity.Hidden)).Evaluate(request);

        Assert.Equal([Id], evaluation.Diagnostics.Select(d => d.Id));
    }

    private static Diagnostic Single(RuleEngine engine, ConnectionRequest request) =>
        Assert.Single(engine.Evaluate(request).Diagnostics, d => d.Id == Id);

    private static (string Id, string? Location, string Message)[] Reported(Evaluation evaluation) => Reports.Of(evaluation, Id);
}
