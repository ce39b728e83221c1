using System.Globalization;

namespace ConnectionRules;

/// <summary>Small pieces of wording shared by the built-in rules' messages.</summary>
internal static class RuleText
{
    // Diagnostics on the first messages and endorsements, nearly all of them, share their location strings.
    private static readonly string[] MessageLocations = [.. Enumerable.Range(0, 64).Select(i => Location("messages", i))];
    private static readonly string[] EndorsementLocations = [.. Enumerable.Range(0, 16).Select(i => Location("endorsements", i))];

    public static string MessageLocation(int index) =>
        (uint)index < (uint)MessageLocations.Length ? MessageLocations[index] : Location("messages", index);

    public static string EndorsementLocation(int index) =>
        (uint)index < (uint)EndorsementLocations.Length ? EndorsementLocations[index] : Location("endorsements", index);

    private static string Location(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}]");

    /// <summary>The numbers built-in rules count in their messages, boxed once: endorsements, messages, days.</summary>
    private static readonly object[] SmallNumbers = [.. Enumerable.Range(0, 256).Select(i => (object)i)];

    /// <summary>
    /// The texts diagnostics were last made of, one per slot, found again by hash: pieces of messages recur across an
    /// inbox ("We help", "1 h", "no photo, 6 connection(s)"), so a warm engine allocates its diagnostics and nothing else.
    /// Strings are immutable and a reference is written whole, so threads may race on a slot: the loser allocates once more.
    /// </summary>
    private static readonly string?[] SharedTexts = new string?[SharedTextSlots];

    private const int SharedTextSlots = 1024;

    /// <summary>A timestamp as diagnostics write it: invariant, to the second, with its offset; formatted in place when interpolated.</summary>
    public static Stamp Timestamp(DateTimeOffset at) => new(at);

    public static object Number(int value) => (uint)value < (uint)SmallNumbers.Length ? SmallNumbers[value] : value;

    /// <summary>A string equal to <paramref name="text"/>: the one made last time the same text came, or a new one.</summary>
    public static string Shared(ReadOnlySpan<char> text)
    {
        // Longer texts are rare and not worth a slot.
        if (text.Length > SharedTextHandler.Capacity)
        {
            return text.ToString();
        }

        ref var slot = ref SharedTexts[string.GetHashCode(text) & (SharedTextSlots - 1)];
        var cached = slot;
        if (cached is not null && text.SequenceEqual(cached))
        {
            return cached;
        }

        var made = text.ToString();
        slot = made;
        return made;
    }

    /// <summary>The <see cref="Shared(ReadOnlySpan{char})"/> string of an interpolated string, formatted invariantly without allocating.</summary>
    /// <exception cref="InvalidOperationException">The text is longer than <see cref="SharedTextHandler.Capacity"/>.</exception>
    public static string Shared(ref SharedTextHandler text) => text.ToShared();

    public static string Quote(string text, PhraseHit hit) => Shared(text.AsSpan(hit.Index, hit.Length));

    public static string Quote(string text, PitchMatch match)
    {
        var span = match.SpanIn(text);
        return span.IsEmpty ? match.Phrase ?? "" : Shared(span);
    }

    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.FromHours(1))
        {
            return Shared($"{(int)duration.TotalMinutes} min");
        }

        if (duration < TimeSpan.FromDays(1))
        {
            return duration.Minutes == 0
                ? Shared($"{(int)duration.TotalHours} h")
                : Shared($"{(int)duration.TotalHours} h {duration.Minutes} min");
        }

        return duration.Hours == 0
            ? Shared($"{duration.Days} d")
            : Shared($"{duration.Days} d {duration.Hours} h");
    }

    /// <summary>See <see cref="Timestamp(DateTimeOffset)"/>.</summary>
    public readonly struct Stamp(DateTimeOffset at) : ISpanFormattable
    {
        private const string Format = "yyyy-MM-dd HH:mm:ss zzz";

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
            at.TryFormat(destination, out charsWritten, Format, CultureInfo.InvariantCulture);

        public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

        public override string ToString() => at.ToString(Format, CultureInfo.InvariantCulture);
    }
}
