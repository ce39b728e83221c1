using System.Text;
using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests.Pitch;

/// <summary>
/// The phrase matcher reads sixteen characters at a time and walks a packed trie; these tests hold it to the plainest
/// reading of its contract, a search of every phrase at every word start, on generated texts that mix phrases,
/// fragments of phrases, non-ASCII letters, curly apostrophes, invisible format characters inside words, runs of white
/// space of every kind between a phrase's words, phrases in bold, italic and fullwidth letters, and separators across
/// the sixteen-character blocks.
/// </summary>
public sealed class PhraseMatcherTests
{
    private static readonly (string Phrase, int Lexicon)[] Entries =
    [
        .. DefaultPitchDetector.BuiltInStrongPhrases.Concat(DefaultPitchDetector.BuiltInWeakPhrases).Concat(DefaultPitchDetector.BuiltInCounterPhrases).Select(p => (p, 0)),
        .. RuleLexicons.StockInvitationPhrases.Select(p => (p, 1)),
        .. RuleLexicons.InvitationPhrases.Select(p => (p, 2)),
        .. RuleLexicons.EndorseBackPhrases.Select(p => (p, 3)),
        .. RuleLexicons.OpenNetworkerPhrases.Select(p => (p, 4)),

        // Prefixes, a phrase listed twice, symbols, non-ASCII letters, an apostrophe, one-letter words.
        ("discount*", 5), ("Discount", 5), ("discount", 5), ("€", 5), ("%", 5), ("café", 5), ("Straße frei", 5),
        ("naïve plan*", 5), ("don't", 5), ("a", 5), ("ab", 5), ("abc*", 5), ("c++", 5), ("x", 6), ("abc", 6),

        // A phrase written with a zero-width space, with a run of white space, or in bold, is read as texts are.
        ("zero\u200Bwidth", 6), ("two  spaced\twords", 6), ("\U0001D41F\U0001D42B\U0001D41E\U0001D41E \U0001D42D\U0001D42B\U0001D422\U0001D41A\U0001D425", 6),
    ];

    // The entries, and the same without the prefix "abc*": a prefix phrase of one word shorter than eight characters
    // makes the matcher's first-word filter compare fewer characters, so each way is tested.
    private static readonly Lexicons WithShortPrefix = new(Entries);
    private static readonly Lexicons WithoutShortPrefix = new([.. Entries.Where(e => e.Phrase != "abc*")]);

    private static readonly string[] Separators = [" ", " ", " ", ", ", ". ", "-", "'", "\u2019", "\u00A0", "\t", "\n", "/", "(", ")", "?", "!"];

    // Format characters: a zero-width space, non-joiner and joiner, a soft hyphen, a word joiner, a byte order mark, a
    // left-to-right mark; tag characters, written as surrogate pairs (a tag space, a tag "A"), and a musical format
    // character. Other default-ignorable code points: variation selectors 16 and 18 (the second a surrogate pair), the
    // combining grapheme joiner, a Mongolian free variation selector.
    private static readonly string[] Invisible =
    [
        "\u200B", "\u200C", "\u200D", "\u00AD", "\u2060", "\uFEFF", "\u200E", "\U000E0020", "\U000E0041", "\U0001D173",
        "\uFE0F", "\U000E0101", "\u034F", "\u180B",
    ];

    // Runs of white space that read as the one space between two words of a phrase.
    private static readonly string[] Spacing = ["  ", "\t", "\u00A0", " \n ", "\r\n", "\u2003", " \u200B ", "\u200B\u00A0"];

