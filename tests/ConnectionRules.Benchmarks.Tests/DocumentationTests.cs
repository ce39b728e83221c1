using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace ConnectionRules.Benchmarks.Tests;

/// <summary>The benchmarks' README and the performance page describe every benchmark there is.</summary>
public sealed class DocumentationTests
{
    public static TheoryData<string> BenchmarkClasses() => new(
        typeof(EvaluateBenchmarks).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(BenchmarkClasses))]
    public void The_benchmarks_readme_describes_every_benchmark_class(string name) =>
        Assert.Contains($"| `{name}` |", Read("benchmarks", "README.md"), StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(BenchmarkClasses))]
    public void The_performance_page_says_where_to_read_every_benchmark_class(string name) =>
        Assert.Contains(name, Read("docs", "performance.md"), StringComparison.Ordinal);

    [Fact]
    public void The_run_script_runs_the_benchmarks_project_and_copies_the_markdown_reports()
    {
        var script = Read("benchmarks", "run.sh");
        Assert.Contains("--project benchmarks/ConnectionRules.Benchmarks", script, StringComparison.Ordinal);
        Assert.Contains("-report-github.md", script, StringComparison.Ordinal);
        Assert.Contains("benchmarks/results", script, StringComparison.Ordinal);
    }

    private static string Read(params string[] path)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ConnectionRules.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return File.ReadAllText(Path.Combine([directory.FullName, .. path]));
    }
}
