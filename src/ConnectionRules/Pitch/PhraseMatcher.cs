using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace ConnectionRules;

/// <summary>
/// Finds whole-word phrases in a text, case-insensitively, in one pass and without allocating.
/// A phrase ending in <c>*</c> matches as a prefix (<c>discount*</c> matches "discounted").
/// Straight and curly apostrophes are interchangeable; a run of white space of any kind (spaces, tabs, line breaks,
/// no-break spaces) reads as the one space a phrase has there ("we\u00A0 help" holds "we help"); invisible characters
/// (zero-width spaces and joiners, soft hyphens, direction marks, variation selectors, tag characters: see
/// <see cref="IsIgnorableAt"/>) are read as if absent ("bo\u200Bok a demo" holds "book a demo"); and bold, italic and
/// fullwidth letters are read as the ASCII letters they style ("𝗯𝗼𝗼𝗸 𝗮 𝗱𝗲𝗺𝗼" holds "book a demo": see
/// <see cref="ReadChar(ReadOnlySpan{char}, ref int)"/>). So none of them can hide a phrase. Phrases may belong to
/// several lexicons (at most 64), which <see cref="Scan{TVisitor}"/> reports side by side from a single pass.
/// </summary>
/// <remarks>
/// The phrases, case-folded, form a trie. A phrase can only start where a word starts: the scan reads the text sixteen
/// characters at a time with vector instructions, marking in a bit mask the characters that may start a word, and from
/// each of them walks the trie for as long as the text follows it: a few steps per word, whatever the number of
/// phrases. Most words begin no phrase, so before a walk the word is looked up in a table of the phrases' first words
/// (<see cref="MayStartPhrase"/>), which passes over most words of ordinary text without a walk. The trie is packed so
/// that a step costs one or two array reads: a node with one child (most of them) holds that child's character and the
/// child is the next node; a node with many holds a row that gives its child for each ASCII character. This is
/// several times faster per KB than <c>SearchValues&lt;string&gt;</c> over hundreds of case-insensitive phrases,
/// which falls back to a character-by-character automaton (docs/performance.md has the measurements), and works the
/// same on every target framework.
/// </remarks>
internal sealed class PhraseMatcher
{
    /// <summary>The most lexicons one matcher tells apart.</summary>
    public const int MaxLexicons = 64;

    private const int Root = 0;

    // The root is no node's child, so it also stands for "no child".
    private const int None = 0;

    // A node with at least this many children finds its child for an ASCII character in a row of 128, directly.
    private const int RowChildren = 3;

    // How to step on from a node, in bits 1 and 2 of its shape; bit 0 says whether phrases end at it.
    private const int EndsHere = 1;
    private const int KindMask = 6;
    private const int Single = 2;
    private const int Row = 4;
    private const int Edges = 6;
    private const int PayloadShift = 3;

    // The most characters of a word the first-word filter compares: one vector of 16 bytes.
    private const int FirstWordLanes = 8;

    private readonly Phrase[] _phrases;
    private readonly int _lexiconCount;

    // The trie, frozen, its nodes numbered depth first with children in character order, so that a node's first child
    // is the next node. _shape[n] holds EndsHere and the kind of step from n: none (a leaf), Single (one child, whose
    // character is the payload), Row (the payload is a row of _asciiRows, which gives the child for each ASCII
    // character; other characters are looked up in the edges) or Edges (a few children, looked up in the edges).
    // Node n's children are _edgeChars/_edgeTargets[_firstEdge[n] .. _firstEdge[n + 1]), sorted, and the phrases
    // ending at it are _endPhrases[_firstEnd[n] .. _firstEnd[n + 1]), in the order they were listed.
    private readonly int[] _shape;
    private readonly int[] _asciiRows;
    private readonly int[] _firstEdge;
    private readonly char[] _edgeChars;
    private readonly int[] _edgeTargets;
    private readonly int[] _firstEnd;
    private readonly int[] _endPhrases;

