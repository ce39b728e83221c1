namespace ConnectionRules;

/// <summary>
/// The built-in <see cref="IPitchDetector"/>: an English lexicon of sales phrases, matched as whole words,
/// case-insensitively, with straight and curly apostrophes alike, any run of white space read as one space and invisible
/// format characters (zero-width spaces, soft hyphens) as if absent, in one pass over the text.
/// Each different phrase found scores once: a strong phrase ("we help", "free consultation") 2, a weak signal
/// ("15 minutes", "your company", "pricing") 1, and a counter phrase that a buyer, a recruiter with a real role or an
/// organiser of a free event writes ("your platform", "the role", "CPE credits") -2. A score of
/// <see cref="Threshold"/> or more is a pitch.
/// </summary>
/// <remarks>
/// Measured on the labelled corpora under <c>tests/ConnectionRules.Tests/Pitch</c>; see the README for the figures.
/// Extend the lexicon by passing <see cref="BuiltInStrongPhrases"/>, <see cref="BuiltInWeakPhrases"/> and
/// <see cref="BuiltInCounterPhrases"/> with your own phrases to the constructor.
/// </remarks>
public sealed class DefaultPitchDetector : IPitchDetector
{
    /// <summary>The score from which a text is a pitch.</summary>
    public const int Threshold = 2;

    private const int StrongScore = 2;
    private const int WeakScore = 1;
    private const int CounterScore = -2;

    private readonly (string Phrase, int Score)[] _entries;
    private readonly TextScanner _scanner;
    private TextScanner? _scannerWithRuleLexicons;

    /// <summary>Initializes a detector with the built-in English lexicon.</summary>
    public DefaultPitchDetector()
        : this(BuiltInStrongPhrases, BuiltInWeakPhrases, BuiltInCounterPhrases)
    {
    }

    /// <summary>Initializes a detector with a lexicon of your own.</summary>
    /// <param name="strongPhrases">Phrases that make a text a pitch on their own. A trailing <c>*</c> matches a prefix.</param>
    /// <param name="weakPhrases">Signals of which two different ones make a pitch.</param>
    /// <param name="counterPhrases">Phrases that cancel a strong phrase or two weak signals; none by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="strongPhrases"/> or <paramref name="weakPhrases"/> is null.</exception>
    /// <exception cref="ArgumentException">A phrase is null or blank, or holds half a surrogate pair (it is not valid UTF-16).</exception>
    public DefaultPitchDetector(IEnumerable<string> strongPhrases, IEnumerable<string> weakPhrases, IEnumerable<string>? counterPhrases = null)
    {
        ArgumentNullException.ThrowIfNull(strongPhrases);
        ArgumentNullException.ThrowIfNull(weakPhrases);
        // A phrase listed twice keeps its first, strongest role: the matcher lets the first entry win.
        var entries = new List<(string Phrase, int Score)>();
        Add(entries, strongPhrases, StrongScore, nameof(strongPhrases));
        Add(entries, weakPhrases, WeakScore, nameof(weakPhrases));
        Add(entries, counterPhrases ?? [], CounterScore, nameof(counterPhrases));
        _entries = [.. entries];
        _scanner = new TextScanner(_entries, withRuleLexicons: false);
    }

    /// <summary>Gets the shared instance with the built-in lexicon.</summary>
    public static DefaultPitchDetector Instance { get; } = new();

    /// <summary>Gets the built-in phrases that make a text a pitch on their own.</summary>
    public static IReadOnlyList<string> BuiltInStrongPhrases => PitchLexicon.Strong;

    /// <summary>Gets the built-in weak signals.</summary>
    public static IReadOnlyList<string> BuiltInWeakPhrases => PitchLexicon.Weak;

    /// <summary>Gets the built-in counter phrases.</summary>
    public static IReadOnlyList<string> BuiltInCounterPhrases => PitchLexicon.Counter;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public PitchMatch Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _scanner.Scan(text).Pitch;
    }

    /// <summary>
    /// Gets the scanner an engine uses with this detector: this lexicon and the rule lexicons, read in one pass per text.
    /// Built on first use and shared by every engine built with this detector.
    /// </summary>
    internal TextScanner ScannerWithRuleLexicons =>
        _scannerWithRuleLexicons ?? Interlocked.CompareExchange(ref _scannerWithRuleLexicons, new TextScanner(_entries, withRuleLexicons: true), null) ?? _scannerWithRuleLexicons;

    private static void Add(List<(string Phrase, int Score)> entries, IEnumerable<string> phrases, int score, string paramName)
    {
        foreach (var phrase in phrases)
        {
            // Read as texts are: the invisible characters in it are not looked for.
            var visible = phrase is null ? null : PhraseMatcher.WithoutIgnorables(phrase).Trim();
            if (string.IsNullOrEmpty(visible) || visible == "*")
            {
                throw new ArgumentException("Every phrase must hold at least one character other than white space, invisible characters and '*'.", paramName);
            }

            if (LoneSurrogateIn(phrase!) is var lone and >= 0)
            {
                throw new ArgumentException(
                    $"The phrase \"{visible}\" holds half a surrogate pair, U+{(int)phrase![lone]:X4} at index {lone} of the phrase as given: it is not valid UTF-16. Write the character whole.",
                    paramName);
            }

            entries.Add((visible, score));
        }
    }

    /// <summary>The index of the first surrogate in the text that makes no pair; -1 if there is none.</summary>
    private static int LoneSurrogateIn(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
