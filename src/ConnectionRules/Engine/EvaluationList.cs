using System.Collections;
using System.Diagnostics;

namespace ConnectionRules;

/// <summary>
/// The evaluations of a batch, in the requests' order, held in arrays small enough to stay off the large object heap.
/// One array for a batch of 10,000 would be born in generation 2; once the caller dropped it, it would still hold every
/// diagnostic it refers to alive through the young collections, until the next full one, so that each batch's
/// diagnostics would be copied twice before they could die. The pieces are born young, like the diagnostics, and age
/// with them. It is also a read-only <see cref="ICollection{T}"/>, so that <c>ToArray</c>, <c>ToList</c> and
/// <c>new List&lt;Evaluation&gt;(batch)</c> copy the pieces whole instead of enumerating them one at a time.
/// </summary>
[DebuggerDisplay("Count = {Count}")]
internal sealed class EvaluationList : IReadOnlyList<Evaluation>, ICollection<Evaluation>
{
    // 2,048 evaluations of 24 bytes each are 48 KB, below the large object heap's 85,000 bytes.
    private const int ChunkShift = 11;
    private const int ChunkLength = 1 << ChunkShift;
    private readonly Evaluation[][] _chunks;

    /// <summary>Initializes a list of <paramref name="count"/> default evaluations, to be set by <see cref="Set"/>.</summary>
    public EvaluationList(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
        _chunks = new Evaluation[(int)(((uint)count + ChunkLength - 1) >> ChunkShift)][];
        for (var i = 0; i < _chunks.Length; i++)
        {
            _chunks[i] = new Evaluation[Math.Min(ChunkLength, count - (i << ChunkShift))];
        }
    }

    /// <inheritdoc />
    public int Count { get; }

    /// <inheritdoc />
    public Evaluation this[int index] =>
        (uint)index < (uint)Count
            ? Slot(index)
            : throw new ArgumentOutOfRangeException(nameof(index), index, $"The index is outside the batch of {Count} evaluation(s).");

    /// <summary>Gets the arrays the evaluations are held in, in order.</summary>
    internal IReadOnlyList<Evaluation[]> Chunks => _chunks;

    /// <summary>Stores the evaluation of the request at <paramref name="index"/>.</summary>
    public void Set(int index, Evaluation evaluation) => Slot(index) = evaluation;

    /// <inheritdoc />
    bool ICollection<Evaluation>.IsReadOnly => true;

    /// <inheritdoc />
    public bool Contains(Evaluation item) => _chunks.Any(chunk => Array.IndexOf(chunk, item) >= 0);

    /// <inheritdoc />
    public void CopyTo(Evaluation[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentOutOfRangeException.ThrowIfNegative(arrayIndex);
        if (array.Length - arrayIndex < Count)
        {
            throw new ArgumentException($"The array has room for {array.Length - arrayIndex} evaluation(s) from index {arrayIndex}; the batch holds {Count}.", nameof(array));
        }

        foreach (var chunk in _chunks)
        {
            chunk.CopyTo(array, arrayIndex);
            arrayIndex += chunk.Length;
        }
    }

    /// <inheritdoc />
    void ICollection<Evaluation>.Add(Evaluation item) => throw ReadOnly();

    /// <inheritdoc />
    void ICollection<Evaluation>.Clear() => throw ReadOnly();

    /// <inheritdoc />
    bool ICollection<Evaluation>.Remove(Evaluation item) => throw ReadOnly();

    /// <inheritdoc />
    public IEnumerator<Evaluation> GetEnumerator()
    {
        foreach (var chunk in _chunks)
        {
            foreach (var evaluation in chunk)
            {
                yield return evaluation;
            }
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static NotSupportedException ReadOnly() =>
        new("The evaluations of a batch are read-only: copy them (ToList) to change the list.");

    private ref Evaluation Slot(int index) => ref _chunks[index >> ChunkShift][index & (ChunkLength - 1)];
}
