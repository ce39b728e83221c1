using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests.Rules;

/// <summary>CR1003: the note of a pending request is already a sales pitch.</summary>
public sealed class CR1003PitchInNoteTests
{
    private const string Id = "CR1003";
    private const string PitchNote = "Hi Sam, I'd love to show you a quick demo of our platform.";

    [Fact]
    public void a_pending_request_whose_note_pitches_is_reported_at_the_note()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Requests.Clean() with { Note = PitchNote });

        var diagnostic = Assert.Single(evaluation.Diagnostics, d => d.Id == Id);
        Assert.Equal("note", diagnostic.Location);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal(Verdict.Decline, evaluation.Verdict);
    }

    [Theory]
    [InlineData("Our agency offers lead generation services for B2B teams.")]
    [InlineData("I'd love to show you a quick demo of our platform")]
    [InlineData("Our agency offers le\u200Bad gen\u00ADeration ser\u200Cvices for B2B teams.")] // invisible characters hide no phrase
    [InlineData("Our agency offers le\U000E0061ad gen\uFE0Feration ser\U000E0101vices for B2B teams.")] // tag characters and variation selectors
    [InlineData("Hi Sam, we\u00A0help platform teams cut their build times.")] // nor does white space of another kind
    [InlineData("Hi Sam, we  help platform teams cut their build times.")]
    public void an_unmistakable_pitch_is_caught_by_the_default_detector(string note)
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Requests.Clean() with { Note = note });

        Assert.Single(Reported(evaluation));
    }

    [Fact]
    public void the_message_quotes_the_pitching_phrase_as_the_note_spells_it()
    {
        var engine = Requests.RecommendedEngine(b => b.UsePitchDetector(new PhraseDetector("quick demo")));

        var evaluation = engine.Evaluate(Requests.Clean() with { Note = "Hi Sam, can I give you a Quick Demo next week?" });

        Assert.Equal([(Id, "note", "The note is a sales pitch (\"Quick Demo\")")], Reported(evaluation));
    }

    [Theory]
    [InlineData(StyledText.Style.SansBold)]
    [InlineData(StyledText.Style.Italic)]
    [InlineData(StyledText.Style.Fullwidth)]
    public void a_pitch_in_bold_italic_or_fullwidth_letters_is_a_pitch_quoted_as_written(StyledText.Style style)
    {
        var engine = Requests.RecommendedEngine(b => b.UsePitchDetector(new DefaultPitchDetector(["quick demo"], [])));
        var quickDemo = StyledText.In(style, "Quick Demo");

        var evaluation = engine.Evaluate(Requests.Clean() with { Note = $"Hi Sam, can I give you a {quickDemo} next week?" });

        Assert.Equal([(Id, "note", $"The note is a sales pitch (\"{quickDemo}\")")], Reported(evaluation));
    }

    [Fact]
    public void a_quoted_phrase_keeps_the_invisible_characters_written_inside_it()
    {
        var engine = Requests.RecommendedEngine(b => b.UsePitchDetector(new DefaultPitchDetector(["quick demo"], [])));

        var evaluation = engine.Evaluate(Requests.Clean() with { Note = "Hi Sam, can I give you a Qu\u200Bick Demo next week?" });

        Assert.Equal([(Id, "note", "The note is a sales pitch (\"Qu\u200Bick Demo\")")], Reported(evaluation));
    }

    [Fact]
    public void the_message_quotes_the_phrase_the_default_detector_found()
    {
        var engine = Requests.RecommendedEngine();
        var match = engine.PitchDetector.Detect(PitchNote);

        var evaluation = engine.Evaluate(Requests.Clean() with { Note = PitchNote });

        Assert.True(match.IsPitch);
        Assert.Equal(
            [(Id, "note", $"The note is a sales pitch (\"{PitchNote.Substring(match.Index, match.Length)}\")")],
            Reported(evaluation));
    }

    [Theory]
    [InlineData("Thanks for connecting, see you at the meetup!")]
    [InlineData("Hi Sam, I enjoyed your talk on build caching at the Lisbon meetup. Would love to stay in touch.")]
    public void a_genuine_note_is_not_a_pitch(string note)
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Requests.Clean() with { Note = note });

        Assert.Empty(Reported(evaluation));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void no_note_is_no_pitch_even_for_a_detector_that_calls_everything_a_pitch(string? note)
    {
        var engine = Requests.RecommendedEngine(b => b.UsePitchDetector(new EverythingIsAPitch()));

        var evaluation = engine.Evaluate(Requests.Clean() with { Note = note });

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void a_pitching_note_is_not_judged_once_the_request_is_accepted()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Requests.Accepted() with { Note = PitchNote });

        Assert.Empty(Reported(evaluation));
    }

    [Fact]
    public void a_pitching_note_from_someone_known_offline_is_still_a_pitch()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Requests.Clean() with { Note = PitchNote, KnownOffline = true });

        Assert.Single(Reported(evaluation));
    }

    [Fact]
    public void a_disabled_rule_never_reports()
    {
        var request = Requests.Clean() with { Note = PitchNote };

        Configurability.DisableSilences(Id, request);
    }

    [Theory]
    [InlineData(Severity.Hidden)]
    [InlineData(Severity.Info)]
    [InlineData(Severity.Warning)]
    public void a_configured_severity_replaces_the_default_error(Severity severity)
    {
        var request = Requests.Clean() with { Note = PitchNote };

        Configurability.SetSeverityReplaces(Id, request, Severity.Error, severity);
    }


    private static (string Id, string? Location, string Message)[] Reported(Evaluation evaluation) => Reports.Of(evaluation, Id);


    private sealed class EverythingIsAPitch : IPitchDetector
    {
        public PitchMatch Detect(string text) => new("anything", 0, text.Length);
    }
}