    // The first words of the phrases, as bits of a hash table, and how they are compared (see MayStartPhrase).
    private readonly ulong[] _firstWords;
    private readonly int _firstWordShift;
    private readonly int _firstWordLength;
    private readonly int _shortWordLength;

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
        var foldedPhrases = new List<(string Folded, bool IsPrefix)>();
        var entryId = -1;
        foreach (var (raw, lexicon) in entries)
        {
            entryId++;
            if ((uint)lexicon >= MaxLexicons)
            {
                throw new ArgumentOutOfRangeException(nameof(entries), lexicon, $"A lexicon is a number from 0 to {MaxLexicons - 1}.");
            }

            // Without its invisible characters first, so that one at an end does not hide a space or a '*' there.
            var entry = WithoutIgnorables(raw).Trim();
            var isPrefix = entry.EndsWith('*');

            var folded = FoldPhrase(entry.AsSpan(0, entry.Length - (isPrefix ? 1 : 0)));

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
            foldedPhrases.Add((folded, isPrefix));
        }

        _phrases = [.. phrases];
        (_firstWords, _firstWordShift, _firstWordLength, _shortWordLength) = FirstWords(foldedPhrases);

        // Depth first, children in character order: a node's first child is numbered right after it.
        var count = children.Count;
        var numbered = new int[count];
        var order = new List<int>(count);
        var pending = new Stack<int>();
        pending.Push(Root);
        while (pending.TryPop(out var node))
        {
            numbered[node] = order.Count;
            order.Add(node);
            foreach (var child in children[node].Values.Reverse())
            {
                pending.Push(child);
            }
        }

        _shape = new int[count];
        _firstEdge = new int[count + 1];
        _firstEnd = new int[count + 1];
        _edgeChars = new char[count - 1];
        _edgeTargets = new int[count - 1];
        _endPhrases = new int[phrases.Count];
        var rows = new List<int>();
        int edges = 0, endings = 0;
        for (var node = 0; node < count; node++)
        {
            var original = order[node];
            var nodeChildren = children[original];
            var shape = ends[original].Count > 0 ? EndsHere : 0;
            if (nodeChildren.Count == 1 && node != Root)
            {
                shape |= Single | (nodeChildren.Keys.First() << PayloadShift);
            }
            else if (nodeChildren.Count >= RowChildren || node == Root)
            {
                var row = rows.Count >> 7;
                rows.AddRange(new int[128]);
                foreach (var (c, child) in nodeChildren)
                {
                    if (c < 128)
                    {
                        rows[(row << 7) | c] = numbered[child];
                    }
                }

                shape |= Row | (row << PayloadShift);
            }
            else if (nodeChildren.Count > 0)
            {
                shape |= Edges;
            }

            _shape[node] = shape;
            _firstEdge[node] = edges;
            foreach (var (c, child) in nodeChildren)
            {
                _edgeChars[edges] = c;
                _edgeTargets[edges++] = numbered[child];
            }

            _firstEnd[node] = endings;
            foreach (var phrase in ends[original])
            {
                _endPhrases[endings++] = phrase;
            }
        }

