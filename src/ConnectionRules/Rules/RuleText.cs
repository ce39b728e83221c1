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

    public static string Timestamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    /// <summary>The span of <paramref name="text"/> a phrase hit covers.</summary>
    public static string Quote(string text, PhraseHit hit) => text.Substring(hit.Index, hit.Length);

    /// <summary>The span of <paramref name="text"/> a pitch match covers, or the detector's phrase when the span does not fit.</summary>
    public static string Quote(string text, PitchMatch match)
    {
        var span = match.SpanIn(text);
        return span.IsEmpty ? match.Phrase ?? "" : span.ToString();
    }

    /// <summary>A short human duration: "45 min", "3 h 20 min", "2 d 4 h".</summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.FromHours(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes} min");
        }

        if (duration < TimeSpan.FromDays(1))
        {
            return duration.Minutes == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours} h")
                : string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours} h {duration.Minutes} min");
        }

        return duration.Hours == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{duration.Days} d")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.Days} d {duration.Hours} h");
    }
}
