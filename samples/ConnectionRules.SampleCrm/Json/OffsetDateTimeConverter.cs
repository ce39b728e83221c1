using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace ConnectionRules.SampleCrm.Json;

/// <summary>
/// Reads ISO-8601 dates that say their offset (<c>2026-03-15T09:30:00Z</c>, <c>2026-03-15T10:30:00+01:00</c>).
/// A date without one would silently take the server's time zone, so it is refused with an example of the right form,
/// and so is a date without a time.
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
        if (!reader.TryGetDateTimeOffset(out var value))
        {
            throw new JsonException($"\"{text}\" is not an ISO-8601 date and time: write it like 2026-03-15T09:30:00Z or 2026-03-15T10:30:00+01:00.");
        }

        if (!text.Contains('T', StringComparison.Ordinal))
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

    // The forms the reader accepts: Z, +hh:mm, or +hh.
    [GeneratedRegex(@"(Z|[+-][0-9]{2}(:[0-9]{2})?)$", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitOffset();
}
