using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConnectionRules.Integration.Tests.Support;
using ConnectionRules.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ConnectionRules.Integration.Tests.SampleCrm;

/// <summary>The sample's README shows real answers: its commands are posted to the service and the answers compared.</summary>
public sealed partial class SampleReadmeTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private static readonly string Readme = File.ReadAllText(Repository.PathOf("samples", "ConnectionRules.SampleCrm", "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static readonly List<(string Language, string Code)> Fences =
        [.. Markdown.Fence().Matches(Readme).Select(f => (Readme[(f.Index + 3)..Readme.IndexOf('\n', f.Index)], f.Groups["code"].Value))];

    [Fact]
    public void The_readme_starts_the_service_with_dotnet_run_on_the_port_the_launch_settings_give()
    {
        var launchSettings = File.ReadAllText(Repository.PathOf("samples", "ConnectionRules.SampleCrm", "Properties", "launchSettings.json"));
        using var settings = JsonDocument.Parse(launchSettings);
        var url = settings.RootElement.GetProperty("profiles").EnumerateObject().Single().Value.GetProperty("applicationUrl").GetString();

        Assert.Equal("dotnet run --project samples/ConnectionRules.SampleCrm", Fences[0].Code.Trim());
        Assert.All(Fences.Where(f => f.Code.Contains("curl", StringComparison.Ordinal)), f => Assert.Contains($"curl -s {(f.Code.Contains("-X POST", StringComparison.Ordinal) ? "-X POST " : "")}{url}/", f.Code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_posted_request_answers_what_the_readme_shows()
    {
        var posts = Fences.Select((fence, index) => (fence, index)).Where(f => f.fence.Code.Contains("-X POST", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, posts.Count);
        foreach (var (fence, index) in posts)
        {
            var body = Body().Match(fence.Code);
            Assert.True(body.Success, $"README block {index} posts no -d '...' body.");
            Assert.Equal("json", Fences[index + 1].Language);

            using var response = await factory.CreateClient().PostJsonAsync(body.Groups["json"].Value);

            var actual = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            var shown = JsonNode.Parse(Fences[index + 1].Code)!;
            Assert.Equal((int?)shown["status"] ?? 200, (int)response.StatusCode);
            Assert.True(JsonNode.DeepEquals(WithoutTraceId(shown), WithoutTraceId(actual)), $"The README shows{Environment.NewLine}{shown}{Environment.NewLine}but the service answers{Environment.NewLine}{actual}");
        }
    }

    [Fact]
    public async Task The_rules_listing_is_what_the_readme_shows()
    {
        var index = Fences.FindIndex(f => f.Code.StartsWith("curl", StringComparison.Ordinal) && f.Code.Contains("/rules", StringComparison.Ordinal));
        var shown = Fences[index + 1].Code.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();

        using var response = await factory.CreateClient().GetAsync("/rules");

        var actual = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(actual.Count, shown.Count);
        Assert.All(shown.Zip(actual), pair => Assert.True(JsonNode.DeepEquals(pair.First, pair.Second), $"README: {pair.First}{Environment.NewLine}service: {pair.Second}"));
    }

    [Fact]
    public void The_configuration_shown_is_the_samples_appsettings()
    {
        var shown = JsonNode.Parse(Fences.First(f => f.Language == "json" && f.Code.Contains("\"ConnectionRules\"", StringComparison.Ordinal)).Code)!;
        var appsettings = JsonNode.Parse(File.ReadAllText(Repository.PathOf("samples", "ConnectionRules.SampleCrm", "appsettings.json")))!;

        Assert.True(JsonNode.DeepEquals(shown["ConnectionRules"], appsettings["ConnectionRules"]), $"README shows {shown["ConnectionRules"]}, appsettings.json has {appsettings["ConnectionRules"]}");
    }

    // The trace id differs on every request; everything else must match.
    private static JsonNode WithoutTraceId(JsonNode node)
    {
        var copy = node.DeepClone();
        if (copy is JsonObject problem)
        {
            problem.Remove("traceId");
        }

        return copy;
    }

    [GeneratedRegex(@"-d '(?<json>[^']*)'")]
    private static partial Regex Body();
}
