using System.Numerics;

namespace ConnectionRules.Benchmarks.HandWritten;

/// <summary>
/// The hand-written pitch score over the detector's public lexicon: each different entry found scores once, strong 2,
/// weak 1, counter -2; a score of <see cref="DefaultPitchDetector.Threshold"/> or more with a strong or weak entry is a
/// pitch, and the first entry of the highest positive score is what decided it.
/// </summary>
public sealed class PitchScorer
{
    private const int StrongScore = 2;
    private const int WeakScore = 1;
    private const int CounterScore = -2;

    private readonly Lexicon _lexicon;
    private readonly int[] _scoreOfEntry;
    private readonly int _seenWords;

    /// <summary>Builds a scorer from the three phrase lists.</summary>
    public PitchScorer(IReadOnlyList<string> strong, IReadOnlyList<string> weak, IReadOnlyList<string> counter)
    {
        ArgumentNullException.ThrowIfNull(strong);
        ArgumentNullException.ThrowIfNull(weak);
        ArgumentNullException.ThrowIfNull(counter);
        _lexicon = new Lexicon([.. strong, .. weak, .. counter]);
        _scoreOfEntry =
        [
            .. Enumerable.Repeat(StrongScore, strong.Count),
            .. Enumerable.Repeat(WeakScore, weak.Count),
            .. Enumerable.Repeat(CounterScore, counter.Count),
        ];
        _seenWords = (_scoreOfEntry.Length + 63) / 64;
    }

    /// <summary>Gets the scorer over <see cref="DefaultPitchDetector"/>'s built-in lexicon.</summary>
    public static PitchScorer BuiltIn { get; } = new(
        DefaultPitchDetector.BuiltInStrongPhrases, DefaultPitchDetector.BuiltInWeakPhrases, DefaultPitchDetector.BuiltInCounterPhrases);

    /// <summary>Returns whether <paramref name="text"/> is a pitch.</summary>
    public bool IsPitch(ReadOnlySpan<char> text) => Score(text).IsPitch;

    /// <summary>Scores <paramref name="text"/> in one pass.</summary>
    public PitchScore Score(ReadOnlySpan<char> text)
    {
        // One bit per entry, so each different entry scores once however many the text holds.
        Span<ulong> seen = stackalloc ulong[_seenWords];
        seen.Clear();
        var score = 0;
        LexiconHit decisive = default;
        var decisiveScore = 0;
        var position = 0;
        while (_lexicon.TryFind(text, position, out var hit))
        {
            position = hit.Index + 1;
            ref var word = ref seen[hit.Entry >> 6];
            var bit = 1UL << (hit.Entry & 63);
            if ((word & bit) != 0)
            {
                continue;
            }

            word |= bit;
            var entryScore = _scoreOfEntry[hit.Entry];
            score += entryScore;
            if (entryScore > decisiveScore)
            {
                decisive = hit;
                decisiveScore = entryScore;
            }
        }

        return new PitchScore(score, score >= DefaultPitchDetector.Threshold && decisiveScore > 0, decisive.Index, decisive.Length, BitCount(seen));
    }

    private static int BitCount(ReadOnlySpan<ulong> bits)
    {
        var count = 0;
        foreach (var word in bits)
        {
            count += BitOperations.PopCount(word);
        }

        return count;
    }
}

/// <summary>What <see cref="PitchScorer.Score"/> found.</summary>
/// <param name="Score">The sum of the scores of the different entries found.</param>
/// <param name="IsPitch">Whether the text is a pitch.</param>
/// <param name="Index">Where the deciding entry starts, when a pitch.</param>
/// <param name="Length">How long the deciding entry is, when a pitch.</param>
/// <param name="Entries">How many different entries were found.</param>
public readonly record struct PitchScore(int Score, bool IsPitch, int Index, int Length, int Entries);
