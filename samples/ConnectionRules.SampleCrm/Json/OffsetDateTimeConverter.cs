using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace ConnectionRules.SampleCrm.Json;

/// <summary>
/// Reads ISO-8601 dates that say their offset (<c>2026-03-15T09:30:00Z</c>, <c>2026-03-15T10:30:00+01:00</c>).
/// A date without one would silently take the server's time zone, so it is refused with an example of the right form,
/// and so is a date without a time. <c>T</c> and <c>Z</c> may be written in lower case, as RFC 3339 allows.
/// </summary>
internal sealed partial class OffsetDateTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a date as a string, such as \"2026-03-15T09:30:00Z\", but found {JsonToken.Describe(ref reader)}.");
        }

        var text = reader.GetString()!;
        if (!reader.TryGetDateTimeOffset(out var value) && !TryParseUpperCase(text, out value))
        {
            throw new JsonException(IsoShape().IsMatch(text)
                ? $"\"{text}\" is written as an ISO-8601 date and time, but not one this service reads: the day must exist in its month, hours run from 00 to 23 and seconds from 00 to 59, a fraction has at most 7 digits, an offset is at most 14:00, and the instant must fall in the years 0001 to 9999 in UTC."
                : $"\"{text}\" is not an ISO-8601 date and time: write it like 2026-03-15T09:30:00Z or 2026-03-15T10:30:00+01:00.");
        }

        if (!text.Contains('T', StringComparison.OrdinalIgnoreCase))
        {
            // A day is not an instant: which midnight it means depends on a time zone the text does not give.
            throw new JsonException($"\"{text}\" is a date without a time: write the time and its offset too, e.g. \"{text}T00:00:00Z\".");
        }

        if (!ExplicitOffset().IsMatch(text))
        {
            throw new JsonException($"\"{text}\" has no time zone: add Z for UTC or an offset such as +01:00, e.g. \"{text}Z\".");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    // The reader takes T and Z in upper case only; the text holds nothing else a case changes.
    private static bool TryParseUpperCase(string text, out DateTimeOffset value)
    {
        value = default;
        var upper = text.ToUpperInvariant();
        if (upper == text)
        {
            return false;
        }

        var json = System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(upper));
        var reader = new Utf8JsonReader(json);
        return reader.Read() && reader.TryGetDateTimeOffset(out value);
    }

    // A date, a time and an offset, each in ISO-8601's digits, whether or not they name an instant .NET can hold.
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}(:[0-9]{2})?)$", RegexOptions.IgnoreCase)]
    private static partial Regex IsoShape();

    // The forms the reader accepts: Z, +hh:mm, or +hh.
    [GeneratedRegex(@"(Z|[+-][0-9]{2}(:[0-9]{2})?)$", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitOffset();
}
