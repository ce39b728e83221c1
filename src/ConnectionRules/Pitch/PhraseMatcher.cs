#if NET9_0_OR_GREATER
using System.Buffers;
#endif

namespace ConnectionRules;

/// <summary>
/// Finds whole-word phrases in a text, case-insensitively, in one pass and without allocating.
/// A phrase ending in <c>*</c> matches as a prefix (<c>discount*</c> matches "discounted").
/// Straight and curly apostrophes are interchangeable. Phrases may belong to several lexicons (at most 64), which
/// <see cref="Scan{TVisitor}"/> reports side by side from a single pass.
/// </summary>
internal sealed class PhraseMatcher
{
    /// <summary>The most lexicons one matcher tells apart.</summary>
    public const int MaxLexicons = 64;

    private readonly Phrase[] _phrases;

    // Indexes into _phrases grouped by the phrase's first character (folded), longest phrase first.
    private readonly Dictionary<char, int[]> _byFirstChar;

#if NET9_0_OR_GREATER
    private readonly SearchValues<string> _searchValues;
#endif

    public PhraseMatcher(IEnumerable<string> phrases)
        : this(phrases.Select(phrase => (phrase, 0)))
    {
    }

    /// <summary>Initializes a matcher over phrases tagged with their lexicon (0 to <see cref="MaxLexicons"/> - 1).</summary>
    public PhraseMatcher(IEnumerable<(string Phrase, int Lexicon)> entries)
    {
        var list = new List<Phrase>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var entryId = -1;
        foreach (var (raw, lexicon) in entries)
        {
            if ((uint)lexicon >= MaxLexicons)
            {
                throw new ArgumentOutOfRangeException(nameof(entries), lexicon, $"A lexicon is a number from 0 to {MaxLexicons - 1}.");
            }

            entryId++;
            var text = raw.Trim();
            var isPrefix = text.EndsWith('*');
            if (isPrefix)
            {
                text = text[..^1];
            }

            if (text.Length == 0)
            {
                continue;
            }

            foreach (var variant in ApostropheVariants(text))
            {
                // A phrase listed twice in one lexicon keeps its first entry; another lexicon may list it too.
                if (seen.Add($"{lexicon}:{variant}{(isPrefix ? "*" : "")}"))
                {
                    list.Add(new Phrase(variant, raw.Trim(), isPrefix, entryId, lexicon));
                }
            }
        }

        _phrases = [.. list];
        _byFirstChar = _phrases
            .Select((phrase, index) => (phrase, index))
            .GroupBy(p => Fold(p.phrase.Text[0]))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.phrase.Text.Length).Select(p => p.index).ToArray());
#if NET9_0_OR_GREATER
        _searchValues = SearchValues.Create(_phrases.Select(p => p.Text).ToArray(), StringComparison.OrdinalIgnoreCase);
#endif
    }

    /// <summary>Gets the lexicon entry (as written, including a trailing <c>*</c>) of the phrase with the given id.</summary>
    public string EntryOf(int phraseId) => _phrases[phraseId].Entry;

    /// <summary>
    /// Gets the position, in the list given to the constructor, of the entry the phrase with the given id came from.
    /// An entry listed again later never matches: the first one wins.
    /// </summary>
    public int EntryIdOf(int phraseId) => _phrases[phraseId].EntryId;

    /// <summary>Gets the lexicon of the phrase with the given id.</summary>
    public int LexiconOf(int phraseId) => _phrases[phraseId].Lexicon;

    /// <summary>
    /// Reports, in one pass, every whole-word occurrence in the text: at each position, the longest phrase of each
    /// lexicon that starts there. For a lexicon, the hits are exactly those repeated <see cref="TryFind"/> calls on a
    /// matcher of that lexicon alone would find.
    /// </summary>
    public void Scan<TVisitor>(ReadOnlySpan<char> text, ref TVisitor visitor)
        where TVisitor : struct, IPhraseVisitor
    {
        var position = 0;
        while (position < text.Length)
        {
#if NET9_0_OR_GREATER
            var offset = text[position..].IndexOfAny(_searchValues);
            if (offset < 0)
            {
                return;
            }

            position += offset;
#endif
            if (IsWordStart(text, position) && _byFirstChar.TryGetValue(Fold(text[position]), out var candidates))
            {
                var rest = text[position..];
                var found = 0UL;
                foreach (var id in candidates)
                {
                    var phrase = _phrases[id];
                    var bit = 1UL << phrase.Lexicon;
                    if ((found & bit) == 0
                        && rest.StartsWith(phrase.Text, StringComparison.OrdinalIgnoreCase)
                        && (phrase.IsPrefix || IsWordEnd(text, position + phrase.Text.Length)))
                    {
                        found |= bit;
                        visitor.Visit(new PhraseHit(id, position, phrase.Text.Length));
                    }
                }
            }

            position++;
        }
    }

    /// <summary>Finds the first whole-word phrase occurrence at or after <paramref name="start"/>; longest phrase wins at one position.</summary>
    public bool TryFind(ReadOnlySpan<char> text, int start, out PhraseHit hit)
    {
        var position = start;
        while (position < text.Length)
        {
#if NET9_0_OR_GREATER
            var offset = text[position..].IndexOfAny(_searchValues);
            if (offset < 0)
            {
                break;
            }

            position += offset;
#endif
            if (IsWordStart(text, position) && _byFirstChar.TryGetValue(Fold(text[position]), out var candidates))
            {
                foreach (var id in candidates)
                {
                    var phrase = _phrases[id];
                    var rest = text[position..];
                    if (rest.StartsWith(phrase.Text, StringComparison.OrdinalIgnoreCase)
                        && (phrase.IsPrefix || IsWordEnd(text, position + phrase.Text.Length)))
                    {
                        hit = new PhraseHit(id, position, phrase.Text.Length);
                        return true;
                    }
                }
            }

            position++;
        }

        hit = default;
        return false;
    }

    private static bool IsWordStart(ReadOnlySpan<char> text, int index) => index == 0 || !char.IsLetterOrDigit(text[index - 1]) || !char.IsLetterOrDigit(text[index]);

    private static bool IsWordEnd(ReadOnlySpan<char> text, int index) => index >= text.Length || !char.IsLetterOrDigit(text[index]) || !char.IsLetterOrDigit(text[index - 1]);

    private static char Fold(char c) => c == '\u2019' || c == '\u2018' ? '\'' : char.ToLowerInvariant(c);

    private static IEnumerable<string> ApostropheVariants(string text)
    {
        var straight = text.Replace('\u2019', '\'').Replace('\u2018', '\'');
        yield return straight;
        if (straight.Contains('\'', StringComparison.Ordinal))
        {
            yield return straight.Replace('\'', '\u2019');
        }
    }

    private readonly record struct Phrase(string Text, string Entry, bool IsPrefix, int EntryId, int Lexicon);
}

/// <summary>Receives the hits of <see cref="PhraseMatcher.Scan{TVisitor}"/>; a struct, so the scan is not a delegate call per hit.</summary>
internal interface IPhraseVisitor
{
    void Visit(PhraseHit hit);
}

/// <summary>One occurrence of a phrase: which phrase, and where in the text.</summary>
internal readonly record struct PhraseHit(int PhraseId, int Index, int Length);
