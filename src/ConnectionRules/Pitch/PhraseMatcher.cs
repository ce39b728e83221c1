using System.Buffers;

namespace ConnectionRules;

/// <summary>
/// Finds whole-word phrases in a text, case-insensitively, in one pass and without allocating.
/// A phrase ending in <c>*</c> matches as a prefix (<c>discount*</c> matches "discounted").
/// Straight and curly apostrophes are interchangeable. Phrases may belong to several lexicons (at most 64), which
/// <see cref="Scan{TVisitor}"/> reports side by side from a single pass.
/// </summary>
/// <remarks>
/// The phrases, case-folded, form a trie. A phrase can only start where a word starts, and the scan jumps from one
/// possible word start to the next with a vectorized search for the characters that are not ASCII letters or digits;
/// from each word start it walks the trie for as long as the text follows it: a few steps per word, whatever the
/// number of phrases. This is faster (1.4 to 1.7 times per KB, docs/performance.md) than <c>SearchValues&lt;string&gt;</c> over hundreds of
/// case-insensitive phrases, which falls back to a character-by-character automaton, and works the same on every
/// target framework.
/// </remarks>
internal sealed class PhraseMatcher
{
    /// <summary>The most lexicons one matcher tells apart.</summary>
    public const int MaxLexicons = 64;

    private const int Root = 0;

    // Runs of these never hold a word start after their first character; everything else is looked at one by one.
    private static readonly SearchValues<char> AsciiLettersAndDigits =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private const int None = 0;

    private readonly Phrase[] _phrases;
    private readonly int _lexiconCount;

    // The trie, frozen: node n's children are _edgeChars/_edgeTargets[_firstEdge[n] .. _firstEdge[n + 1]), and the
    // phrases ending at it are _endPhrases[_firstEnd[n] .. _firstEnd[n + 1]), in the order they were listed. The root's
    // ASCII children are also indexed directly.
    private readonly int[] _firstEdge;
    private readonly char[] _edgeChars;
    private readonly int[] _edgeTargets;
    private readonly int[] _firstEnd;
    private readonly int[] _endPhrases;
    private readonly int[] _rootAscii = new int[128];

    public PhraseMatcher(IEnumerable<string> phrases)
        : this(phrases.Select(phrase => (phrase, 0)))
    {
    }

    /// <summary>Initializes a matcher over phrases tagged with their lexicon (0 to <see cref="MaxLexicons"/> - 1).</summary>
    public PhraseMatcher(IEnumerable<(string Phrase, int Lexicon)> entries)
    {
        var phrases = new List<Phrase>();
        var children = new List<SortedDictionary<char, int>> { new() };
        var ends = new List<List<int>> { new() };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var entryId = -1;
        foreach (var (raw, lexicon) in entries)
        {
            entryId++;
            if ((uint)lexicon >= MaxLexicons)
            {
                throw new ArgumentOutOfRangeException(nameof(entries), lexicon, $"A lexicon is a number from 0 to {MaxLexicons - 1}.");
            }

            var entry = raw.Trim();
            var isPrefix = entry.EndsWith('*');
            var folded = string.Create(entry.Length - (isPrefix ? 1 : 0), entry, static (span, text) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = Fold(text[i]);
                }
            });

            // A phrase listed twice in one lexicon keeps its first entry; another lexicon may list it too.
            if (folded.Length == 0 || !seen.Add($"{lexicon}:{folded}{(isPrefix ? "*" : "")}"))
            {
                continue;
            }

            var node = Root;
            foreach (var c in folded)
            {
                if (!children[node].TryGetValue(c, out var child))
                {
                    child = children.Count;
                    children[node].Add(c, child);
                    children.Add([]);
                    ends.Add([]);
                }

                node = child;
            }

