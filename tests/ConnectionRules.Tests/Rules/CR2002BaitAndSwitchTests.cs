using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests.Rules;

/// <summary>CR2002: bait-and-switch, a note that invites to a group, event or networking, then a pitch from the sender.</summary>
public sealed class CR2002BaitAndSwitchTests
{
    private const string Id = "CR2002";
    private const string InvitingNote = "Hi Sam, join us at the Lisbon Rust meetup next month!";
    private const string Pitch = "Our agency offers lead generation services";
    private const string Genuine = "Thanks for connecting, see you at the meetup!";

    public static TheoryData<string, string> InvitingNotes => new()
    {
        { "Hi Sam, join us at the Lisbon Rust meetup next month!", "join us at" },
        { "Hi Sam, would you like to join our group for Rust developers in Lisbon?", "join our group" },
        { "Hi Sam, you're invited to our monthly webinar on build systems.", "you're invited" },
        { "Hi Sam, we'd love to have you at the Lisbon networking night.", "love to have you at" },
        { "Hello Sam, RSVP for our Thursday mixer, it would be great to see you.", "RSVP" },
    };

    private static ConnectionRequest AcceptedWith(string? note, params Message[] messages) =>
        Requests.Accepted() with { Note = note, Messages = messages };

    [Theory]
    [MemberData(nameof(InvitingNotes))]
    public void an_inviting_note_followed_by_a_pitch_is_reported_quoting_both(string note, string invitation)
    {
        var engine = Requests.RecommendedEngine(b => b.UsePitchDetector(new PhraseDetector("wealth management")));
        var request = AcceptedWith(
            note,
            Requests.FromSender(TimeSpan.FromHours(1), Genuine),
            Requests.FromRecipient(TimeSpan.FromHours(2), "Likewise!"),
            Requests.FromSender(TimeSpan.FromDays(2), "By the way, have you thought about Wealth Management for your stock options?"));

        var evaluation = engine.Evaluate(request);

        Assert.Equal(
            [(Id, "messages[2]", $"The note invited to \"{invitation}\", but a later message pitches (\"Wealth Management\")")],
            Reported(evaluation));
    }

    [Fact]
    public void an_unmistakable_pitch_after_an_inviting_note_is_caught_by_the_default_detector()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(InvitingNote, Requests.FromSender(TimeSpan.FromHours(4), Pitch)));

        var diagnostic = Assert.Single(evaluation.Diagnostics, d => d.Id == Id);
        Assert.Equal("messages[0]", diagnostic.Location);
        Assert.StartsWith("The note invited to \"join us at\", but a later message pitches (\"", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal(Verdict.Disconnect, evaluation.Verdict);
    }

    [Fact]
    public void only_the_first_later_pitch_is_reported()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(
            InvitingNote,
            Requests.FromSender(TimeSpan.FromHours(4), Pitch),
            Requests.FromSender(TimeSpan.FromDays(1), "I'd love to show you a quick demo of our platform")));

        Assert.Equal(["messages[0]"], Reported(evaluation).Select(d => d.Location));
    }

    [Fact]
    public void a_pitch_long_after_the_pitch_window_still_switches_the_bait()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(InvitingNote, Requests.FromSender(TimeSpan.FromDays(30), Pitch)));

        Assert.Single(Reported(evaluation));
        Assert.DoesNotContain(evaluation.Diagnostics, d => d.Id == "CR2001");
    }

    [Fact]
    public void a_note_that_itself_pitches_is_not_bait_and_switch()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(
            "Hi Sam, join us at our webinar, I'd love to show you a quick demo of our platform.",
            Requests.FromSender(TimeSpan.FromHours(4), Pitch)));

        Assert.Empty(Reported(evaluation));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Hi Sam, I liked your post on build caching.")]
    public void without_an_invitation_in_the_note_a_pitch_is_no_switch(string? note)
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(note, Requests.FromSender(TimeSpan.FromDays(5), Pitch)));

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void a_note_that_only_mentions_a_past_event_is_not_an_invitation()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(
            "Hi Sam, I enjoyed your talk on build caching at the Lisbon meetup. Would love to stay in touch.",
            Requests.FromSender(TimeSpan.FromDays(5), Pitch)));

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void a_pitch_from_the_recipient_is_no_switch()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(InvitingNote, Requests.FromRecipient(TimeSpan.FromHours(4), Pitch)));

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void genuine_messages_after_an_inviting_note_are_fine()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(AcceptedWith(
            InvitingNote,
            Requests.FromSender(TimeSpan.FromHours(1), Genuine),
            Requests.FromSender(TimeSpan.FromDays(3), "The meetup moved to Thursday, same place.")));

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void a_disabled_rule_never_reports()
    {
        var request = AcceptedWith(InvitingNote, Requests.FromSender(TimeSpan.FromHours(4), Pitch));

        Configurability.DisableSilences(Id, request);
    }

    [Theory]
    [InlineData(Severity.Hidden)]
    [InlineData(Severity.Info)]
    [InlineData(Severity.Warning)]
    public void a_configured_severity_replaces_the_default_error(Severity severity)
    {
        var request = AcceptedWith(InvitingNote, Requests.FromSender(TimeSpan.FromHours(4), Pitch));

        Configurability.SetSeverityReplaces(Id, request, Severity.Error, severity);
    }


    [Fact]
    public void a_pitch_the_instant_the_request_was_sent_is_not_later_whatever_the_offsets()
    {
        // The request on a clock two hours ahead of UTC, the messages on one five hours behind.
        var newYork = TimeSpan.FromHours(-5);
        var request = Requests.Accepted() with { SentAt = Requests.SentAt.ToOffset(TimeSpan.FromHours(2)), Note = InvitingNote };
        var engine = Requests.RecommendedEngine();

        Assert.Empty(Reported(engine.Evaluate(request with { Messages = [new Message(Requests.SentAt.ToOffset(newYork), Pitch)] })));
        Assert.Single(Reported(engine.Evaluate(request with { Messages = [new Message((Requests.SentAt + TimeSpan.FromTicks(1)).ToOffset(newYork), Pitch)] })));
    }

    private static (string Id, string? Location, string Message)[] Reported(Evaluation evaluation) => Reports.Of(evaluation, Id);

}