    // Letters above ASCII, digits, symbols, an emoji alone and with a variation selector, a Hangul filler (a letter
    // some fonts draw as a space: not read as absent), and surrogates that make no pair.
    private static readonly string[] Oddities =
    [
        "é", "É", "ß", "İ", "Ä", "naïve", "café", "15", "2026", "€", "%", "\U0001F600", "\u2764\uFE0F", "ǅ", "x", "Ab", "ABC", "abcd",
        "discounted", "\u3164", "\uDB40", "\uDC41",
    ];


    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Scan_finds_exactly_the_longest_phrase_of_each_lexicon_at_every_word_start(bool withShortPrefix)
    {
        var lexicons = withShortPrefix ? WithShortPrefix : WithoutShortPrefix;
        foreach (var text in GeneratedTexts())
        {
            AssertScanFindsWhatAPlainSearchFinds(lexicons, text);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TryFind_from_any_start_finds_the_first_position_and_its_longest_phrase_of_any_lexicon(bool withShortPrefix)
    {
        var lexicons = withShortPrefix ? WithShortPrefix : WithoutShortPrefix;
        var matcher = lexicons.Matcher;
        foreach (var text in GeneratedTexts().Take(500))
        {
            var longestAt = Enumerable.Range(0, text.Length).Select(position => lexicons.LongestAt(text, position, lexicon: null)).ToArray();
            for (var start = 0; start <= text.Length; start++)
            {
                var position = Array.FindIndex(longestAt, start, entry => entry is not null);
                (string, int, int)? expected = position < 0 ? null : (lexicons.Written(longestAt[position]!.Value), position, EndOf(text, position, lexicons.Folded[longestAt[position]!.Value]) - position);
                (string, int, int)? actual = matcher.TryFind(text, start, out var hit) ? (matcher.EntryOf(hit.PhraseId), hit.Index, hit.Length) : null;
                Assert.True(expected == actual, $"In \"{text}\" from {start}: expected {expected}, found {actual}.");
            }
        }
    }

    [Fact]
    public void A_word_that_spans_two_blocks_is_one_word()
    {
        // "discount" starts in the first block of sixteen characters and ends in the second; "count" inside it is no word.
        var matcher = new PhraseMatcher(["count", "discount"]);
        var text = "0123456789 discount";

        Assert.True(matcher.TryFind(text, 0, out var hit));
        Assert.Equal((11, 8), (hit.Index, hit.Length));
        Assert.False(matcher.TryFind(text, 12, out _));
    }

    [Fact]
    public void Invisible_characters_inside_a_phrase_do_not_hide_it_and_the_hit_covers_them()
    {
        var matcher = new PhraseMatcher(["book a call", "count"]);

        Assert.True(matcher.TryFind("Please bo\u200Bok a\u00AD call\u200D today", 0, out var hit));
        Assert.Equal((7, 13), (hit.Index, hit.Length));

        // Nor do they split a word: "dis\u200Bcount" is the word "discount", so "count" is not found in it.
        Assert.False(matcher.TryFind("a dis\u200Bcount", 0, out _));
        Assert.False(matcher.TryFind("count\u2060er", 0, out _));
    }

    [Theory]
    [InlineData("Please bo\U000E006Fok a call", 7, 13)] // a tag character, a surrogate pair: "ASCII smuggling"
    [InlineData("Please b\U000E0020\U000E007Fook a call", 7, 15)]
    [InlineData("Please boo\uFE0Fk a\u034F call", 7, 13)] // a variation selector, the combining grapheme joiner
    [InlineData("Please book\U000E0101 a call\U0001D173", 7, 13)] // a variation selector above the BMP inside; a musical format character after
    public void Invisible_characters_written_as_surrogate_pairs_and_variation_selectors_do_not_hide_a_phrase(string text, int index, int length)
    {
        var matcher = new PhraseMatcher(["book a call", "count"]);

        Assert.True(matcher.TryFind(text, 0, out var hit));
        Assert.Equal((index, length), (hit.Index, hit.Length));
        Assert.False(matcher.TryFind("a dis\U000E0063count", 0, out _));
    }

    [Theory]
    [InlineData(0xDB40)] // a high surrogate with no low one: a character, which ends the word "dis"
    [InlineData(0xDC63)] // a low one with no high one
    [InlineData(0x3164)] // a Hangul filler, which some fonts draw as a space: not read as absent
    public void A_surrogate_that_makes_no_pair_and_a_Hangul_filler_are_not_read_as_absent(int unit)
    {
        var matcher = new PhraseMatcher(["discount"]);

        Assert.False(matcher.TryFind($"a dis{(char)unit}count", 0, out _));
    }

    [Theory]
    [InlineData("Please book  a call today", 7, 12)]
    [InlineData("Please book\u00A0a\u00A0call today", 7, 11)]
    [InlineData("Please book a\r\n\tcall today", 7, 13)]
    [InlineData("Please book \u200B a\u2003call today", 7, 13)]
    public void A_run_of_white_space_of_any_kind_is_the_space_between_two_words_of_a_phrase(string text, int index, int length)
    {
        var matcher = new PhraseMatcher(["book a call"]);

        Assert.True(matcher.TryFind(text, 0, out var hit));
        Assert.Equal((index, length), (hit.Index, hit.Length));
        Assert.False(matcher.TryFind("book-a-call", 0, out _));
    }

    [Fact]
    public void A_styled_letter_or_digit_reads_as_the_ASCII_character_that_compatibility_normalization_gives()
    {
        // Every character of the three blocks, alone and at the end of a text (a high surrogate with nothing after it).
        // An unassigned code point, such as the place of the italic h (U+1D455), which the BMP had first as ℎ, reads
        // as itself, as NFKC reads it.
        var blocks = Enumerable.Range(0x1D400, 0x400).Concat(Enumerable.Range(0x2100, 0x50)).Concat(Enumerable.Range(0xFF00, 0x100));
        foreach (var codePoint in blocks)
        {
            var text = char.ConvertFromUtf32(codePoint);
            var index = 0;
            var read = PhraseMatcher.ReadChar(text, ref index);
            var expected = Rune.GetUnicodeCategory(new Rune(codePoint)) == System.Globalization.UnicodeCategory.OtherNotAssigned ? (C: text[0], Width: 1) : Read(text, 0);
            Assert.True(
                (expected.C, expected.Width - 1) == (read, index),
                $"U+{codePoint:X4} reads as U+{(int)read:X4} ending at {index}; expected U+{(int)expected.C:X4} ending at {expected.Width - 1}.");
            Assert.Equal(expected.Width == text.Length ? expected.C : text[^1], PhraseMatcher.ReadCharEndingAt(text, text.Length - 1));
            if (text.Length == 2)
            {
                index = 0;
                Assert.Equal(text[0], PhraseMatcher.ReadChar(text.AsSpan(0, 1), ref index));
                Assert.Equal(0, index);
            }
        }

        // The styles the tests write are what NFKC reads as their letters and digits.
        const string Plain = "Book a quick demo: 2026, 15% off. Zebra Hotel";
        Assert.All(StyledText.Styles, style => Assert.Equal(Plain, StyledText.In(style, Plain).Normalize(NormalizationForm.FormKC)));
    }

    [Theory]
    [InlineData(StyledText.Style.Bold)]
    [InlineData(StyledText.Style.SansBold)]
    [InlineData(StyledText.Style.Italic)]
    [InlineData(StyledText.Style.Script)]
    [InlineData(StyledText.Style.DoubleStruck)]
    [InlineData(StyledText.Style.Monospace)]
    [InlineData(StyledText.Style.Fullwidth)]
    public void A_phrase_in_bold_italic_or_fullwidth_letters_is_found_and_quoted_as_written(StyledText.Style style)
    {
        var matcher = new PhraseMatcher(["book a call", "count"]);
        var text = "Please " + StyledText.In(style, "Book a call") + " today";

        Assert.True(matcher.TryFind(text, 0, out var hit));
        Assert.Equal(StyledText.In(style, "Book a call"), text.Substring(hit.Index, hit.Length));

        // A styled letter is a letter: it joins the plain letters beside it into one word.
        Assert.False(matcher.TryFind("a " + StyledText.In(style, "dis") + "count", 0, out _));
        Assert.False(matcher.TryFind("a dis" + StyledText.In(style, "count"), 0, out _));
        Assert.False(matcher.TryFind("a " + StyledText.In(style, "count") + "er", 0, out _));
    }

    [Fact]
    public void Scan_finds_what_a_plain_search_finds_for_random_lexicons_of_look_alike_words()
    {
        // Words of a few letters, so that texts hold near misses of every phrase: of one to ten letters, the lengths
        // around the eight characters the first-word filter compares most likely; phrases of up to three of them,
        // some prefixes (of one short word, they make the matcher compare fewer characters), some with a symbol.
        var random = new Random(20261201);
        string[] alphabets = ["ab", "abk", "ak0", "abcdefghijklmnopqrstuvwxyz0123456789"];
        string[] joins = [" ", " ", " ", "'", "-", "/", ". "];
        string[] noise = ["  ", "\t", "\u00A0", "\r\n", "\u2028", "\u000B", "\u200B", "\u00AD", "\U000E0041", "\uFE0F", "\u212A", "\u00E9", "\u0001", "%", "$", ",", "\u2019"];
        for (var lexicons = 0; lexicons < 150; lexicons++)
        {
            var alphabet = alphabets[random.Next(alphabets.Length)];
            string Word() => new([.. Enumerable.Range(0, random.Next(10) < 6 ? random.Next(5, 10) : random.Next(1, 11)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var phrases = Enumerable.Range(0, random.Next(1, 30)).Select(_ =>
            {
                var phrase = string.Join(joins[random.Next(joins.Length)], Enumerable.Range(0, random.Next(1, 4)).Select(_ => Word()));
                return random.Next(8) switch
                {
                    0 => phrase + "*",
                    1 => "%" + phrase,
                    2 => phrase.ToUpperInvariant(),
                    _ => phrase,
                };
            }).ToArray();
            var subject = new Lexicons([.. phrases.Select(p => (p, random.Next(2)))]);
            for (var t = 0; t < 20; t++)
            {
                var text = new StringBuilder();
                while (text.Length < random.Next(0, 60))
                {
                    var phrase = phrases[random.Next(phrases.Length)].TrimEnd('*');
                    text.Append(random.Next(6) switch
                    {
                        0 => Word(),
                        1 => phrase.Insert(random.Next(phrase.Length + 1), noise[random.Next(noise.Length)]),
                        2 => random.Next(2) == 0 ? phrase.ToUpperInvariant() : phrase.Replace(" ", noise[random.Next(noise.Length)]),
                        3 => phrase[..random.Next(phrase.Length + 1)] + Word(),
                        _ => phrase,
                    });
                    text.Append(random.Next(4) == 0 ? noise[random.Next(noise.Length)] : " ");
                }

                AssertScanFindsWhatAPlainSearchFinds(subject, text.ToString());
            }
        }
    }

    private static void AssertScanFindsWhatAPlainSearchFinds(Lexicons lexicons, string text)
    {
        var visitor = new Collector(lexicons.Matcher);
        lexicons.Matcher.Scan(text, ref visitor);

        var expected = new List<(string, int, int, int)>();
        for (var position = 0; position < text.Length; position++)
        {
            foreach (var lexicon in lexicons.Entries.Select(e => e.Lexicon).Distinct())
            {
                if (lexicons.LongestAt(text, position, lexicon) is { } entry)
                {
                    expected.Add((lexicons.Written(entry), lexicons.Entries[entry].Lexicon, position, EndOf(text, position, lexicons.Folded[entry]) - position));
                }
            }
        }

        Assert.True(
            expected.Order().SequenceEqual(visitor.Hits.Order()),
            $"In \"{text}\": expected {string.Join("; ", expected.Order())}, found {string.Join("; ", visitor.Hits.Order())}.");
    }

    /// <summary>Texts of 0 to 90 characters, so that phrases and words straddle the sixteen-character blocks.</summary>
    private static IEnumerable<string> GeneratedTexts()
    {
        var random = new Random(20261121);
        for (var i = 0; i < 1500; i++)
        {
            var builder = new StringBuilder();
            var length = random.Next(0, 91);
            while (builder.Length < length)
            {
                var phrase = Entries[random.Next(Entries.Length)].Phrase.TrimEnd('*');
                builder.Append(random.Next(9) switch
                {
                    8 => StyledText.In(StyledText.Styles[random.Next(StyledText.Styles.Length)], phrase),
                    0 or 1 => phrase,
                    7 when phrase.IndexOf(' ', StringComparison.Ordinal) is var space and >= 0 => phrase[..space] + Spacing[random.Next(Spacing.Length)] + phrase[(space + 1)..],
                    6 => phrase.Insert(random.Next(phrase.Length + 1), Invisible[random.Next(Invisible.Length)]),
                    2 => phrase[..random.Next(1, phrase.Length + 1)],
                    3 => random.Next(2) == 0 ? phrase.ToUpperInvariant() : phrase.Replace('\'', '\u2019'),
                    4 => Oddities[random.Next(Oddities.Length)],
                    _ => phrase[random.Next(phrase.Length)..],
                });
                builder.Append(Separators[random.Next(Separators.Length)]);
            }

            yield return builder.ToString(0, Math.Min(builder.Length, length));
        }
    }

    private static bool Matches(string text, int position, (string Folded, bool IsPrefix) phrase) => EndOf(text, position, phrase) >= 0;

    private static string Visible(string text) =>
        string.Concat(Enumerable.Range(0, text.Length).Where(i => !IsInvisibleAt(text, i)).Select(i => text[i]));

    /// <summary>Where the phrase, matched at the position, ends in the text (invisible characters inside it skipped); -1 if it does not match there.</summary>
    private static int EndOf(string text, int position, (string Folded, bool IsPrefix) phrase)
    {
        if (IsInvisibleAt(text, position))
        {
            return -1;
        }

        var i = position;
        for (var k = 0; k < phrase.Folded.Length; k++)
        {
            while (k > 0 && i < text.Length && IsInvisibleAt(text, i))
            {
                i++;
            }

            if (i >= text.Length)
            {
                return -1;
            }

            if (phrase.Folded[k] == ' ')
            {
                // A phrase's space is a run of white space, invisible characters among it.
                if (!char.IsWhiteSpace(text[i]))
                {
                    return -1;
                }

                while (i < text.Length && (char.IsWhiteSpace(text[i]) || IsInvisibleAt(text, i)))
                {
                    i++;
                }
            }
            else if (Read(text, i) is var (c, width) && Fold(c) == phrase.Folded[k])
            {
                i += width;
            }
            else
            {
                return -1;
            }
        }

        return phrase.IsPrefix || IsWordEnd(text, i) ? i : -1;
    }

    private static string Folded(string phrase) =>
        System.Text.RegularExpressions.Regex.Replace(string.Concat(ReadAll(Visible(phrase.TrimEnd('*'))).Select(Fold)), @"\s+", " ");

    private static IEnumerable<char> ReadAll(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            var (c, width) = Read(text, i);
            yield return c;
            i += width;
        }
    }

    /// <summary>
    /// The character at the index as a reader sees it, and how many UTF-16 units it takes: a character of the
    /// Mathematical Alphanumeric Symbols, the Letterlike Symbols or the fullwidth forms whose compatibility normalization
    /// (NFKC) is one ASCII letter or digit (any ASCII character, for a fullwidth form) is that character; but the Kelvin
    /// sign, which case folding reads, and the information source ℹ, a symbol.
    /// </summary>
    private static (char C, int Width) Read(string text, int index)
    {
        if (!Rune.TryGetRuneAt(text, index, out var rune))
        {
            return (text[index], 1);
        }

        var normalized = rune.ToString().Normalize(NormalizationForm.FormKC);
        var styled = rune.Value switch
        {
            >= 0x1D400 and <= 0x1D7FF or >= 0x2100 and <= 0x214F and not 0x212A and not 0x2139 => normalized.Length == 1 && char.IsAsciiLetterOrDigit(normalized[0]),
            >= 0xFF01 and <= 0xFF5E => true,
            _ => false,
        };
        return styled ? (normalized[0], rune.Utf16SequenceLength) : (text[index], 1);
    }

    /// <summary>The character read that ends just before the index.</summary>
    private static char ReadBefore(string text, int index) =>
        index >= 2 && char.IsSurrogatePair(text[index - 2], text[index - 1]) && Read(text, index - 2) is (var c, 2) ? c
        : Read(text, index - 1) is (var single, 1) ? single : text[index - 1];

    /// <summary>
    /// Whether the character at the index, or the surrogate pair it is half of, is invisible: a format character or
    /// one of the other default-ignorable code points of Unicode's DerivedCoreProperties.txt, but the Hangul fillers.
    /// </summary>
    private static bool IsInvisibleAt(string text, int index)
    {
        var start = char.IsLowSurrogate(text[index]) && index > 0 && char.IsHighSurrogate(text[index - 1]) ? index - 1 : index;
        if (!Rune.TryGetRuneAt(text, start, out var rune))
        {
            return false; // a surrogate that makes no pair
        }

        return Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.Format
            || rune.Value is 0x034F or 0x17B4 or 0x17B5 or (>= 0x180B and <= 0x180F) or 0x2065 or (>= 0xFE00 and <= 0xFE0F)
                or (>= 0xFFF0 and <= 0xFFF8) or (>= 0xE0000 and <= 0xE0FFF);
    }

    private static char Fold(char c) => c is '\u2019' or '\u2018' ? '\'' : char.ToLowerInvariant(c);

    // Between the nearest visible characters.
    private static bool IsWordStart(string text, int index)
    {
        var before = index - 1;
        while (before >= 0 && IsInvisibleAt(text, before))
        {
            before--;
        }

        return before < 0 || !char.IsLetterOrDigit(ReadBefore(text, before + 1)) || !char.IsLetterOrDigit(Read(text, index).C);
    }

    private static bool IsWordEnd(string text, int index)
    {
        var after = index;
        while (after < text.Length && IsInvisibleAt(text, after))
        {
            after++;
        }

        return after == text.Length || !char.IsLetterOrDigit(Read(text, after).C) || !char.IsLetterOrDigit(ReadBefore(text, index));
    }

    private readonly struct Collector(PhraseMatcher matcher) : IPhraseVisitor
    {
        public List<(string Phrase, int Lexicon, int Index, int Length)> Hits { get; } = [];

        public void Visit(PhraseHit hit) =>
            Hits.Add((matcher.EntryOf(hit.PhraseId), matcher.LexiconOf(hit.PhraseId), hit.Index, hit.Length));
    }

    /// <summary>Entries, the matcher made of them, and what a plain search expects of them.</summary>
    private sealed class Lexicons((string Phrase, int Lexicon)[] entries)
    {
        public (string Phrase, int Lexicon)[] Entries { get; } = entries;

        public PhraseMatcher Matcher { get; } = new(entries);

        /// <summary>Gets each entry case-folded without its '*', with whether it is a prefix, in the order listed.</summary>
        public (string Folded, bool IsPrefix)[] Folded { get; } = [.. entries.Select(e => (PhraseMatcherTests.Folded(e.Phrase), e.Phrase.EndsWith('*')))];

        /// <summary>The entry of the longest phrase of the lexicon, or of any lexicon when null, at the position; the first listed among equals.</summary>
        public int? LongestAt(string text, int position, int? lexicon)
        {
            int? best = null;
            if (!IsWordStart(text, position))
            {
                return best;
            }

            for (var entry = 0; entry < Entries.Length; entry++)
            {
                if ((lexicon is null || Entries[entry].Lexicon == lexicon)
                    && (best is null || Folded[entry].Folded.Length > Folded[best.Value].Folded.Length)
                    && Matches(text, position, Folded[entry]))
                {
                    best = entry;
                }
            }

            return best;
        }

        /// <summary>The entry as the matcher reports it: as written, without its invisible characters.</summary>
        public string Written(int entry) => Visible(Entries[entry].Phrase);
    }
}
