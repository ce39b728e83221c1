using System.Buffers;
using System.Text;

namespace ConnectionRules;

/// <summary>The lexicons the built-in rules read, told apart in one scan.</summary>
internal enum Lexicon
{
    Pitch,
    StockInvitation,
    Invitation,
    EndorseBack,
    OpenNetworker,
}

/// <summary>
/// Scans a text once for every lexicon the built-in rules read: the pitch lexicon (scored as
/// <see cref="DefaultPitchDetector"/> scores it) and the rule lexicons. The engine caches one scan per text and
/// evaluation, so a note or message is read once however many rules ask about it.
/// </summary>
internal sealed class TextScanner
{
    // Which pitch entries the current scan has scored, one bit per entry: each different entry scores once.
    [ThreadStatic]
    private static ulong[]? t_scored;

    // The rule lexicons, their phrases and the anchors their quick check searches for (see MayContain); static, so
    // every scanner reads the same ones.
    private static readonly (Lexicon Lexicon, string[] Phrases, string[] Anchors)[] RulePhrases =
    [
        (Lexicon.StockInvitation, RuleLexicons.StockInvitationPhrases, []),
        (Lexicon.Invitation, RuleLexicons.InvitationPhrases, RuleLexicons.InvitationAnchors),
        (Lexicon.EndorseBack, RuleLexicons.EndorseBackPhrases, []),
        (Lexicon.OpenNetworker, RuleLexicons.OpenNetworkerPhrases, []),
    ];

#if NET9_0_OR_GREATER
    // Per rule lexicon, parts of its phrases as plain substrings (see MayContain), built once; null where that check
    // would not be sound.
    private static readonly SearchValues<string>?[] RuleSubstrings = BuildRuleSubstrings();

    // The characters from the space to U+0084, which the search for characters read differently skips: the scan reads
    // none of them otherwise than as written, and two spaces in a row are looked for apart. (IndexOfAnyExceptInRange
    // does the same, but on .NET 10.0.12 allocates 96 bytes a call until the JIT has optimized it.)
    private static readonly SearchValues<char> Plain = SearchValues.Create([.. Enumerable.Range(' ', 0x85 - ' ').Select(c => (char)c)]);

    // The longest text the quick check reads as the scan does before searching it; a longer one goes to the scan.
    private const int MaxReadAsScanned = 1024;
#endif

    private readonly PhraseMatcher _matcher;

    // The pitch score of each entry; 0 for the entries of the rule lexicons.
    private readonly int[] _scoreOfEntry;

    /// <summary>Initializes a scanner over pitch entries (phrase and score) and, optionally, the rule lexicons.</summary>
    public TextScanner(IReadOnlyList<(string Phrase, int Score)> pitchEntries, bool withRuleLexicons)
    {
        var entries = pitchEntries.Select(e => (e.Phrase, Lexicon.Pitch, e.Score)).ToList();
        if (withRuleLexicons)
        {
            foreach (var (lexicon, phrases, _) in RulePhrases)
            {
                entries.AddRange(phrases.Select(p => (p, lexicon, 0)));
            }
        }

        _matcher = new PhraseMatcher(entries.Select(e => (e.Item1, (int)e.Item2)));
        _scoreOfEntry = entries.Select(e => e.Item3).ToArray();
        ScoresPitch = pitchEntries.Count > 0;
    }

    /// <summary>Gets the scanner of the rule lexicons alone, for engines whose pitch detector is not the default one.</summary>
    public static TextScanner RuleLexiconsOnly { get; } = new([], withRuleLexicons: true);

    /// <summary>Gets a value indicating whether <see cref="TextScan.Pitch"/> is computed: the scanner has pitch entries.</summary>
    public bool ScoresPitch { get; }

