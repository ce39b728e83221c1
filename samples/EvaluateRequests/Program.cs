// Evaluates the connection requests in a JSON file (by default the requests.json shipped beside this program)
// with the recommended rules, and prints each verdict with its explanation.
using System.Text.Json;
using System.Text.Json.Serialization;
using ConnectionRules;

var path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "requests.json");

// Strict, as an import should be: a misspelt member, a number in quotes or a date without its offset is an error
// naming where it is, never a guess (a misspelt "acceptedAt" would judge an accepted connection as pending).
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web)
{
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict,
    RespectNullableAnnotations = true,
    Converters = { new JsonStringEnumConverter(allowIntegerValues: false), new DateWithOffset() },
};

ConnectionRequest?[] requests;
try
{
    await using var file = File.OpenRead(path);
    requests = await JsonSerializer.DeserializeAsync<ConnectionRequest?[]>(file, json) ?? [];
}
catch (JsonException exception)
{
    // The serializer's own messages end with the path; ours (DateWithOffset) leave it in Path.
    var at = exception.Path is { } member && !exception.Message.Contains("Path:", StringComparison.Ordinal) ? $"{member}: " : "";
    Console.Error.WriteLine($"{path}: {at}{exception.Message}");
    return 2;
}
catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"{path}: {exception.Message}");
    return 2;
}

// The sample data is dated: judge it as of the day it describes, so the output never changes.
var asOf = new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);
var engine = new RuleEngineBuilder()
    .AddRecommendedRules()
    .UseTimeProvider(new FixedClock(asOf))
    .Build();

for (var i = 0; i < requests.Length; i++)
{
    if (requests[i] is not { } request)
    {
        Console.Error.WriteLine($"{path}: $[{i}]: null, where a request was expected.");
        return 2;
    }

    try
    {
        Console.WriteLine(engine.Evaluate(request));
    }
    catch (ArgumentException exception)
    {
        // A blank id, a null in a list, a negative count: the engine's message names the member.
        Console.Error.WriteLine($"{path}: $[{i}]: {exception.Message}");
        return 2;
    }

    Console.WriteLine();
}

return 0;

/// <summary>A clock stopped at one instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}

/// <summary>An ISO-8601 date and time with <c>Z</c> or an offset: one without would be read in this machine's time zone.</summary>
internal sealed class DateWithOffset : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value) || !reader.TryGetDateTime(out var local))
        {
            throw new JsonException("Expected an ISO-8601 date and time such as \"2026-03-18T09:12:00Z\".");
        }

        return local.Kind != DateTimeKind.Unspecified
            ? value
            : throw new JsonException($"\"{reader.GetString()}\" has no offset: write Z or one such as +01:00.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
