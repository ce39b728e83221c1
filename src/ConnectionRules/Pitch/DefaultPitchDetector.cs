namespace ConnectionRules;

/// <summary>
/// The built-in <see cref="IPitchDetector"/>: an English lexicon of sales phrases, matched as whole words,
/// case-insensitively, with straight and curly apostrophes alike, in one pass over the text.
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

    // Enough to remember which different entries a text has already scored; texts rarely hold more.
    private const int MaxScoredEntries = 32;

    private readonly PhraseMatcher _matcher;
    private readonly int[] _scoreOfEntry;

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
    /// <exception cref="ArgumentException">A phrase is null or blank.</exception>
    public DefaultPitchDetector(IEnumerable<string> strongPhrases, IEnumerable<string> weakPhrases, IEnumerable<string>? counterPhrases = null)
    {
        ArgumentNullException.ThrowIfNull(strongPhrases);
        ArgumentNullException.ThrowIfNull(weakPhrases);
        // A phrase listed twice keeps its first, strongest role: the matcher lets the first entry win.
        var entries = new List<(string Phrase, int Score)>();
        Add(entries, strongPhrases, StrongScore, nameof(strongPhrases));
        Add(entries, weakPhrases, WeakScore, nameof(weakPhrases));
        Add(entries, counterPhrases ?? [], CounterScore, nameof(counterPhrases));
        _matcher = new PhraseMatcher(entries.Select(e => e.Phrase));
        _scoreOfEntry = entries.Select(e => e.Score).ToArray();
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
        var span = text.AsSpan();
        Span<int> scored = stackalloc int[MaxScoredEntries];
        var scoredCount = 0;
        var score = 0;
        PhraseHit decisive = default;
        var decisiveScore = 0;
        var position = 0;
        while (_matcher.TryFind(span, position, out var hit))
        {
            position = hit.Index + 1;
            var entry = _matcher.EntryIdOf(hit.PhraseId);
            if (scored[..scoredCount].Contains(entry))
            {
                continue;
            }

            if (scoredCount < MaxScoredEntries)
            {
                scored[scoredCount++] = entry;
            }

            var entryScore = _scoreOfEntry[entry];
            score += entryScore;
            if (entryScore > decisiveScore)
            {
                decisive = hit;
                decisiveScore = entryScore;
            }
        }

        return score >= Threshold && decisiveScore > 0
            ? new PitchMatch(_matcher.EntryOf(decisive.PhraseId), decisive.Index, decisive.Length)
            : PitchMatch.None;
    }

    private static void Add(List<(string Phrase, int Score)> entries, IEnumerable<string> phrases, int score, string paramName)
    {
        foreach (var phrase in phrases)
        {
            if (string.IsNullOrWhiteSpace(phrase) || phrase.Trim() == "*")
            {
                throw new ArgumentException("Every phrase must hold at least one character other than white space and '*'.", paramName);
            }

            entries.Add((phrase.Trim(), score));
        }
    }
}
