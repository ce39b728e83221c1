using System.Buffers;

namespace ConnectionRules.Benchmarks.HandWritten;

/// <summary>
/// A hand-written whole-word phrase finder over one of the engine's phrase lists: one <see cref="SearchValues{T}"/>
/// scan finds where any phrase may start, then the phrases that begin with that character are tried, longest first.
/// Case-insensitive, straight and curly apostrophes alike, a trailing <c>*</c> matches a prefix, and the first entry
/// wins when a phrase is listed twice: the matching the engine documents, written without the engine.
/// </summary>
public sealed class Lexicon
{
    private readonly SearchValues<string> _starts;

    // Candidates by the folded first character: a table for ASCII, a dictionary for the rest.
    private readonly Candidate[]?[] _ascii = new Candidate[]?[128];
    private readonly Dictionary<char, Candidate[]> _other;

    /// <summary>Builds the lexicon from its entries, as written in the engine's lists.</summary>
    public Lexicon(IReadOnlyList<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var candidates = new List<Candidate>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var entry = 0; entry < entries.Count; entry++)
        {
            var text = entries[entry].Trim();
            var isPrefix = text.EndsWith('*');
            if (isPrefix)
            {
                text = text[..^1];
            }

            if (text.Length == 0)
            {
                continue;
            }

            var straight = text.Replace('\u2019', '\'').Replace('\u2018', '\'');
            Add(straight);
            if (straight.Contains('\'', StringComparison.Ordinal))
            {
                Add(straight.Replace('\'', '\u2019'));
            }

            void Add(string variant)
            {
                if (seen.Add(isPrefix ? variant + "*" : variant))
                {
                    candidates.Add(new Candidate(variant, entry, isPrefix));
                }
            }
        }

        EntryCount = entries.Count;
        _starts = SearchValues.Create([.. candidates.Select(c => c.Text)], StringComparison.OrdinalIgnoreCase);
        var groups = candidates
            .GroupBy(c => Fold(c.Text[0]))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Text.Length).ToArray());
        _other = [];
        foreach (var (first, group) in groups)
        {
            if (first < 128)
            {
                _ascii[first] = group;
            }
            else
            {
                _other.Add(first, group);
            }
        }
    }

    /// <summary>Gets how many entries the lexicon was built from; <see cref="LexiconHit.Entry"/> is below it.</summary>
    public int EntryCount { get; }

    /// <summary>Returns whether a phrase occurs in <paramref name="text"/> as whole words.</summary>
    public bool Contains(ReadOnlySpan<char> text) => TryFind(text, 0, out _);

    /// <summary>Finds the first whole-word phrase at or after <paramref name="start"/>; the longest phrase wins at one position.</summary>
    public bool TryFind(ReadOnlySpan<char> text, int start, out LexiconHit hit)
    {
        var position = start;
        while (position < text.Length)
        {
            var offset = text[position..].IndexOfAny(_starts);
            if (offset < 0)
            {
                break;
            }

            position += offset;
            if (IsWordStart(text, position))
            {
                var first = Fold(text[position]);
                var candidates = first < 128 ? _ascii[first] : _other.GetValueOrDefault(first);
                if (candidates is not null)
                {
                    var rest = text[position..];
                    foreach (var candidate in candidates)
                    {
                        if (rest.StartsWith(candidate.Text, StringComparison.OrdinalIgnoreCase)
                            && (candidate.IsPrefix || IsWordEnd(text, position + candidate.Text.Length)))
                        {
                            hit = new LexiconHit(candidate.Entry, position, candidate.Text.Length);
                            return true;
                        }
                    }
                }
            }

            position++;
        }

        hit = default;
        return false;
    }

    // A phrase that starts or ends with punctuation ("$", "intro?") needs no word boundary on that side.
    private static bool IsWordStart(ReadOnlySpan<char> text, int index) =>
        index == 0 || !char.IsLetterOrDigit(text[index - 1]) || !char.IsLetterOrDigit(text[index]);

    private static bool IsWordEnd(ReadOnlySpan<char> text, int index) =>
        index >= text.Length || !char.IsLetterOrDigit(text[index]) || !char.IsLetterOrDigit(text[index - 1]);

    private static char Fold(char c) => c is '\u2019' or '\u2018' ? '\'' : char.ToLowerInvariant(c);

    private sealed record Candidate(string Text, int Entry, bool IsPrefix);
}

/// <summary>One occurrence of a lexicon entry: which entry, and where in the text.</summary>
/// <param name="Entry">The index of the entry in the list the lexicon was built from.</param>
/// <param name="Index">Where the occurrence starts.</param>
/// <param name="Length">How long it is.</param>
public readonly record struct LexiconHit(int Entry, int Index, int Length);
