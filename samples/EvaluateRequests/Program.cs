// Evaluates the connection requests in a JSON file (by default the requests.json shipped beside this program)
// with the recommended rules, and prints each verdict with its explanation.
using System.Text.Json;
using System.Text.Json.Serialization;
using ConnectionRules;

var path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "requests.json");
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

ConnectionRequest[] requests;
try
{
    await using var file = File.OpenRead(path);
    requests = await JsonSerializer.DeserializeAsync<ConnectionRequest[]>(file, json) ?? [];
}
catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
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

foreach (var request in requests)
{
    try
    {
        Console.WriteLine(engine.Evaluate(request));
    }
    catch (ArgumentException exception)
    {
        Console.Error.WriteLine($"{path}: request '{request.Id}': {exception.Message}");
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
