using System.Globalization;
using System.Runtime.CompilerServices;

namespace ConnectionRules;

/// <summary>
/// Formats an interpolated string, invariantly, into a buffer that lives in the caller's frame, for
/// <see cref="RuleText.Shared(ref SharedTextHandler)"/>: the text is made into a string only when the table of shared
/// texts does not hold it. A field of the handler rather than <c>stackalloc</c>: a method that loops and uses
/// <c>stackalloc</c> loses on-stack replacement, and with it the profile-guided code the rest of its loop would get.
/// </summary>
[InterpolatedStringHandler]
internal ref struct SharedTextHandler
{
    /// <summary>The longest text: longer than any built-in rule's (two timestamps and some words come to about 100).</summary>
    public const int Capacity = 128;

    private Buffer _buffer;
    private int _length;
    private bool _overflowed;

    /// <summary>Called by the compiler for each interpolated string.</summary>
    /// <param name="literalLength">The number of literal characters.</param>
    /// <param name="formattedCount">The number of holes.</param>
    public SharedTextHandler(int literalLength, int formattedCount)
    {
        _ = formattedCount;
        _overflowed = literalLength > Capacity;
    }

    /// <summary>The text written, as <see cref="RuleText.Shared(ReadOnlySpan{char})"/> gives it.</summary>
    /// <returns>The string.</returns>
    /// <exception cref="InvalidOperationException">The text did not fit in <see cref="Capacity"/> characters.</exception>
    public readonly string ToShared() => _overflowed
        ? throw new InvalidOperationException($"A diagnostic's text is longer than {Capacity} characters, the most {nameof(SharedTextHandler)} holds.")
        : RuleText.Shared(((ReadOnlySpan<char>)_buffer)[.._length]);

    /// <summary>Appends a literal part.</summary>
    /// <param name="value">The literal.</param>
    public void AppendLiteral(string value) => AppendFormatted(value);

    /// <summary>Appends a string hole.</summary>
    /// <param name="value">The string; null appends nothing.</param>
    public void AppendFormatted(string? value)
    {
        Span<char> rest = _buffer;
        if (value.AsSpan().TryCopyTo(rest[_length..]))
        {
            _length += value?.Length ?? 0;
        }
        else
        {
            _overflowed = true;
        }
    }

    /// <summary>Appends a number, timestamp or other formattable hole, in the invariant culture.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    public void AppendFormatted<T>(T value)
        where T : ISpanFormattable
    {
        Span<char> rest = _buffer;
        if (value.TryFormat(rest[_length..], out var written, default, CultureInfo.InvariantCulture))
        {
            _length += written;
        }
        else
        {
            _overflowed = true;
        }
    }

    [InlineArray(Capacity)]
    private struct Buffer
    {
        private char _first;
    }
}
