namespace ConnectionRules.Tests.Pitch;

/// <summary>How the default detector scores a text: strong 2, weak 1, counter -2, each different phrase once, a pitch from 2.</summary>
public sealed class DefaultPitchDetectorTests
{
    private static readonly DefaultPitchDetector Detector = new(
        strongPhrases: ["free consultation", "discount*"],
        weakPhrases: ["pricing", "15 minutes", "your company", "we're"],
        counterPhrases: ["your platform"]);

    public static TheoryData<string, string?> Texts => new()
    {
        { "Book a free consultation today.", "free consultation" },
        { "Our DISCOUNTED plans are back.", "discount*" },
        { "Could we talk pricing?", null },
        { "Could we talk pricing? pricing! PRICING.", null },
        { "Pricing for your company, in 15 minutes.", "pricing" },
        { "A free consultation about your platform?", null },
        { "We’re sharing pricing", "we're" },
        { "freeconsultation and pricings are not words of the lexicon", null },
        { "", null },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Phrases_score_as_whole_words_each_once(string text, string? decidedBy)
    {
        var match = Detector.Detect(text);

        Assert.Equal(decidedBy is not null, match.IsPitch);
        Assert.Equal(decidedBy, match.Phrase);
    }

    [Fact]
    public void The_match_points_at_the_deciding_phrase_in_the_text()
    {
        const string text = "Hi! Our free consultation is open.";
        var match = Detector.Detect(text);

        Assert.Equal("free consultation", match.SpanIn(text).ToString());
    }

    [Fact]
    public void A_phrase_repeated_after_many_different_ones_still_scores_once()
    {
        var counters = Enumerable.Range(1, 40).Select(i => $"counter{i:00}").ToArray();
        var detector = new DefaultPitchDetector(["never used"], ["maybe"], counters);

        // 40 different counter phrases (-80), then one weak signal written 100 times: +1, not +100.
        var text = string.Join(' ', counters) + string.Concat(Enumerable.Repeat(" maybe", 100));

        Assert.False(detector.Detect(text).IsPitch);
    }

    [Fact]
    public void Blank_phrases_are_refused_with_the_parameter_name()
    {
        Assert.Equal("strongPhrases", Assert.Throws<ArgumentException>(() => new DefaultPitchDetector([" "], [])).ParamName);
        Assert.Equal("weakPhrases", Assert.Throws<ArgumentException>(() => new DefaultPitchDetector([], ["*"])).ParamName);
        Assert.Equal("counterPhrases", Assert.Throws<ArgumentException>(() => new DefaultPitchDetector([], [], [null!])).ParamName);
        Assert.Equal("strongPhrases", Assert.Throws<ArgumentException>(() => new DefaultPitchDetector(["\u200B"], [])).ParamName);
        Assert.Equal("weakPhrases", Assert.Throws<ArgumentException>(() => new DefaultPitchDetector([], ["\u200B* "])).ParamName);
        Assert.Equal("strongPhrases", Assert.Throws<ArgumentException>(() => new DefaultPitchDetector(["\U000E0061\uFE0F"], [])).ParamName);
    }

    [Fact]
    public void A_phrase_with_half_a_surrogate_pair_is_refused_with_where_it_is()
    {
        // Not theory data: xunit carries a lone surrogate into a test case as U+FFFD.
        foreach (var (phrase, where) in new[]
        {
            ("demo\uD835", "U+D835 at index 4"),
            ("\uDC41 demo", "U+DC41 at index 0"),
            ("a\uDB40\U000E0041\uDC41b", "U+DB40 at index 1"), // the two halves would pair once the tag character between them is read as absent
            ("\u200Bdemo\uD835", "U+D835 at index 5"), // counted in the phrase as given, before its invisible characters are removed
        })
        {
            var error = Assert.Throws<ArgumentException>(() => new DefaultPitchDetector([], [phrase]));

            Assert.Equal("weakPhrases", error.ParamName);
            Assert.Contains($"holds half a surrogate pair, {where} of the phrase as given: it is not valid UTF-16", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Invisible_characters_in_a_phrase_are_not_looked_for_even_at_its_ends()
    {
        // A zero-width space after a phrase must not hide the space or the '*' before it.
        var detector = new DefaultPitchDetector(["quick demo \u200B", "\u200B free audit", "discount*\U000E007F"], []);

        Assert.Equal("quick demo", detector.Detect("Hi Sam, can I give you a quick demo?").Phrase);
        Assert.Equal("free audit", detector.Detect("Claim your free audit").Phrase);
        Assert.Equal("discount*", detector.Detect("Discounted seats left").Phrase);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => Detector.Detect(null!)).ParamName);
    }
}