            ends[node].Add(phrases.Count);
            phrases.Add(new Phrase(entry, folded.Length, isPrefix, entryId, lexicon));
            _lexiconCount = Math.Max(_lexiconCount, lexicon + 1);
        }

        _phrases = [.. phrases];
        _firstEdge = new int[children.Count + 1];
        _firstEnd = new int[children.Count + 1];
        _edgeChars = new char[children.Count - 1];
        _edgeTargets = new int[children.Count - 1];
        _endPhrases = new int[phrases.Count];
        int edges = 0, endings = 0;
        for (var node = 0; node < children.Count; node++)
        {
            _firstEdge[node] = edges;
            foreach (var (c, child) in children[node])
            {
                _edgeChars[edges] = c;
                _edgeTargets[edges++] = child;
                if (node == Root && c < 128)
                {
                    _rootAscii[c] = child;
                }
            }

            _firstEnd[node] = endings;
            foreach (var phrase in ends[node])
            {
                _endPhrases[endings++] = phrase;
            }
        }

        _firstEdge[children.Count] = edges;
        _firstEnd[children.Count] = endings;
    }

    /// <summary>Gets the lexicon entry (as written, including a trailing <c>*</c>) of the phrase with the given id.</summary>
    public string EntryOf(int phraseId) => _phrases[phraseId].Entry;

    /// <summary>
    /// Gets the position, in the list given to the constructor, of the entry the phrase with the given id came from.
    /// An entry listed again later in the same lexicon never matches: the first one wins.
    /// </summary>
    public int EntryIdOf(int phraseId) => _phrases[phraseId].EntryId;

    /// <summary>Gets the lexicon of the phrase with the given id.</summary>
    public int LexiconOf(int phraseId) => _phrases[phraseId].Lexicon;

    /// <summary>Finds the first whole-word phrase occurrence at or after <paramref name="start"/>; longest phrase wins at one position.</summary>
    public bool TryFind(ReadOnlySpan<char> text, int start, out PhraseHit hit)
    {
        Span<int> longest = stackalloc int[_lexiconCount];
        var starts = new WordStarts(start);
        while (starts.Next(text) is var position and >= 0)
        {
            if (!MayStartPhrase(text, position) || LongestPerLexicon(text, position, longest) is not (var found and not 0))
            {
                continue;
            }

            // Across lexicons, the longest phrase; at equal length, the one listed first.
            var best = -1;
            for (var lexicon = 0; found != 0; lexicon++, found >>= 1)
            {
                var phrase = longest[lexicon];
                if ((found & 1) != 0 && (best < 0 || _phrases[phrase].Length > _phrases[best].Length || (_phrases[phrase].Length == _phrases[best].Length && phrase < best)))
                {
                    best = phrase;
                }
            }

            hit = new PhraseHit(best, position, _phrases[best].Length);
            return true;
        }

        hit = default;
        return false;
    }

    /// <summary>
    /// Reports, in one pass, every whole-word occurrence in the text: at each position, the longest phrase of each
    /// lexicon that starts there. For a lexicon, the hits are exactly those repeated <see cref="TryFind"/> calls on a
    /// matcher of that lexicon alone would find.
    /// </summary>
    public void Scan<TVisitor>(ReadOnlySpan<char> text, ref TVisitor visitor)
        where TVisitor : struct, IPhraseVisitor
    {
        Span<int> longest = stackalloc int[_lexiconCount];
        var starts = new WordStarts(0);
        while (starts.Next(text) is var position and >= 0)
        {
            if (!MayStartPhrase(text, position))
            {
                continue;
            }

            var found = LongestPerLexicon(text, position, longest);
            for (var lexicon = 0; found != 0; lexicon++, found >>= 1)
            {
                if ((found & 1) != 0)
                {
                    visitor.Visit(new PhraseHit(longest[lexicon], position, _phrases[longest[lexicon]].Length));
                }
            }
        }
    }

    /// <summary>One walk from the position: for each lexicon, its longest phrase there; returns the lexicons found, as bits.</summary>
    private ulong LongestPerLexicon(ReadOnlySpan<char> text, int position, Span<int> longest)
    {
        var found = 0UL;
        var node = Root;
        for (var i = position; i < text.Length; i++)
        {
            node = Step(node, Fold(text[i]));
            if (node == None)
            {
                break;
            }

            var atThisNode = 0UL;
            for (var e = _firstEnd[node]; e < _firstEnd[node + 1]; e++)
            {
                var phrase = _phrases[_endPhrases[e]];
                var bit = 1UL << phrase.Lexicon;
                if ((atThisNode & bit) == 0 && (phrase.IsPrefix || IsWordEnd(text, i + 1)))
                {
                    atThisNode |= bit;
                    longest[phrase.Lexicon] = _endPhrases[e];
                }
            }

            found |= atThisNode;
        }

        return found;
    }

    /// <summary>A phrase starts with this character, and a word starts here.</summary>
    private bool MayStartPhrase(ReadOnlySpan<char> text, int position) =>
        Step(Root, Fold(text[position])) != None && IsWordStart(text, position);

    private int Step(int node, char c)
    {
        if (node == Root && c < 128)
        {
            return _rootAscii[c];
        }

        var first = _firstEdge[node];
        var count = _firstEdge[node + 1] - first;
        var index = count <= 8
            ? _edgeChars.AsSpan(first, count).IndexOf(c)
            : _edgeChars.AsSpan(first, count).BinarySearch(c);
        return index >= 0 ? _edgeTargets[first + index] : None;
    }

    private static bool IsWordStart(ReadOnlySpan<char> text, int index) => index == 0 || !char.IsLetterOrDigit(text[index - 1]) || !char.IsLetterOrDigit(text[index]);

    private static bool IsWordEnd(ReadOnlySpan<char> text, int index) => index >= text.Length || !char.IsLetterOrDigit(text[index]) || !char.IsLetterOrDigit(text[index - 1]);

    private static char Fold(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c | 0x20),
        < (char)128 => c,
        '\u2019' or '\u2018' => '\'',
        _ => char.ToLowerInvariant(c),
    };

    private readonly record struct Phrase(string Entry, int Length, bool IsPrefix, int EntryId, int Lexicon);

    /// <summary>
    /// The positions that may start a word, in order, each once: the first one, and every character that is not an ASCII
    /// letter or digit together with the one after it. Every word start is among them; the caller checks each.
    /// </summary>
    private struct WordStarts(int start)
    {
        private int _searchFrom = start;
        private int _pending = start;
        private int _last = start - 1;

        public int Next(ReadOnlySpan<char> text)
        {
            while (true)
            {
                int candidate;
                if (_pending >= 0)
                {
                    candidate = _pending;
                    _pending = -1;
                }
                else
                {
                    if (_searchFrom >= text.Length)
                    {
                        return -1;
                    }

                    var offset = text[_searchFrom..].IndexOfAnyExcept(AsciiLettersAndDigits);
                    if (offset < 0)
                    {
                        return -1;
                    }

                    candidate = _searchFrom + offset;
                    _searchFrom = candidate + 1;
                    _pending = candidate + 1;
                }

                if (candidate > _last && candidate < text.Length)
                {
                    _last = candidate;
                    return candidate;
                }
            }
        }
    }
}

/// <summary>Receives the hits of <see cref="PhraseMatcher.Scan{TVisitor}"/>; a struct, so the scan is not a delegate call per hit.</summary>
internal interface IPhraseVisitor
{
    void Visit(PhraseHit hit);
}

/// <summary>One occurrence of a phrase: which phrase, and where in the text.</summary>
internal readonly record struct PhraseHit(int PhraseId, int Index, int Length);
