using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace ConnectionRules.Benchmarks;

/// <summary>
/// The suite's job: one launch, 6 warm-up and 30 measured iterations of 300 ms each, so that the whole suite runs in
/// about ten minutes on two cores with errors of a few percent. The default exporters stay on, among them the GitHub
/// Markdown report (<c>BenchmarkDotNet.Artifacts/results/*-report-github.md</c>). A job given on the command line
/// (<c>--job dry</c>, <c>--job short</c>...) replaces it.
/// </summary>
public static class BenchmarkConfig
{
    /// <summary>The suite's job.</summary>
    public static Job SuiteJob { get; } = Job.Default
        .WithId("Suite")
        .WithLaunchCount(1)
        .WithWarmupCount(6)
        .WithIterationCount(30)
        .WithIterationTime(TimeInterval.FromMilliseconds(300));

    /// <summary>The configuration for a run with these command-line arguments.</summary>
    public static IConfig For(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var jobOnCommandLine = args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
        return jobOnCommandLine ? DefaultConfig.Instance : DefaultConfig.Instance.AddJob(SuiteJob);
    }
}
