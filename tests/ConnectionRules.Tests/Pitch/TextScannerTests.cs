using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests.Pitch;

/// <summary>
/// The engine reads each text once for every lexicon. That single scan must find exactly what a separate scan per
/// lexicon finds: the detector's verdict and each rule lexicon's first phrase, on every labelled text we have.
/// </summary>
public sealed class TextScannerTests
{
    private static readonly TextScanner Scanner = DefaultPitchDetector.Instance.ScannerWithRuleLexicons;

    private static readonly (Lexicon Lexicon, PhraseMatcher Alone)[] RuleLexiconsAlone =
    [
        (Lexicon.StockInvitation, new PhraseMatcher(RuleLexicons.StockInvitationPhrases)),
        (Lexicon.Invitation, new PhraseMatcher(RuleLexicons.InvitationPhrases)),
        (Lexicon.EndorseBack, new PhraseMatcher(RuleLexicons.EndorseBackPhrases)),
        (Lexicon.OpenNetworker, new PhraseMatcher(RuleLexicons.OpenNetworkerPhrases)),
    ];

    public static TheoryData<string> Texts()
    {
        var data = new TheoryData<string>
        {
            "Hi Sam, I'd like to add you to my professional network on LinkedIn. Best, Dana",
            "Join us at our networking evening next week, and I'd love to show you a quick demo of our platform.",
            "I endorsed you for Rust, would you endorse me back? Open networker, I accept all invitations.",
            "We help founders like you: free consultation, 15 minutes, your company's growth. Let's connect!",
            "",
        };
        foreach (var file in new[] { "pitch-corpus.tsv", "pitch-holdout.tsv" })
        {
            foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Pitch", file)).Skip(1).Where(l => l.Length > 0))
            {
                data.Add(line.Split('\t')[2]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void One_scan_finds_what_a_scan_per_lexicon_finds(string text)
    {
        var scan = Scanner.Scan(text);

        Assert.Equal(DefaultPitchDetector.Instance.Detect(text), scan.Pitch);
        foreach (var (lexicon, alone) in RuleLexiconsAlone)
        {
            var expected = alone.TryFind(text, 0, out var hit) ? (hit.Index, hit.Length) : ((int, int)?)null;
            var actual = scan.TryGet(lexicon, out var found) ? (found.Index, found.Length) : ((int, int)?)null;
            Assert.True(expected == actual, $"{lexicon}: expected {expected}, found {actual} in \"{text}\".");
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_quick_check_never_says_no_where_the_scan_finds_a_phrase(string text)
    {
        foreach (var variant in Variants(text))
        {
            var scan = Scanner.Scan(variant);
            foreach (var (lexicon, _) in RuleLexiconsAlone)
            {
                Assert.True(!scan.TryGet(lexicon, out _) || TextScanner.MayContain(lexicon, variant), $"{lexicon} is in \"{variant}\", but the quick check says no.");
            }
        }
    }

    public static TheoryData<string, string> Phrases()
    {
        // By the lexicon's name: the lexicons are internal, and a test's parameters are public.
        var data = new TheoryData<string, string>();
        foreach (var (lexicon, phrases) in new[]
        {
            (Lexicon.StockInvitation, RuleLexicons.StockInvitationPhrases), (Lexicon.Invitation, RuleLexicons.InvitationPhrases),
            (Lexicon.EndorseBack, RuleLexicons.EndorseBackPhrases), (Lexicon.OpenNetworker, RuleLexicons.OpenNetworkerPhrases),
        })
        {
            foreach (var phrase in phrases)
            {
                data.Add(lexicon.ToString(), phrase);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Phrases))]
    public void The_quick_check_finds_every_phrase_of_a_rule_lexicon_however_it_is_written(string lexiconName, string phrase)
    {
        var lexicon = Enum.Parse<Lexicon>(lexiconName);
        foreach (var variant in Variants($"Hello Sam, {phrase}, see you soon."))
        {
            Assert.True(Scanner.Scan(variant).TryGet(lexicon, out _), $"The scan does not find {lexicon} in \"{variant}\".");
            Assert.True(TextScanner.MayContain(lexicon, variant), $"{lexicon} is in \"{variant}\", but the quick check says no.");
        }
    }

    [Fact]
    public void Every_invitation_phrase_holds_a_searchable_anchor_and_every_anchor_is_held_by_a_phrase()
    {
        Assert.All(RuleLexicons.InvitationAnchors, anchor => Assert.True(TextScanner.IsSearchableAsWritten(anchor), $"\"{anchor}\" is not searchable as written."));
        Assert.All(RuleLexicons.InvitationPhrases, phrase => Assert.Contains(RuleLexicons.InvitationAnchors, anchor => phrase.Contains(anchor, StringComparison.OrdinalIgnoreCase)));
        Assert.All(RuleLexicons.InvitationAnchors, anchor => Assert.Contains(RuleLexicons.InvitationPhrases, phrase => phrase.Contains(anchor, StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData("join")]
    [InlineData("r meetup")]
    [InlineData(" group")]
    [InlineData("join-us")]
    [InlineData("30K+")]
    public void An_anchor_a_text_holds_as_written_or_as_the_scan_reads_it_is_searchable(string anchor) =>
        Assert.True(TextScanner.IsSearchableAsWritten(anchor));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("our  meetup")]
    [InlineData("join\tus")]
    [InlineData("you're")]
    [InlineData("caf\u00E9")]
    public void An_anchor_a_text_may_write_otherwise_than_the_quick_check_searches_is_not_searchable(string anchor) =>
        Assert.False(TextScanner.IsSearchableAsWritten(anchor));

    [Fact]
    public void The_invitation_check_says_no_for_a_note_in_everyday_words()
    {
        // The words every note uses, which begin invitation phrases, and a meetup that is only where the two met (the
        // anchor of "our meetup" is "r meetup", not "meetup").
        const string note = "Hi Sam, I'd love to connect: I enjoyed your talk at the Lisbon meetup and would like to hear how your team's move went. Our builds are slow too.";

        Assert.False(TextScanner.MayContain(Lexicon.Invitation, note));
        Assert.False(new PhraseMatcher(RuleLexicons.InvitationPhrases).TryFind(note, 0, out _));
    }

    [Fact]
    public void The_quick_check_says_no_for_a_text_without_the_lexicons_phrases()
    {
        const string text = "Thanks for the talk on build caching, I would like to keep following what you write.";

        Assert.All(RuleLexiconsAlone, l => Assert.False(TextScanner.MayContain(l.Lexicon, text), $"{l.Lexicon} may be in the text."));
        Assert.True(TextScanner.MayContain(Lexicon.Invitation, "Join us at the networ\u212Aing evening"));
        Assert.True(TextScanner.MayContain(Lexicon.Invitation, "You\u2019re invited!"));
        Assert.True(TextScanner.MayContain(Lexicon.Invitation, "Join our gro\u200Bup"));
        Assert.True(TextScanner.MayContain(Lexicon.Invitation, "Join our gro\U000E0075up"));
        Assert.True(TextScanner.MayContain(Lexicon.Invitation, "Join our " + StyledText.In(StyledText.Style.SansBold, "group")));
        Assert.True(TextScanner.MayContain(Lexicon.Invitation, "Join  our\ngroup"));
        Assert.True(TextScanner.MayContain(Lexicon.Invitation, "Join\u00A0our group " + new string('x', 2_000)));

        // Other white space alone does not make it say maybe.
        Assert.All(RuleLexiconsAlone, l => Assert.False(TextScanner.MayContain(l.Lexicon, text.Replace(", ", ",\n\n  ")), $"{l.Lexicon} may be in the text."));
    }

    [Fact]
    public void Every_rule_lexicon_is_found_in_a_text_made_for_it()
    {
        var scan = Scanner.Scan("Hi, I'd like to connect. Join our group! Could you endorse me? I'm an open networker. We help you grow: free consultation.");

        Assert.True(scan.Pitch.IsPitch);
        Assert.All(RuleLexiconsAlone, l => Assert.True(scan.TryGet(l.Lexicon, out _), $"{l.Lexicon} was not found."));
    }

    [Fact]
    public void An_engine_with_a_custom_detector_still_reads_the_rule_lexicons_and_asks_the_detector_for_pitches()
    {
        var engine = new RuleEngineBuilder().AddRecommendedRules().UsePitchDetector(new Support.PhraseDetector("buy now")).Build();
        var request = Support.Requests.Accepted() with
        {
            Note = "Join our group for the monthly meetup!",
            Messages = [Support.Requests.FromSender(TimeSpan.FromHours(30), "Great to have you. Buy now while the offer lasts.")],
        };

        var ids = engine.Evaluate(request).Diagnostics.Select(d => d.Id).ToArray();

        Assert.Contains(RuleIds.BaitAndSwitch, ids);
        Assert.Contains(RuleIds.ConnectAndSell, ids);
    }

    // The text, and the text in capitals, with curly apostrophes, with the Kelvin sign, which folds to an ASCII 'k', with
    // zero-width spaces, soft hyphens, tag characters (surrogate pairs) or variation selectors inside words, which the
    // scan reads as if absent, in bold, script or fullwidth letters, which it reads as ASCII, and with other white space
    // between words, which it reads as one space.
    private static string[] Variants(string text) =>
    [
        text, text.ToUpperInvariant(), text.Replace('\'', '\u2019'), text.Replace('k', '\u212A'), text.Replace("o", "o\u200B"),
        text.Replace("e", "\u00ADe"), text.Replace("o", "o\U000E006F"), text.Replace("e", "e\uFE0F"),
        StyledText.In(StyledText.Style.SansBold, text), StyledText.In(StyledText.Style.Script, text), StyledText.In(StyledText.Style.Fullwidth, text),
        text.Replace(" ", "  "), text.Replace(' ', '\u00A0'), text.Replace(" ", "\r\n"), text.Replace(" ", " \u200B\t"),
    ];
}
