#if NET9_0_OR_GREATER
using System.Buffers;
#endif

namespace ConnectionRules;

/// <summary>
/// Finds whole-word phrases in a text, case-insensitively, in one pass and without allocating.
/// A phrase ending in <c>*</c> matches as a prefix (<c>discount*</c> matches "discounted").
/// Straight and curly apostrophes are interchangeable.
/// </summary>
internal sealed class PhraseMatcher
{
    private readonly Phrase[] _phrases;

    // Indexes into _phrases grouped by the phrase's first character (folded), longest phrase first.
    private readonly Dictionary<char, int[]> _byFirstChar;

#if NET9_0_OR_GREATER
    private readonly SearchValues<string> _searchValues;
#endif

    public PhraseMatcher(IEnumerable<string> phrases)
    {
        var list = new List<Phrase>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var entryId = -1;
        foreach (var raw in phrases)
        {
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
                if (seen.Add(variant + (isPrefix ? "*" : "")))
                {
                    list.Add(new Phrase(variant, raw.Trim(), isPrefix, entryId));
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

    private readonly record struct Phrase(string Text, string Entry, bool IsPrefix, int EntryId);
}

/// <summary>One occurrence of a phrase: which phrase, and where in the text.</summary>
internal readonly record struct PhraseHit(int PhraseId, int Index, int Length);