    /// <summary>
    /// Returns false only when the text certainly holds no phrase of the rule lexicon, found by a quick vectorized
    /// search for parts of the lexicon's phrases as case-insensitive substrings, without the full scan. A phrase found
    /// as whole words is found as a substring too, and so is any part of it: the phrases are ASCII, whose case folding
    /// the search shares; each is searched by its longest part without an apostrophe (the text may write any of three),
    /// or, for the invitation phrases, by an anchor it holds (<see cref="RuleLexicons.InvitationAnchors"/>). Where the
    /// scan reads the text otherwise than as written (white space other than single spaces, which it reads as one space; the characters it
    /// reads as if absent, <see cref="PhraseMatcher.IsIgnorableAt"/>; the styled letters it reads as ASCII,
    /// <see cref="PhraseMatcher.ReadChar(ReadOnlySpan{char}, ref int)"/>; the Kelvin sign, which folds into ASCII), the search is made again on the text as the scan reads it, or, for a text longer than 1,024
    /// characters, left to the scan. True means the full scan must tell. Always true on
    /// .NET 8, which has no <c>SearchValues&lt;string&gt;</c>.
    /// </summary>
    public static bool MayContain(Lexicon lexicon, ReadOnlySpan<char> text)
    {
#if NET9_0_OR_GREATER
        return RuleSubstrings[(int)lexicon] is not { } substrings
            || text.ContainsAny(substrings)
            || (IsReadDifferently(text) && (text.Length > MaxReadAsScanned || ContainsAsScanned(text, substrings)));
#else
        return true;
#endif
    }

    public TextScan Scan(ReadOnlySpan<char> text)
    {
        var words = (_scoreOfEntry.Length + 63) >> 6;
        var scored = t_scored;
        if (scored is null || scored.Length < words)
        {
            t_scored = scored = new ulong[words];
        }

        Array.Clear(scored, 0, words);
        var visitor = new Visitor(this, scored);
        _matcher.Scan(text, ref visitor);
        var pitch = visitor.Score >= DefaultPitchDetector.Threshold && visitor.DecisiveScore > 0
            ? new PitchMatch(_matcher.EntryOf(visitor.Decisive.PhraseId), visitor.Decisive.Index, visitor.Decisive.Length)
            : PitchMatch.None;
        return new TextScan(pitch, visitor.StockInvitation, visitor.Invitation, visitor.EndorseBack, visitor.OpenNetworker);
    }

#if NET9_0_OR_GREATER
    /// <summary>
    /// The text holds what makes its substrings differ from what the full scan reads: two spaces in a row, other white
    /// space (a tab, a line break, a no-break space), an ignorable character, a styled letter, or the Kelvin sign. The search skips
    /// the characters from the space to U+0084 in vectorized strides, and looks at the others one by one.
    /// </summary>
    private static bool IsReadDifferently(ReadOnlySpan<char> text)
    {
        if (text.IndexOf("  ") >= 0)
        {
            return true;
        }

        int next;
        while ((next = text.IndexOfAnyExcept(Plain)) >= 0)
        {
            var c = text[next];
            if (c == '\u212A' || PhraseMatcher.IsSpace(c) || PhraseMatcher.IsIgnorableAt(text, next) || PhraseMatcher.ReadChar(text, next) != c)
            {
                return true;
            }

            text = text[(next + 1)..];
        }

        return false;
    }

    /// <summary>
    /// The substring search made on the text as the scan reads it, copied to the stack (it is at most
    /// <see cref="MaxReadAsScanned"/> characters long): each run of white space one space, the ignorable characters
    /// left out, a styled letter its ASCII letter, the Kelvin sign a <c>k</c>.
    /// </summary>
    private static bool ContainsAsScanned(ReadOnlySpan<char> text, SearchValues<string> substrings)
    {
        Span<char> scanned = stackalloc char[text.Length];
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (PhraseMatcher.IsIgnorableAt(text, i))
            {
                continue;
            }

            var c = PhraseMatcher.ReadChar(text, ref i);

            if (PhraseMatcher.IsSpace(c))
            {
                if (length == 0 || scanned[length - 1] != ' ')
                {
                    scanned[length++] = ' ';
                }
            }
            else
            {
                scanned[length++] = c == '\u212A' ? 'k' : c;
            }
        }

