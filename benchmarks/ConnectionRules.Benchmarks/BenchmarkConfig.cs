using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace ConnectionRules.Benchmarks;

/// <summary>
/// The suite's job: three launches, each with 4 warm-up and 10 measured iterations of 300 ms. On the shared 2-core
/// virtual machines we measure on, one process can run the same code 30 to 50% slower than the next for its whole
/// life (where its code and data landed, what ran beside it), so a mean over three processes is steadier than any
/// number of iterations in one. The whole suite runs in about twenty minutes. The default exporters stay on, among
/// them the GitHub Markdown report (<c>BenchmarkDotNet.Artifacts/results/*-report-github.md</c>). A job given on the
/// command line (<c>--job dry</c>, <c>--job short</c>...) replaces it.
/// </summary>
public static class BenchmarkConfig
{
    /// <summary>The suite's job.</summary>
    public static Job SuiteJob { get; } = Job.Default
        .WithId("Suite")
        .WithLaunchCount(3)
        .WithWarmupCount(4)
        .WithIterationCount(10)
        .WithIterationTime(TimeInterval.FromMilliseconds(300));

    /// <summary>The configuration for a run with these command-line arguments.</summary>
    public static IConfig For(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var jobOnCommandLine = args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
        return jobOnCommandLine ? DefaultConfig.Instance : DefaultConfig.Instance.AddJob(SuiteJob);
    }
}
