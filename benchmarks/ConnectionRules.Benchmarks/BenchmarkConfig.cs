using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace ConnectionRules.Benchmarks;

/// <summary>
/// The suite's job: six launches, each with 4 warm-up and 6 measured iterations of 250 ms. On the shared 2-core virtual
/// machines we measure on, the host slows the same code by up to two times in phases of one second to more than a
/// minute, and the benchmarks of one comparison run one after the other, so each is measured in whatever phases its
/// launches fall into. Six short launches spread each mean over more phases than three long ones, for half as much time
/// again, and over more than any number of iterations in one process. The whole suite runs in about half an hour. The
/// default exporters stay on, among them the GitHub Markdown report
/// (<c>BenchmarkDotNet.Artifacts/results/*-report-github.md</c>). A job given on the command line (<c>--job dry</c>,
/// <c>--job short</c>...) replaces it.
/// </summary>
public static class BenchmarkConfig
{
    /// <summary>The suite's job.</summary>
    public static Job SuiteJob { get; } = Job.Default
        .WithId("Suite")
        .WithLaunchCount(6)
        .WithWarmupCount(4)
        .WithIterationCount(6)
        .WithIterationTime(TimeInterval.FromMilliseconds(250));

    /// <summary>
    /// The configuration for a run with these command-line arguments: the default one, with the suite's job unless the
    /// command line names one, and a <c>Min</c> column beside the mean: each benchmark's fastest iteration, the one the
    /// host's slow phases touched least. On our machine the ratios of minimums proved no steadier than those of means
    /// (docs/performance.md), so the targets are read from the means and the minimums are a second reading.
    /// </summary>
    public static IConfig For(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var jobOnCommandLine = args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
        var config = DefaultConfig.Instance.AddColumn(StatisticColumn.Min);
        return jobOnCommandLine ? config : config.AddJob(SuiteJob);
    }
}