        _asciiRows = [.. rows];
        _firstEdge[count] = edges;
        _firstEnd[count] = endings;
    }

    /// <summary>Gets the lexicon entry (as written, trimmed, including a trailing <c>*</c>, without invisible characters) of the phrase with the given id.</summary>
    public string EntryOf(int phraseId) => _phrases[phraseId].Entry;

    /// <summary>
    /// Gets the position, in the list given to the constructor, of the entry the phrase with the given id came from.
    /// An entry listed again later in the same lexicon never matches: the first one wins.
    /// </summary>
    public int EntryIdOf(int phraseId) => _phrases[phraseId].EntryId;

    /// <summary>Gets the lexicon of the phrase with the given id.</summary>
    public int LexiconOf(int phraseId) => _phrases[phraseId].Lexicon;

    /// <summary>The text without its ignorable characters (<see cref="IsIgnorableAt"/>): itself when it has none.</summary>
    public static string WithoutIgnorables(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsIgnorableAt(text, i))
            {
                kept.Append(text[i]);
            }
        }

        return kept.Length == text.Length ? text : kept.ToString();
    }

    /// <summary>
    /// A phrase, already without its ignorable characters, read as a text is: styled letters as the letters they style,
    /// case-folded, and a run of white space one space.
    /// </summary>
    private static string FoldPhrase(ReadOnlySpan<char> phrase)
    {
        var folded = new StringBuilder(phrase.Length);
        for (var i = 0; i < phrase.Length; i++)
        {
            var f = Fold(ReadChar(phrase, ref i));
            if (!(f == ' ' && folded.Length > 0 && folded[^1] == ' '))
            {
                folded.Append(f);
            }
        }

        return folded.ToString();
    }

    /// <summary>
    /// Whether the character at the index is one the matcher reads as if absent, because it is invisible: a format
    /// character (Unicode category Cf), such as a zero-width space, joiner or non-joiner, a soft hyphen, a word joiner,
    /// a byte order mark, a direction mark or a tag character; or another of Unicode's default-ignorable code points: a
    /// variation selector, the combining grapheme joiner, and the code points reserved as default-ignorable. Both
    /// halves of a character written as a surrogate pair (the tag characters U+E0020 to U+E007F, the variation
    /// selectors from U+E0100) are ignorable. Not the Hangul fillers, default-ignorable letters that many fonts draw
    /// as a space. A text that holds one inside a phrase shows the phrase.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsIgnorableAt(ReadOnlySpan<char> text, int index) => text[index] >= '\u00AD' && IsIgnorableAbove(text, index);

    private static bool IsIgnorableAbove(ReadOnlySpan<char> text, int index)
    {
        var c = text[index];
        if (!char.IsSurrogate(c))
        {
            return CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format
                || c is '\u034F' or '\u17B4' or '\u17B5' or (>= '\u180B' and <= '\u180F') or '\u2065' or (>= '\uFE00' and <= '\uFE0F') or (>= '\uFFF0' and <= '\uFFF8');
        }

        var high = char.IsHighSurrogate(c) ? index : index - 1;
        return high >= 0 && high + 1 < text.Length && char.IsSurrogatePair(text[high], text[high + 1])
            && char.ConvertToUtf32(text[high], text[high + 1]) is var codePoint
            && (codePoint is >= 0xE0000 and <= 0xE0FFF || Rune.GetUnicodeCategory(new Rune(codePoint)) == UnicodeCategory.Format);
    }

    /// <summary>The first index at or after <paramref name="index"/> whose character is not ignorable; the text's length if none is.</summary>
    public static int SkipIgnorables(ReadOnlySpan<char> text, int index)
    {
        while (index < text.Length && IsIgnorableAt(text, index))
        {
            index++;
        }

        return index;
    }

    /// <summary>The last index at or before <paramref name="index"/> whose character is not ignorable; -1 if none is.</summary>
    public static int SkipIgnorablesBack(ReadOnlySpan<char> text, int index)
    {
        while (index >= 0 && IsIgnorableAt(text, index))
        {
            index--;
        }

        return index;
    }

    /// <summary>Finds the first whole-word phrase occurrence at or after <paramref name="start"/>; longest phrase wins at one position.</summary>
    public bool TryFind(ReadOnlySpan<char> text, int start, out PhraseHit hit)
    {
        Span<int> longest = stackalloc int[2 * _lexiconCount];
        var starts = new WordStarts(text, start);
        while (starts.Next() is var position and >= 0)
        {
            if (!MayStartPhrase(text, position) || FirstStep(text, position) is not (var first and not None) || LongestPerLexicon(text, position, first, longest) is not (var found and not 0))
            {
                continue;
            }

            // Across lexicons, the longest phrase; at equal length, the one listed first.
            var best = -1;
            var bestEnd = 0;
            for (var lexicon = 0; found != 0; lexicon++, found >>= 1)
            {
                var phrase = longest[2 * lexicon];
                if ((found & 1) != 0 && (best < 0 || _phrases[phrase].Length > _phrases[best].Length || (_phrases[phrase].Length == _phrases[best].Length && phrase < best)))
                {
                    best = phrase;
                    bestEnd = longest[(2 * lexicon) + 1];
                }
            }

            hit = new PhraseHit(best, position, bestEnd - position);
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
        Span<int> longest = stackalloc int[2 * _lexiconCount];
        var starts = new WordStarts(text, 0);
        while (starts.Next() is var position and >= 0)
        {
            if (!MayStartPhrase(text, position) || FirstStep(text, position) is not (var first and not None))
            {
                continue;
            }

            var found = LongestPerLexicon(text, position, first, longest);
            for (var lexicon = 0; found != 0; lexicon++, found >>= 1)
            {
                if ((found & 1) != 0)
                {
                    visitor.Visit(new PhraseHit(longest[2 * lexicon], position, longest[(2 * lexicon) + 1] - position));
                }
            }
        }
    }

    /// <summary>
    /// One walk from the position, whose first character led to <paramref name="node"/>: for each lexicon, its longest
    /// phrase there and where it ends in the text (<paramref name="longest"/>[2 * lexicon] and [2 * lexicon + 1]: the end
    /// is past the phrase's length when ignorable characters or surrogate pairs are inside it); returns the lexicons
    /// found, as bits.
    /// </summary>
    private ulong LongestPerLexicon(ReadOnlySpan<char> text, int position, int node, Span<int> longest)
    {
        var found = 0UL;

        // Where the first character ends: at the second half of a styled letter's surrogate pair.
        var i = EndOfChar(text, position, ReadChar(text, position));

        while (true)
        {
            if ((_shape[node] & EndsHere) != 0)
            {
                found |= EndingAt(text, node, i + 1, longest);
            }

            // The common steps in a loop without calls; the rare ones (a character above ASCII, a node of a few
            // children) one at a time here, where ignorable characters are stepped over, and so is white space after
            // the space of a phrase.
            node = NextEnd(text, ref i, node);
            if (node < 0)
            {
                node = ~node;
                var afterSpace = IsSpace(text[i]);
                while (++i < text.Length && (IsIgnorableAt(text, i) || (afterSpace && IsSpace(text[i]))))
                {
                }

                if (i < text.Length)
                {
                    var c = FoldAt(text, i);
                    i = EndOfChar(text, i, c);
                    node = Step(node, _shape[node], c);
                }
                else
                {
                    node = None;
                }
            }

            if (node == None)
            {
                return found;
            }
        }
    }

    /// <summary>
    /// Walks on from <paramref name="node"/>, reached at <paramref name="i"/>, through ASCII characters and nodes of
    /// one child or a row, to the next node where phrases end, and moves <paramref name="i"/> there. Returns none when
    /// the text stops following the trie first, and the complement of the node it stopped at, with <paramref name="i"/>
    /// there, when the next step is a rare one. The innermost loop of a scan: no call, so everything stays in registers.
    /// White space the trie does not expect there (a tab, a line break, a second space) goes to the rare step, which
    /// reads it as a space, or skips it after one: no phrase has two spaces in a row.
    /// </summary>
    private int NextEnd(ReadOnlySpan<char> text, ref int i, int node)
    {
        var shape = _shape[node];
        for (var next = i + 1; next < text.Length; next++)
        {
            var c = text[next];
            var kind = shape & KindMask;
            if (c >= 128 || kind == Edges)
            {
                i = next - 1;
                return ~node;
            }

            if ((uint)(c - 'A') <= 'Z' - 'A')
            {
                c = (char)(c | 0x20);
            }

            var child = kind == Single
                ? ((char)(shape >>> PayloadShift) == c ? node + 1 : None)
                : kind == Row ? _asciiRows[((shape >>> PayloadShift) << 7) | c] : None;
            if (child == None)
            {
                // White space that is not the one space the trie expects (a tab, a second space) is a rare step.
                if (c <= ' ')
                {
                    i = next - 1;
                    return ~node;
                }

                return None;
            }

            node = child;
            shape = _shape[node];
            if ((shape & EndsHere) != 0)
            {
                i = next;
                return node;
            }
        }

        return None;
    }

    /// <summary>
    /// The lexicons of the phrases that end at the node, just before <paramref name="end"/>, and, unless a prefix, at a
    /// word end; the first listed of each is the longest there.
    /// </summary>
    private ulong EndingAt(ReadOnlySpan<char> text, int node, int end, Span<int> longest)
    {
        var found = 0UL;
        for (var e = _firstEnd[node]; e < _firstEnd[node + 1]; e++)
        {
            var phrase = _phrases[_endPhrases[e]];
            var bit = 1UL << phrase.Lexicon;
            if ((found & bit) == 0 && (phrase.IsPrefix || IsWordEnd(text, end)))
            {
                found |= bit;
                longest[2 * phrase.Lexicon] = _endPhrases[e];
                longest[(2 * phrase.Lexicon) + 1] = end;
            }
        }

        return found;
    }

    /// <summary>
    /// Whether a phrase may start at the position, told from the words there without walking the trie: false only when
    /// the text there is ASCII letters or digits whose first word (or its first <see cref="_firstWordLength"/>
    /// characters) begins no phrase, or begins phrases only as a short word (shorter than <see cref="_shortWordLength"/>,
    /// at most six characters) followed by a space and a letter or digit that none of them has there ("the" begins "the
    /// role" and "the deck", but not "the build").
    /// Most words of a text begin no phrase, and looking one up costs a vector load, a hash or two and a read of a
    /// table of a few KB, where a walk reads a few nodes and the processor mispredicts where it stops. It is exact: a
    /// text that matches a phrase reads those characters as written, unless a character above ASCII (an invisible
    /// character, a styled letter, a letter such as é, a no-break space) or white space other than one space is among
    /// them or just after them, and then the trie decides.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool MayStartPhrase(ReadOnlySpan<char> text, int position)
    {
        if (text.Length - position < FirstWordLanes)
        {
            return true;
        }

        var chars = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text)), (nuint)position);
        var lower = chars | Vector128.Create((ushort)0x20);
        var letterOrDigit = Vector128.LessThan(lower - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26))
            | Vector128.LessThan(chars - Vector128.Create((ushort)'0'), Vector128.Create((ushort)10));
        var run = BitOperations.TrailingZeroCount(~letterOrDigit.ExtractMostSignificantBits());
        if (run == 0 || (run < _firstWordLength && text[position + run] >= 128) || IsFirstWord(lower, Math.Min(run, _firstWordLength)))
        {
            return true;
        }

        if (run >= _shortWordLength)
        {
            return false;
        }

        // A short word (so shorter than _firstWordLength: a character above ASCII after it went to the trie above),
        // followed by an ASCII character that is not a letter or digit: with a space and a letter or digit, the word
        // and those two decide; with a control character (white space such as a tab or a line break among them), or a
        // space and more white space or a character above ASCII, the trie.
        var after = text[position + run];
        if (after != ' ')
        {
            return after < ' ';
        }

        var next = text[position + run + 1];
        return char.IsAsciiLetterOrDigit(next) ? IsFirstWord(lower, run + 2) : next <= ' ' || next >= 128;
    }

    // Whether the hash of the first `length` lanes of `lower` (lower-cased ASCII) is in the table of first words.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsFirstWord(Vector128<ushort> lower, int length)
    {
        var hash = FirstWordHash(lower, length, _firstWordShift);
        return (_firstWords[hash >> 6] & (1UL << (int)(hash & 63))) != 0;
    }

    // The hash of the first `length` characters (at most eight) of `lower`. The text's characters come with 0x20 set
    // (c | 0x20), the phrases' as folded: the two agree on what is hashed, lower-case letters, digits and the space,
    // all of which have that bit already.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong FirstWordHash(Vector128<ushort> lower, int length, int shift)
    {
        var word = (lower & Vector128.LessThan(Vector128.Create((ushort)0, 1, 2, 3, 4, 5, 6, 7), Vector128.Create((ushort)length))).AsUInt64();
        return (((word.GetElement(0) * 0x9E3779B97F4A7C15UL) ^ word.GetElement(1)) * 0xFF51AFD7ED558CCDUL) >> shift;
    }

    /// <summary>
    /// The table <see cref="MayStartPhrase"/> reads, with its shift, the number of characters of a first word it compares
    /// (eight, or fewer when a prefix phrase is one shorter word: "ab*" matches any word that starts "ab") and the
    /// length under which a word is compared with the first letter of the word after it. Each phrase sets one bit:
    /// that of its first word, or, when that is short and followed by a space and an ASCII letter or digit, that of
    /// the word, the space and that character.
    /// </summary>
    private static (ulong[] Table, int Shift, int Length, int ShortLength) FirstWords(List<(string Folded, bool IsPrefix)> phrases)
    {
        static int Run(string folded)
        {
            var run = 0;
            while (run < folded.Length && char.IsAsciiLetterOrDigit(folded[run]))
            {
                run++;
            }

            return run;
        }

        var length = FirstWordLanes;
        foreach (var (folded, isPrefix) in phrases)
        {
            if (isPrefix && Run(folded) is var run && run == folded.Length)
            {
                length = Math.Min(length, run);
            }
        }

        // The word, a space and a character take at most the eight lanes.
        var shortLength = Math.Min(length, FirstWordLanes - 1);

        // About 32 bits a phrase, so that few words that begin no phrase fall on a bit that one sets.
        var bits = (int)Math.Max(1024, BitOperations.RoundUpToPowerOf2((uint)phrases.Count * 32));
        var shift = 64 - BitOperations.Log2((uint)bits);
        var table = new ulong[bits / 64];
        Span<ushort> lanes = stackalloc ushort[FirstWordLanes];
        foreach (var (folded, _) in phrases)
        {
            // A phrase that starts otherwise than with an ASCII letter or digit, or whose first word has a character
            // above ASCII among its first characters, is left to the trie: so is every text that holds it.
            var run = Run(folded);
            if (run == 0 || (run < length && run < folded.Length && folded[run] >= 128))
            {
                continue;
            }

            var key = run < shortLength && run + 1 < folded.Length && folded[run] == ' ' && char.IsAsciiLetterOrDigit(folded[run + 1])
                ? run + 2
                : Math.Min(run, length);
            lanes.Clear();
            for (var i = 0; i < key; i++)
            {
                lanes[i] = folded[i];
            }

            var hash = FirstWordHash(Vector128.Create((ReadOnlySpan<ushort>)lanes), key, shift);
            table[hash >> 6] |= 1UL << (int)(hash & 63);
        }

        return (table, shift, length, shortLength);
    }

    /// <summary>The node a phrase that starts here reaches with its first character; none if no phrase or word starts here.</summary>
    private int FirstStep(ReadOnlySpan<char> text, int position) =>
        Step(Root, _shape[Root], FoldAt(text, position)) is var node and not None && IsWordStart(text, position) ? node : None;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Step(int node, int shape, char c)
    {
        // In order of frequency: most nodes have one child.
        var kind = shape & KindMask;
        if (kind == Single)
        {
            return (char)(shape >>> PayloadShift) == c ? node + 1 : None;
        }

        if (kind == Row && c < 128)
        {
            return _asciiRows[((shape >>> PayloadShift) << 7) | c];
        }

        return kind == 0 ? None : ChildAmongEdges(node, c);
    }

    private int ChildAmongEdges(int node, char c)
    {
        // Sorted: a short list is walked until a character at least as large, a long one searched by halves.
        var first = _firstEdge[node];
        var end = _firstEdge[node + 1];
        if (end - first > 8)
        {
            var index = _edgeChars.AsSpan(first, end - first).BinarySearch(c);
            return index >= 0 ? _edgeTargets[first + index] : None;
        }

        for (var edge = first; edge < end; edge++)
        {
            if (_edgeChars[edge] >= c)
            {
                return _edgeChars[edge] == c ? _edgeTargets[edge] : None;
            }
        }

        return None;
    }

    // Whether a word starts or ends between two characters is told from the nearest characters that are not
    // ignorable, as read (ReadChar: a styled letter such as 𝗯, a surrogate pair, is a letter); text[index] is never
    // ignorable (no phrase starts with one, and a phrase ends at a character it matched). Called at every word that
    // starts like a phrase, so two ASCII characters, the common case, are told apart without a loop, which would keep
    // the check from being inlined, and anything else takes a call.
    private static bool IsWordStart(ReadOnlySpan<char> text, int index)
    {
        if (index == 0)
        {
            return true;
        }

        var before = text[index - 1];
        var at = text[index];
        return (before | at) < 128 ? !char.IsLetterOrDigit(before) || !char.IsLetterOrDigit(at) : IsWordStartSlowly(text, index);
    }

    private static bool IsWordEnd(ReadOnlySpan<char> text, int index)
    {
        if (index >= text.Length)
        {
            return true;
        }

        var after = text[index];
        var last = text[index - 1];
        return (after | last) < 128 ? !char.IsLetterOrDigit(after) || !char.IsLetterOrDigit(last) : IsWordEndSlowly(text, index);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsWordStartSlowly(ReadOnlySpan<char> text, int index)
    {
        var before = SkipIgnorablesBack(text, index - 1);
        return before < 0 || !IsLetterOrDigitEndingAt(text, before) || !IsLetterOrDigitAt(text, index, out _);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsWordEndSlowly(ReadOnlySpan<char> text, int index)
    {
        var after = SkipIgnorables(text, index);
        return after >= text.Length || !IsLetterOrDigitAt(text, after, out _) || !IsLetterOrDigitEndingAt(text, index - 1);
    }

    /// <summary>
    /// Whether the character at the index, as read (<see cref="ReadChar(ReadOnlySpan{char}, ref int)"/>), is a letter or
    /// digit; <paramref name="last"/> is its last index, the second half of a styled letter's surrogate pair.
    /// </summary>
    public static bool IsLetterOrDigitAt(ReadOnlySpan<char> text, int index, out int last)
    {
        last = index;
        return char.IsLetterOrDigit(ReadChar(text, ref last));
    }

    /// <summary>Whether the character that ends at the index, as read (<see cref="ReadCharEndingAt"/>), is a letter or digit.</summary>
    public static bool IsLetterOrDigitEndingAt(ReadOnlySpan<char> text, int index) => char.IsLetterOrDigit(ReadCharEndingAt(text, index));

    /// <summary>
    /// The character at <paramref name="index"/> as a reader sees it, case kept: a letter or digit styled with
    /// Unicode's Mathematical Alphanumeric Symbols (bold 𝐁, sans-serif bold 𝗯, italic 𝑏, script, fraktur, double-struck
    /// 𝟙, monospace 𝚋 ...), which is a surrogate pair whose second half <paramref name="index"/> is moved to, one of the
    /// letterlike symbols that stand in their gaps (ℎ, ℬ, ℂ ...), or a fullwidth form (Ａ, ｂ, ！), is the ASCII
    /// character it styles, as Unicode's compatibility normalization (NFKC) reads it; any other character is itself.
    /// People write bold and italic this way where a text field has no formatting, and a pitch in bold is a pitch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char ReadChar(ReadOnlySpan<char> text, ref int index)
    {
        var c = ReadChar(text, index);
        index = EndOfChar(text, index, c);
        return c;
    }

    // Where the character at the index ends, given what it was read as: a surrogate pair is read as one character only
    // when it is a styled letter or digit, read as ASCII.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EndOfChar(ReadOnlySpan<char> text, int index, char read) =>
        read < 128 && char.IsHighSurrogate(text[index]) ? index + 1 : index;

    /// <summary>
    /// The character at <paramref name="index"/> as a reader sees it (<see cref="ReadChar(ReadOnlySpan{char}, ref int)"/>);
    /// it takes two UTF-16 units exactly when the text holds a high surrogate there and the character read is ASCII.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char ReadChar(ReadOnlySpan<char> text, int index) =>
        text[index] is var c && c < '\u2102' ? c : ReadStyled(text, index);

    /// <summary>
    /// The character that ends at the index, as <see cref="ReadChar(ReadOnlySpan{char}, ref int)"/> reads it: a styled
    /// letter read from the first half of its pair.
    /// </summary>
    public static char ReadCharEndingAt(ReadOnlySpan<char> text, int index)
    {
        var first = index > 0 && char.IsLowSurrogate(text[index]) ? index - 1 : index;
        var c = ReadChar(text, ref first);
        return first == index ? c : text[index];
    }

    private static char ReadStyled(ReadOnlySpan<char> text, int index)
    {
        const int Alphabets = 13; // bold, italic, bold italic, script, bold script, fraktur, double-struck, bold fraktur, and five more
        const int FirstDigit = 0x1D7CE - 0x1D400;
        var c = text[index];
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            return (char)(c - ('\uFF01' - '!'));
        }

        if (c == '\uD835' && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            // U+1D400 to U+1D7FF: the alphabets, 52 letters each, capitals first; Greek; then the digits, 10 each. The
            // places of the letters the BMP had first are unassigned, and read as themselves, as NFKC reads them.
            var offset = text[index + 1] - 0xDC00;
            if (CharUnicodeInfo.GetUnicodeCategory(0x1D400 + offset) == UnicodeCategory.OtherNotAssigned)
            {
                return c;
            }

            if (offset < Alphabets * 52)
            {
                var letter = offset % 52;
                return (char)(letter < 26 ? 'A' + letter : 'a' + (letter - 26));
            }

            if (offset >= FirstDigit)
            {
                return (char)('0' + ((offset - FirstDigit) % 10));
            }

            return c;
        }

        return c switch
        {
            '\u2102' or '\u212D' => 'C',
            '\u210B' or '\u210C' or '\u210D' => 'H',
            '\u2110' or '\u2111' => 'I',
            '\u2112' => 'L',
            '\u2115' => 'N',
            '\u2119' => 'P',
            '\u211A' => 'Q',
            '\u211B' or '\u211C' or '\u211D' => 'R',
            '\u2124' or '\u2128' => 'Z',
            '\u212C' => 'B',
            '\u2130' => 'E',
            '\u2131' => 'F',
            '\u2133' => 'M',
            '\u2145' => 'D',
            '\u2146' => 'd',
            '\u2147' => 'e',
            '\u2148' => 'i',
            '\u2149' => 'j',
            '\u210A' => 'g',
            '\u210E' => 'h',
            '\u2113' => 'l',
            '\u212F' => 'e',
            '\u2134' => 'o',
            _ => c,
        };
    }

    /// <summary>
    /// The character at the index as read (<see cref="ReadChar(ReadOnlySpan{char}, int)"/>), folded as <see cref="Fold"/>
    /// folds it. ASCII and curly apostrophes, the common cases, are folded here; the characters above them take a call.
    /// Reading styled letters inline cost the scan of ASCII text about a sixth (the two builds taking turns in one
    /// process, on the benchmarks' texts); out of line, no measurable time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char FoldAt(ReadOnlySpan<char> text, int index) => text[index] switch
    {
        >= 'A' and <= 'Z' and var c => (char)(c | 0x20),
        >= '\t' and <= '\r' => ' ',
        < (char)128 and var c => c,
        '\u2019' or '\u2018' => '\'',
        _ => FoldAbove(text, index),
    };

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static char FoldAbove(ReadOnlySpan<char> text, int index) => Fold(ReadChar(text, index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char Fold(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c | 0x20),
        >= '\t' and <= '\r' => ' ',
        < (char)128 => c,
        '\u2019' or '\u2018' => '\'',
        _ when char.IsWhiteSpace(c) => ' ',
        _ => char.ToLowerInvariant(c),
    };

    /// <summary>White space of any kind: a space, a tab, a line break, a no-break space.</summary>
    public static bool IsSpace(char c) => c == ' ' || (uint)(c - '\t') <= '\r' - '\t' || (c >= 128 && char.IsWhiteSpace(c));

    private readonly record struct Phrase(string Entry, int Length, bool IsPrefix, int EntryId, int Lexicon);

    /// <summary>
    /// The positions that may start a phrase, in order: every character that is not a space and not an ASCII letter or
    /// digit, and every ASCII letter or digit that does not follow one. Every word start is among them; the caller
    /// checks each. Computed sixteen characters at a time: a block's candidates are one bit each in a mask.
    /// </summary>
    private ref struct WordStarts
    {
        private const int BlockLength = 16;

        private readonly ReadOnlySpan<char> _text;
        private int _block;
        private uint _candidates;
        private uint _endsInLetterOrDigit;

        public WordStarts(ReadOnlySpan<char> text, int start)
        {
            _text = text;
            _block = start;
            _candidates = start < text.Length ? Candidates(text[start..], ref _endsInLetterOrDigit) : 0;
        }

        public int Next()
        {
            while (_candidates == 0)
            {
                _block += BlockLength;
                if (_block >= _text.Length)
                {
                    return -1;
                }

                _candidates = Candidates(_text[_block..], ref _endsInLetterOrDigit);
            }

            var offset = BitOperations.TrailingZeroCount(_candidates);
            _candidates &= _candidates - 1;
            return _block + offset;
        }

        /// <summary>The candidates among the block's first sixteen characters; <paramref name="carry"/> is 1 when the previous block ended in an ASCII letter or digit.</summary>
        private static uint Candidates(ReadOnlySpan<char> text, ref uint carry) => text.Length >= BlockLength
            ? Candidates(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text)), ref carry)
            : LastCandidates(text, ref carry);

        // The last, short block, padded with spaces, which are never candidates.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static uint LastCandidates(ReadOnlySpan<char> text, ref uint carry)
        {
            Span<char> padded = stackalloc char[BlockLength];
            padded.Fill(' ');
            text.CopyTo(padded);
            return Candidates(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(padded)), ref carry);
        }

        private static uint Candidates(ref ushort first, ref uint carry)
        {
            var low = Vector128.LoadUnsafe(ref first);
            var high = Vector128.LoadUnsafe(ref first, (nuint)Vector128<ushort>.Count);

            // Every character above ASCII becomes 0x80: neither a letter, a digit nor a space.
            var ascii = Vector128.Create((ushort)0x80);
            var bytes = Vector128.Narrow(Vector128.Min(low, ascii), Vector128.Min(high, ascii));
            var letter = Vector128.LessThan((bytes | Vector128.Create((byte)0x20)) - Vector128.Create((byte)'a'), Vector128.Create((byte)26));
            var digit = Vector128.LessThan(bytes - Vector128.Create((byte)'0'), Vector128.Create((byte)10));
            var space = Vector128.Equals(bytes, Vector128.Create((byte)' '));
            var letterOrDigit = (letter | digit).ExtractMostSignificantBits();
            var other = ~(letterOrDigit | space.ExtractMostSignificantBits()) & 0xFFFF;
            var follows = (letterOrDigit << 1) | carry;
            carry = letterOrDigit >> (BlockLength - 1);
            return (letterOrDigit & ~follows) | other;
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
