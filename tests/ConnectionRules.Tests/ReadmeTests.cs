using System.Reflection;
using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests;

/// <summary>The README's promises: its example compiles and runs, its commands are the ones CI runs, the sample prints what it shows.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Repository.PathOf("README.md"));

    [Fact]
    public void The_readme_opens_with_the_main_job_and_the_test_command()
    {
        var firstBlock = Markdown.Fence().Match(Readme).Groups["code"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("dotnet run --project src/ConnectionRules.Cli -- triage ", firstBlock[0], StringComparison.Ordinal);
        Assert.StartsWith("dotnet test ConnectionRules.sln", firstBlock[1], StringComparison.Ordinal);
        Assert.Contains("dotnet test ConnectionRules.sln", File.ReadAllText(Repository.PathOf(".ci", "run")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_getting_started_example_compiles_and_runs()
    {
        var start = Readme.IndexOf("<!-- getting-started", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no getting-started block.");
        var code = Markdown.Fence().Match(Readme, start).Groups["code"].Value;
        Assert.InRange(code.Split('\n').Length, 10, 30);

        var output = Program.Run(Program.Compile(code), []);

        Assert.StartsWith("Request req-1: Review (1 diagnostic)", output, StringComparison.Ordinal);
        Assert.Contains("ACME001 warning: Recruiter note does not name a role", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_prints_an_explanation_per_shipped_request()
    {
        var output = Program.Run(Assembly.Load("EvaluateRequests"), []);
        Snapshot.Verify(output);
        var shown = Markdown.Fence().Match(Readme, Readme.IndexOf("<!-- evaluate-requests output", StringComparison.Ordinal)).Groups["code"].Value;
        Assert.All(shown.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Contains(line, output, StringComparison.Ordinal));
    }

    public static TheoryData<string, string> BadSampleInput => new()
    {
        // requests.json, what the sample writes to standard error after the file's name
        { "[ null ]", "$[0]: null, where a request was expected." },
        { """[ { "id": "a", "sender": { "name": "A" }, "sentAt": "2026-03-10T09:00:00Z", "acceptdAt": "2026-03-11T09:00:00Z" } ]""", "The JSON property 'acceptdAt' could not be mapped" },
        { """[ { "id": "a", "sender": { "name": "A" }, "sentAt": "2026-03-10T09:00:00" } ]""", "$[0].sentAt: \"2026-03-10T09:00:00\" has no offset: write Z or one such as +01:00." },
        { """[ { "id": "a", "sender": { "name": "A" }, "sentAt": "2026-03-10T09:00:00Z", "mutualConnections": "0" } ]""", "Path: $[0].mutualConnections" },
        { """[ { "id": "a", "sender": { "name": "A" }, "sentAt": "2026-03-10T09:00:00Z", "mutualConnections": -1 } ]""", "$[0]: ConnectionRequest.MutualConnections is -1, but a count cannot be negative" },
        { """[ { "id": " ", "sender": { "name": "A" }, "sentAt": "2026-03-10T09:00:00Z" } ]""", "$[0]: ConnectionRequest.Id is required but was null or blank" },
    };

    [Theory]
    [MemberData(nameof(BadSampleInput))]
    public void The_sample_refuses_bad_input_naming_where_it_is_and_exits_2(string json, string message)
    {
        var folder = Directory.CreateTempSubdirectory("evaluate-requests-");
        var file = Path.Combine(folder.FullName, "requests.json");
        File.WriteAllText(file, json);

        var (exitCode, output, errors) = Program.RunToEnd(Assembly.Load("EvaluateRequests"), [file]);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.StartsWith($"{file}: ", errors, StringComparison.Ordinal);
        Assert.Contains(message, errors, StringComparison.Ordinal);
        folder.Delete(recursive: true);
    }
}

/// <summary>Tests that redirect <see cref="Console.Out"/> run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
