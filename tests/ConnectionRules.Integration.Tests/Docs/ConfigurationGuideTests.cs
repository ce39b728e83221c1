using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ConnectionRules.Integration.Tests.Support;
using ConnectionRules.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectionRules.Integration.Tests.Docs;

/// <summary>docs/configuration.md's tables, JSON and error text say what the Extensions package does.</summary>
public sealed partial class ConfigurationGuideTests
{
    private static readonly string Guide = File.ReadAllText(Repository.PathOf("docs", "configuration.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    public static TheoryData<string, int> JsonExamples()
    {
        var data = new TheoryData<string, int>();
        foreach (var guide in new[] { "docs/configuration.md", "docs/getting-started.md" })
        {
            var text = File.ReadAllText(Repository.PathOf(guide.Split('/')));
            foreach (Match fence in Markdown.Fence().Matches(text))
            {
                if (text.AsSpan(fence.Index).StartsWith("```json", StringComparison.Ordinal))
                {
                    data.Add(guide, text.AsSpan(0, fence.Index).Count('\n') + 1);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(JsonExamples))]
    public void Every_json_example_builds_an_engine(string guide, int line)
    {
        var text = File.ReadAllText(Repository.PathOf(guide.Split('/')));
        var json = Markdown.Fence().Matches(text).Single(f => text.AsSpan(0, f.Index).Count('\n') + 1 == line).Groups["code"].Value;

        var engine = Engine(json);

        Assert.NotEmpty(engine.Rules);
    }

    public static TheoryData<string, string> OnRule() => SeverityWords(column: 1);

    public static TheoryData<string, string> OnCategory() => SeverityWords(column: 2);

    [Theory]
    [MemberData(nameof(OnRule))]
    public void Each_severity_word_does_what_the_table_says_on_a_rule(string word, string effect)
    {
        // CR3003 is Info by default; the code sets it to Error first, so that "default" has something to undo.
        foreach (var spelling in new[] { word, word.ToUpperInvariant() })
        {
            var engine = Engine($$"""{ "ConnectionRules": { "Rules": { "CR3003": "{{spelling}}" } } }""", rules => rules.SetSeverity("CR3003", Severity.Error));

            if (effect.StartsWith("off", StringComparison.Ordinal))
            {
                Assert.DoesNotContain(engine.Rules, r => r.Id == "CR3003");
            }
            else if (SeverityName().Match(effect) is { Success: true } severity)
            {
                Assert.Equal(Enum.Parse<Severity>(severity.Groups[1].Value), engine.GetSeverity("CR3003"));
            }
            else
            {
                Assert.StartsWith("the descriptor's default severity", effect, StringComparison.Ordinal);
                Assert.Equal(Severity.Info, engine.GetSeverity("CR3003"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(OnCategory))]
    public void Each_severity_word_does_what_the_table_says_on_a_category(string word, string effect)
    {
        // The code sets Authenticity to Error; CR3001 keeps a rule-level Warning from the code, which no category word overrides.
        foreach (var spelling in new[] { word, word.ToUpperInvariant() })
        {
            var engine = Engine(
                $$"""{ "ConnectionRules": { "Categories": { "Authenticity": "{{spelling}}" } } }""",
                rules => rules.SetCategorySeverity("Authenticity", Severity.Error).SetSeverity("CR3001", Severity.Warning));

            Assert.Equal(Severity.Warning, engine.GetSeverity("CR3001"));
            if (effect.StartsWith("off", StringComparison.Ordinal))
            {
                Assert.DoesNotContain(engine.Rules, r => r.Id is "CR3002" or "CR3003");
            }
            else if (SeverityName().Match(effect) is { Success: true } severity)
            {
                var expected = Enum.Parse<Severity>(severity.Groups[1].Value);
                Assert.Equal([expected, expected], [engine.GetSeverity("CR3002"), engine.GetSeverity("CR3003")]);
            }
            else
            {
                Assert.StartsWith("undoes a category setting made in code", effect, StringComparison.Ordinal);
                Assert.Equal([Severity.Warning, Severity.Info], [engine.GetSeverity("CR3002"), engine.GetSeverity("CR3003")]);
            }
        }
    }

    [Fact]
    public void The_severity_table_covers_every_word_of_the_spec()
    {
        var words = OnRule().Select(row => (string)row[0]).ToHashSet();

        Assert.Superset(new HashSet<string> { "none", "silent", "suggestion", "warning", "error", "default", "hidden", "info" }, words);
    }

    [Fact]
    public void The_options_table_gives_every_option_with_its_default()
    {
        var rows = TableRows("## Keys").ToDictionary(row => row[0].Trim('`'), row => row);
        var defaults = new RuleEngineOptions();
        var options = typeof(RuleEngineOptions).GetProperties().Where(p => p.SetMethod?.IsPublic == true).ToList();

        Assert.NotEmpty(options);
        foreach (var option in options)
        {
            Assert.True(rows.TryGetValue(option.Name, out var row), $"docs/configuration.md has no row for {option.Name}.");
            var value = option.GetValue(defaults) switch
            {
                TimeSpan duration => duration.ToString("c", CultureInfo.InvariantCulture),
                var other => Convert.ToString(other, CultureInfo.InvariantCulture),
            };
            Assert.StartsWith($"`{value}`", row[2], StringComparison.Ordinal);

            // The key sets the option: one more than the default comes through to the engine's options.
            var changed = option.GetValue(defaults) switch
            {
                TimeSpan duration => (duration + TimeSpan.FromHours(1)).ToString("c", CultureInfo.InvariantCulture),
                var other => Convert.ToString((int)other! + 1, CultureInfo.InvariantCulture),
            };
            var section = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionRules:{option.Name}"] = changed })
                .Build()
                .GetSection("ConnectionRules");
            var engine = new RuleEngineBuilder().AddRecommendedRules().ApplyConfiguration(section).Build();
            Assert.Equal(changed, option.GetValue(engine.Options) switch
            {
                TimeSpan duration => duration.ToString("c", CultureInfo.InvariantCulture),
                var other => Convert.ToString(other, CultureInfo.InvariantCulture),
            });
        }
    }

    [Fact]
    public void The_start_up_error_is_the_one_the_sample_throws()
    {
        // The guide starts the sample with environment variables (ConnectionRules__PitchWindow=48 ...); the same keys,
        // given to the sample as configuration, must stop it with the exception text the guide shows.
        var section = Guide[Guide.IndexOf("## Start-up errors", StringComparison.Ordinal)..];
        var fences = Markdown.Fence().Matches(section);
        var command = fences[0].Groups["code"].Value;
        var shown = fences[1].Groups["code"].Value.TrimEnd();
        var settings = EnvironmentVariable().Matches(command).ToDictionary(m => m.Groups["name"].Value.Replace("__", ":", StringComparison.Ordinal), m => (string?)m.Groups["value"].Value);
        Assert.Equal(2, settings.Count);
        Assert.Contains("dotnet run --project samples/ConnectionRules.SampleCrm", command, StringComparison.Ordinal);

        var exception = StartupFailure.Of<RuleEngineBuildException>(() => new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
            host.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings))));

        var unhandled = $"Unhandled exception. {exception.GetType().FullName}: {exception.Message}".Replace(Environment.NewLine, "\n", StringComparison.Ordinal);
        Assert.Equal(shown, unhandled);
    }

    public static TheoryData<string, string> Problems => new()
    {
        // The table's first column, and a section that has that problem.
        { "unknown key", """{ "ConnectionRules": { "PichWindow": "1.00:00:00" } }""" },
        { "the whole configuration passed instead of its section", """{ "ConnectionRules": { "ConnectionRules": { } } }""" },
        { "unknown rule id", """{ "ConnectionRules": { "Rules": { "CR101": "error" } } }""" },
        { "unknown category", """{ "ConnectionRules": { "Categories": { "Conduk": "error" } } }""" },
        { "not a severity word", """{ "ConnectionRules": { "Rules": { "CR1001": "loud" } } }""" },
        { "`Rules` or `Categories` with a value instead of entries", """{ "ConnectionRules": { "Rules": "error" } }""" },
        { "`Rules` or `Categories` written as a list", """{ "ConnectionRules": { "Rules": [ "CR1001" ] } }""" },
        { "the section a value, not settings", """{ "ConnectionRules": "abc" }""" },
        { "not a duration, or negative", """{ "ConnectionRules": { "PitchWindow": "-01:00:00" } }""" },
        { "not a duration, or negative", """{ "ConnectionRules": { "PitchWindow": "72:00:00" } }""" },
        { "not a duration, or negative", """{ "ConnectionRules": { "YoungAccountAge": "30 days" } }""" },
        { "not a whole number, too small or too large", """{ "ConnectionRules": { "UnansweredMessageCount": 1 } }""" },
        { "not a whole number, too small or too large", """{ "ConnectionRules": { "RepeatedMessageCount": 33 } }""" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Each_problem_reads_as_the_table_shows(string problem, string json)
    {
        var row = TableRows("## Start-up errors").Single(r => r[0] == problem);
        var fragments = Regex.Matches(row[1], "`([^`]+)`").Select(m => m.Groups[1].Value).ToList();

        var exception = Assert.Throws<RuleEngineBuildException>(() => Engine(json));

        // Each quoted message in the cell is one of the alternatives; "..." stands for text the table leaves out.
        var message = Assert.Single(exception.Errors);
        Assert.Contains(fragments, fragment => fragment.Split("...").All(part => message.Contains(part.Trim(), StringComparison.Ordinal)));
    }

    [Fact]
    public void A_rules_key_with_an_empty_value_and_entries_is_read_as_the_section_it_is()
    {
        // What WebApplicationFactory.UseSetting("ConnectionRules:Rules:CR2001", ...) and command-line arguments hand a
        // minimal-hosting app: an empty value on each parent of a nested key.
        var section = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionRules:Rules"] = "", ["ConnectionRules:Rules:CR2001"] = "none" })
            .Build()
            .GetSection("ConnectionRules");

        var engine = new RuleEngineBuilder().AddRecommendedRules().ApplyConfiguration(section).Build();

        Assert.DoesNotContain(engine.Rules, rule => rule.Id == "CR2001");
    }

    private static IRuleEngine Engine(string json, Action<RuleEngineBuilder>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        var rules = configure is null
            ? services.AddConnectionRules(configuration.GetSection("ConnectionRules"))
            : services.AddConnectionRules(configuration.GetSection("ConnectionRules"), configure);
        using var provider = rules.Services.BuildServiceProvider();
        return provider.GetRequiredService<IRuleEngine>();
    }

    private static TheoryData<string, string> SeverityWords(int column)
    {
        var data = new TheoryData<string, string>();
        foreach (var row in TableRows("## Severity words"))
        {
            foreach (Match word in Regex.Matches(row[0], "`([a-z]+)`"))
            {
                data.Add(word.Groups[1].Value, row[column]);
            }
        }

        return data;
    }

    private static IEnumerable<string[]> TableRows(string heading)
    {
        var start = Guide.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/configuration.md has no heading '{heading}'.");
        var end = Guide.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return Guide[start..(end < 0 ? Guide.Length : end)].Split('\n')
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| Word", StringComparison.Ordinal) && !line.StartsWith("| Key", StringComparison.Ordinal) && !line.StartsWith("| Problem", StringComparison.Ordinal))
            .Select(line => line.Trim('|').Split(" | ").Select(cell => cell.Trim()).ToArray());
    }

    [GeneratedRegex(@"`Severity\.([A-Za-z]+)`")]
    private static partial Regex SeverityName();

    [GeneratedRegex(@"(?<name>ConnectionRules__[A-Za-z0-9_]+)=(?<value>\S+)")]
    private static partial Regex EnvironmentVariable();
}
