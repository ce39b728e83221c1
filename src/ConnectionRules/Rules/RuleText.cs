using System.Globalization;

namespace ConnectionRules;

/// <summary>Small pieces of wording shared by the built-in rules' messages.</summary>
internal static class RuleText
{
    private const int SharedTextSlots = 1024;

    /// <summary>The counts built-in rules pass as message arguments, boxed once.</summary>
    private static readonly object[] SmallNumbers = [.. Enumerable.Range(0, 256).Select(i => (object)i)];

    /// <summary>
    /// The texts diagnostics were last made of, found again by hash in a pair of slots: pieces of messages recur across
    /// an inbox ("We help", "1 h", "no photo, 6 connection(s)"), so a warm engine allocates its diagnostics and nothing
    /// else, once its texts are in. Two slots a pair, so that two texts of one evaluation that fall in one pair do not
    /// push each other out on every evaluation. Strings are immutable and a reference is written whole, so threads may
    /// race on a slot: the loser allocates once more.
    /// </summary>
    private static readonly string?[] SharedTexts = new string?[SharedTextSlots];

    // Diagnostics on the first messages and endorsements, nearly all of them, share their location strings.
    private static readonly string[] MessageLocations = [.. Enumerable.Range(0, 64).Select(i => Location("messages", i))];
    private static readonly string[] EndorsementLocations = [.. Enumerable.Range(0, 16).Select(i => Location("endorsements", i))];

    public static string MessageLocation(int index) =>
        (uint)index < (uint)MessageLocations.Length ? MessageLocations[index] : Location("messages", index);

    public static string EndorsementLocation(int index) =>
        (uint)index < (uint)EndorsementLocations.Length ? EndorsementLocations[index] : Location("endorsements", index);

    private static string Location(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}]");

    /// <summary>A timestamp as diagnostics write it: invariant, to the second, with its offset; formatted in place when interpolated.</summary>
    public static Stamp Timestamp(DateTimeOffset at) => new(at);

    /// <summary>A count as a message argument: boxed once when small.</summary>
    public static object Number(int value) => (uint)value < (uint)SmallNumbers.Length ? SmallNumbers[value] : value;

    /// <summary>A string equal to <paramref name="text"/>: the one made last time the same text came, or a new one.</summary>
    public static string Shared(ReadOnlySpan<char> text)
    {
        // Longer texts are rare and not worth a slot.
        if (text.Length > SharedTextHandler.Capacity)
        {
            return text.ToString();
        }

        var hash = Hash(text);
        var pair = PairOf(hash);
        var first = SharedTexts[pair];
        if (first is not null && text.SequenceEqual(first))
        {
            return first;
        }

        var second = SharedTexts[pair + 1];
        if (second is not null && text.SequenceEqual(second))
        {
            return second;
        }

        // An empty slot of the pair, else the one a higher bit of the hash picks.
        var made = text.ToString();
        SharedTexts[first is null ? pair : second is null ? pair + 1 : pair + (int)((hash >> 16) & 1)] = made;
        return made;
    }

    /// <summary>The first of the two slots <paramref name="text"/> may take.</summary>
    public static int SlotPairOf(ReadOnlySpan<char> text) => PairOf(Hash(text));

    private static int PairOf(uint hash) => (int)(hash & (SharedTextSlots - 1)) & ~1;

    /// <summary>FNV-1a: the same slots in every process, so that which texts share them does not change from run to run.</summary>
    private static uint Hash(ReadOnlySpan<char> text)
    {
        var hash = 2166136261;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }

    /// <summary>
    /// The <see cref="Shared(ReadOnlySpan{char})"/> string of an interpolated string, formatted invariantly in the
    /// caller's frame: only a text the table does not hold yet is allocated.
    /// </summary>
    /// <exception cref="InvalidOperationException">The text is longer than <see cref="SharedTextHandler.Capacity"/>.</exception>
    public static string Shared(ref SharedTextHandler text) => text.ToShared();

    /// <summary>The span of <paramref name="text"/> a phrase hit covers.</summary>
    public static string Quote(string text, PhraseHit hit) => Shared(text.AsSpan(hit.Index, hit.Length));

    /// <summary>The span of <paramref name="text"/> a pitch match covers, or the detector's phrase when the span does not fit.</summary>
    public static string Quote(string text, PitchMatch match)
    {
        var span = match.SpanIn(text);
        return span.IsEmpty ? match.Phrase ?? "" : Shared(span);
    }

    /// <summary>A short human duration: "45 min", "3 h 20 min", "2 d 4 h".</summary>
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

        // One format and the invariant culture whatever the caller passes: it is the diagnostics' timestamp.
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
            at.TryFormat(destination, out charsWritten, Format, CultureInfo.InvariantCulture);

        public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

        public override string ToString() => at.ToString(Format, CultureInfo.InvariantCulture);
    }
}