        return scanned[..length].ContainsAny(substrings);
    }

    private static SearchValues<string>?[] BuildRuleSubstrings()
    {
        var substrings = new SearchValues<string>?[Enum.GetValues<Lexicon>().Length];
        foreach (var (lexicon, phrases, anchors) in RulePhrases)
        {
            substrings[(int)lexicon] = Substrings(phrases, anchors);
        }

        return substrings;
    }

    /// <summary>
    /// What the quick check searches for: each phrase that holds one of the anchors is searched for by the first it
    /// holds, and every other phrase by its longest part without an apostrophe. Any part of a phrase is sound, since the
    /// text holds the whole phrase wherever the scan finds it, as written or as the scan reads it; an anchor is used
    /// only if it is searchable as the phrases' parts are (<see cref="IsSearchableAsWritten"/>).
    /// </summary>
    private static SearchValues<string>? Substrings(IEnumerable<string> phrases, IEnumerable<string> anchors)
    {
        var usable = anchors.Where(IsSearchableAsWritten).ToArray();
        var substrings = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var phrase in phrases.Select(p => p.Trim().TrimEnd('*')))
        {
            if (phrase.Length == 0 || !Ascii.IsValid(phrase))
            {
                return null;
            }

            // An anchor the phrase holds, else its longest part without an apostrophe: the text may write any of three
            // apostrophes where the phrase has one.
            substrings.Add(usable.FirstOrDefault(anchor => phrase.Contains(anchor, StringComparison.OrdinalIgnoreCase))
                ?? phrase.Split('\'').MaxBy(part => part.Length)!);
        }

        return SearchValues.Create([.. substrings], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The anchor is searched for as the parts of the phrases are: ASCII, without an apostrophe (a text may write any of
    /// three) and without white space other than single spaces (the quick check searches again, on the text as the scan
    /// reads it, only a text that holds other white space).
    /// </summary>
    internal static bool IsSearchableAsWritten(string anchor) =>
        anchor.Trim().Length > 0
        && Ascii.IsValid(anchor)
        && !anchor.Contains('\'', StringComparison.Ordinal)
        && !anchor.Contains("  ", StringComparison.Ordinal)
        && !anchor.Any(c => char.IsWhiteSpace(c) && c != ' ');

#endif
    private struct Visitor(TextScanner scanner, ulong[] scored) : IPhraseVisitor
    {
        public int Score { get; private set; }

        public PhraseHit Decisive { get; private set; }

        public int DecisiveScore { get; private set; }

        public PhraseHit StockInvitation { get; private set; }

        public PhraseHit Invitation { get; private set; }

        public PhraseHit EndorseBack { get; private set; }

        public PhraseHit OpenNetworker { get; private set; }

        public void Visit(PhraseHit hit)
        {
            switch ((Lexicon)scanner._matcher.LexiconOf(hit.PhraseId))
            {
                case Lexicon.Pitch:
                    ScorePitch(hit);
                    break;
                case Lexicon.StockInvitation when StockInvitation.Length == 0:
                    StockInvitation = hit;
                    break;
                case Lexicon.Invitation when Invitation.Length == 0:
                    Invitation = hit;
                    break;
                case Lexicon.EndorseBack when EndorseBack.Length == 0:
                    EndorseBack = hit;
                    break;
                case Lexicon.OpenNetworker when OpenNetworker.Length == 0:
                    OpenNetworker = hit;
                    break;
            }
        }

        /// <summary>Each different entry scores once; the highest-scoring hit (the first among equals) decides.</summary>
        private void ScorePitch(PhraseHit hit)
        {
            var entry = scanner._matcher.EntryIdOf(hit.PhraseId);
            var bit = 1UL << (entry & 63);
            if ((scored[entry >> 6] & bit) != 0)
            {
                return;
            }

            scored[entry >> 6] |= bit;

            var entryScore = scanner._scoreOfEntry[entry];
            Score += entryScore;
            if (entryScore > DecisiveScore)
            {
                Decisive = hit;
                DecisiveScore = entryScore;
            }
        }
    }
}

/// <summary>What one scan found in a text: the pitch verdict and the first hit of each rule lexicon.</summary>
internal readonly struct TextScan(PitchMatch pitch, PhraseHit stockInvitation, PhraseHit invitation, PhraseHit endorseBack, PhraseHit openNetworker)
{
    public PitchMatch Pitch { get; } = pitch;

    /// <summary>Returns the first hit of a rule lexicon; a hit is never empty, so a zero length means none.</summary>
    public bool TryGet(Lexicon lexicon, out PhraseHit hit)
    {
        hit = lexicon switch
        {
            Lexicon.StockInvitation => stockInvitation,
            Lexicon.Invitation => invitation,
            Lexicon.EndorseBack => endorseBack,
            Lexicon.OpenNetworker => openNetworker,
            _ => throw new ArgumentOutOfRangeException(nameof(lexicon), lexicon, "The pitch lexicon is read through Pitch."),
        };
        return hit.Length > 0;
    }
}
