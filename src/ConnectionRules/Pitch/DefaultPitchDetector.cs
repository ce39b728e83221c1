namespace ConnectionRules;

/// <summary>
/// The built-in <see cref="IPitchDetector"/>: an English lexicon of sales phrases, matched as whole words,
/// case-insensitively, with straight and curly apostrophes alike, in one pass over the text.
/// A text is a pitch when it holds one strong phrase ("quick demo", "our platform helps"), or at least
/// <see cref="WeakSignalThreshold"/> different weak signals ("pricing", "free trial", "book a time").
/// </summary>
/// <remarks>
/// Measured on the labelled corpus under <c>tests/ConnectionRules.Tests/Pitch</c>; see the README for the figures.
/// Extend the lexicon by passing <see cref="BuiltInStrongPhrases"/> and <see cref="BuiltInWeakPhrases"/> with your own
/// phrases to the constructor.
/// </remarks>
public sealed class DefaultPitchDetector : IPitchDetector
{
    /// <summary>How many different weak signals make a pitch without a strong phrase.</summary>
    public const int WeakSignalThreshold = 2;

    private readonly PhraseMatcher _matcher;
    private readonly int _strongCount;

    /// <summary>Initializes a detector with the built-in English lexicon.</summary>
    public DefaultPitchDetector()
        : this(BuiltInStrongPhrases, BuiltInWeakPhrases)
    {
    }

    /// <summary>Initializes a detector with a lexicon of your own.</summary>
    /// <param name="strongPhrases">Phrases that make a text a pitch on their own. A trailing <c>*</c> matches a prefix.</param>
    /// <param name="weakPhrases">Signals of which <see cref="WeakSignalThreshold"/> different ones make a pitch.</param>
    /// <exception cref="ArgumentNullException">A list is null.</exception>
    /// <exception cref="ArgumentException">A phrase is null or blank.</exception>
    public DefaultPitchDetector(IEnumerable<string> strongPhrases, IEnumerable<string> weakPhrases)
    {
        ArgumentNullException.ThrowIfNull(strongPhrases);
        ArgumentNullException.ThrowIfNull(weakPhrases);
        var strong = Validate(strongPhrases, nameof(strongPhrases));
        var weak = Validate(weakPhrases, nameof(weakPhrases));

        // Strong phrases first, so a phrase id below _strongCount is strong.
        var strongMatcher = new PhraseMatcher(strong);
        _strongCount = strongMatcher.Count;
        _matcher = new PhraseMatcher(strong.Concat(weak));
    }

    /// <summary>Gets the shared instance with the built-in lexicon.</summary>
    public static DefaultPitchDetector Instance { get; } = new();

    /// <summary>Gets the built-in phrases that make a text a pitch on their own.</summary>
    public static IReadOnlyList<string> BuiltInStrongPhrases => PitchLexicon.Strong;

    /// <summary>Gets the built-in weak signals.</summary>
    public static IReadOnlyList<string> BuiltInWeakPhrases => PitchLexicon.Weak;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public PitchMatch Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan();
        PhraseHit firstWeak = default;
        var firstWeakEntry = -1;
        var position = 0;
        while (_matcher.TryFind(span, position, out var hit))
        {
            if (hit.PhraseId < _strongCount)
            {
                return new PitchMatch(_matcher.EntryOf(hit.PhraseId), hit.Index, hit.Length);
            }

            if (firstWeakEntry < 0)
            {
                firstWeak = hit;
                firstWeakEntry = hit.PhraseId;
            }
            else if (!string.Equals(_matcher.EntryOf(hit.PhraseId), _matcher.EntryOf(firstWeakEntry), StringComparison.Ordinal))
            {
                // Two different weak signals: the span runs from the first to the end of the second.
                return new PitchMatch(_matcher.EntryOf(firstWeakEntry), firstWeak.Index, hit.Index + hit.Length - firstWeak.Index);
            }

            position = hit.Index + hit.Length;
        }

        return PitchMatch.None;
    }

    private static string[] Validate(IEnumerable<string> phrases, string paramName)
    {
        var array = phrases.ToArray();
        foreach (var phrase in array)
        {
            if (string.IsNullOrWhiteSpace(phrase) || phrase.Trim() == "*")
            {
                throw new ArgumentException("Every phrase must hold at least one character other than white space and '*'.", paramName);
            }
        }

        return array;
    }
}
