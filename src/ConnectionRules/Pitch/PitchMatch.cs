namespace ConnectionRules;

/// <summary>The answer of an <see cref="IPitchDetector"/>: whether a text is a pitch, and what in it decided so.</summary>
public readonly struct PitchMatch : IEquatable<PitchMatch>
{
    /// <summary>Initializes a match that flags a text as a pitch.</summary>
    /// <param name="phrase">The phrase or signal that decided it, for explanations.</param>
    /// <param name="index">Where the deciding span starts in the text.</param>
    /// <param name="length">The length of the deciding span.</param>
    /// <exception cref="ArgumentException"><paramref name="phrase"/> is null or blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> or <paramref name="length"/> is negative.</exception>
    public PitchMatch(string phrase, int index, int length)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phrase);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        IsPitch = true;
        Phrase = phrase;
        Index = index;
        Length = length;
    }

    /// <summary>Gets the answer for a text that is not a pitch.</summary>
    public static PitchMatch None => default;

    /// <summary>Gets a value indicating whether the text is a pitch.</summary>
    public bool IsPitch { get; }

    /// <summary>Gets the phrase or signal that decided it; <see langword="null"/> when the text is not a pitch.</summary>
    public string? Phrase { get; }

    /// <summary>Gets where the deciding span starts in the text.</summary>
    public int Index { get; }

    /// <summary>Gets the length of the deciding span.</summary>
    public int Length { get; }

    /// <summary>Returns the deciding span of <paramref name="text"/>, or an empty span when this is not a pitch.</summary>
    /// <param name="text">The text this match was detected in.</param>
    /// <returns>The matched span, clamped to the text.</returns>
    public ReadOnlySpan<char> SpanIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!IsPitch || Index >= text.Length)
        {
            return [];
        }

        return text.AsSpan(Index, Math.Min(Length, text.Length - Index));
    }

    /// <inheritdoc />
    public bool Equals(PitchMatch other) =>
        IsPitch == other.IsPitch && string.Equals(Phrase, other.Phrase, StringComparison.Ordinal) && Index == other.Index && Length == other.Length;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PitchMatch other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(IsPitch, Phrase, Index, Length);

    /// <inheritdoc />
    public override string ToString() => IsPitch ? $"pitch \"{Phrase}\" at {Index}..{Index + Length}" : "no pitch";

    /// <summary>Compares two matches for equality.</summary>
    /// <param name="left">The first match.</param>
    /// <param name="right">The second match.</param>
    /// <returns><see langword="true"/> when both are equal.</returns>
    public static bool operator ==(PitchMatch left, PitchMatch right) => left.Equals(right);

    /// <summary>Compares two matches for inequality.</summary>
    /// <param name="left">The first match.</param>
    /// <param name="right">The second match.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(PitchMatch left, PitchMatch right) => !left.Equals(right);
}
