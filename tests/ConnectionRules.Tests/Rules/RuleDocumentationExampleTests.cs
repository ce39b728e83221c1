using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests.Rules;

/// <summary>Every rule page's example compiles, runs, and produces the diagnostic line the page shows.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class RuleDocumentationExampleTests
{
    // Pages whose example only builds a request are evaluated with the recommended rules, on the clock their text names.
    private const string Evaluate = """

        var exampleEngine = new RuleEngineBuilder().AddRecommendedRules().UseTimeProvider(new ExampleClock()).Build();
        foreach (var diagnostic in exampleEngine.Evaluate(request).Diagnostics)
        {
            Console.WriteLine(diagnostic);
        }

        sealed class ExampleClock : TimeProvider
        {
            public override DateTimeOffset GetUtcNow() => new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);
        }
        """;

    public static TheoryData<string> Ids => new(RecommendedRules.AllDescriptors().Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_example_produces_the_diagnostic_the_page_shows(string id)
    {
        var page = File.ReadAllText(Repository.PathOf("docs", "rules", $"{id}.md"));
        var example = page[page.IndexOf("## Example", StringComparison.Ordinal)..page.IndexOf("## How to configure", StringComparison.Ordinal)];
        var blocks = Markdown.Fence().Matches(example);
        var code = blocks[0].Groups["code"].Value;
        var expected = blocks[^1].Groups["code"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var output = Support.Program.Run(Support.Program.Compile(code.Contains("Console.WriteLine", StringComparison.Ordinal) ? code : code + Evaluate, "global using ConnectionRules;"), []);

        Assert.NotEmpty(expected);
        foreach (var line in expected)
        {
            Assert.True(output.Contains(line, StringComparison.Ordinal), $"docs/rules/{id}.md shows{Environment.NewLine}{line}{Environment.NewLine}but its example printed{Environment.NewLine}{output}");
        }
    }
}
