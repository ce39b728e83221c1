using System.Collections.Immutable;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;

namespace ConnectionRules.Benchmarks;

/// <summary>
/// The suite's jobs: six rounds, <c>Round1</c> to <c>Round6</c>, each one launch of 4 warm-up and 6 measured iterations
/// of 250 ms, run round by round. On the shared 2-core virtual machines we measure on, the host slows the same code by
/// up to two times in phases of one second to more than a minute. With one job of six launches, BenchmarkDotNet ran a
/// benchmark's six launches one after the other, then the next benchmark's, so the benchmarks of one comparison (the
/// baseline, the engine and the validator on one shape; the sequential and the parallel batch) were measured in
/// different stretches of time, and a slow phase could fall on one of them alone. Round by round, the benchmarks of a
/// comparison are measured side by side, seconds apart, six times over the class's whole run: a phase longer than a
/// round's few seconds falls on all of them, and a shorter one on one round of each (docs/performance.md shows that
/// the shorter ones still move a round). The mean of a benchmark is the mean of its six rounds, the same six launches as
/// before in a fairer order. The whole suite runs in about half an hour. The default exporters stay on, among them the
/// GitHub Markdown report (<c>BenchmarkDotNet.Artifacts/results/*-report-github.md</c>), with a row per round. A job
/// given on the command line (<c>--job dry</c>, <c>--job short</c>...) replaces the rounds.
/// </summary>
public static class BenchmarkConfig
{
    /// <summary>How many rounds the suite measures every benchmark in.</summary>
    public const int Rounds = 6;

    /// <summary>The suite's jobs, one per round, in the order they run.</summary>
    public static IReadOnlyList<Job> SuiteJobs { get; } = [.. Enumerable.Range(1, Rounds).Select(Round)];

    /// <summary>
    /// The configuration for a run with these command-line arguments: the default one, with the suite's rounds unless
    /// the command line names a job, and a <c>Min</c> column beside the mean: each benchmark's fastest iteration, the
    /// one the host's slow phases touched least. On our machine the ratios of minimums proved no steadier than those of
    /// means (docs/performance.md), so the targets are read from the means and the minimums are a second reading.
    /// </summary>
    public static IConfig For(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var jobOnCommandLine = args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
        var config = DefaultConfig.Instance.AddColumn(StatisticColumn.Min).WithOrderer(new RoundByRound());
        return jobOnCommandLine ? config : config.AddJob([.. SuiteJobs]).AddColumn(RoundsColumn.Mean, RoundsColumn.Ratio);
    }

    /// <summary>The round a job measures, from 1; 0 for a job that is not one of the suite's.</summary>
    public static int RoundOf(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        for (var round = 1; round <= Rounds; round++)
        {
            if (job.Id == SuiteJobs[round - 1].Id)
            {
                return round;
            }
        }

        return 0;
    }

    private static Job Round(int round) => Job.Default
        .WithId($"Round{round}")
        .WithLaunchCount(1)
        .WithWarmupCount(4)
        .WithIterationCount(6)
        .WithIterationTime(TimeInterval.FromMilliseconds(250));

    /// <summary>
    /// Runs every benchmark of a class in round 1, then every one in round 2, and so on (BenchmarkDotNet's own order
    /// within a round); reports them as BenchmarkDotNet does, with a comparison's rounds one under the other.
    /// </summary>
    private sealed class RoundByRound : DefaultOrderer
    {
        public override IEnumerable<BenchmarkCase> GetExecutionOrder(ImmutableArray<BenchmarkCase> benchmarksCase, IEnumerable<BenchmarkLogicalGroupRule>? order = null) =>
            base.GetExecutionOrder(benchmarksCase, order).OrderBy(c => RoundOf(c.Job)); // stable: BenchmarkDotNet's order within a round
    }
}
