using System.Globalization;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Environments;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using ConnectionRules.Benchmarks.Shapes;

namespace ConnectionRules.Benchmarks.Tests;

/// <summary>
/// Every benchmark's setup accepts every parameter value, and what it measures answers as expected: CI does not run
/// the benchmarks, so this is where a broken setup shows first.
/// </summary>
public sealed class BenchmarkSetupTests
{
    public static TheoryData<RequestSize, Flagged> Shapes() => EquivalenceTests.Shapes();

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_evaluate_benchmark_sets_up_every_shape_and_its_three_methods_agree(RequestSize size, Flagged flags)
    {
        var benchmark = new EvaluateBenchmarks { Size = size, Flags = flags };
        benchmark.Setup();
        var verdict = benchmark.Engine().Verdict;
        Assert.Equal(verdict, benchmark.HandWritten().Verdict);
        Assert.Equal(verdict, benchmark.FluentValidation());
        Assert.Equal(flags == Flagged.Clean, benchmark.Engine().Diagnostics.Count == 0);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_baseline_allocates_nothing(RequestSize size, Flagged flags)
    {
        var request = RequestShapes.Create(size, flags);
        var baseline = Judges.Create().HandWritten;
        baseline.Evaluate(request);
        var before = GC.GetAllocatedBytesForCurrentThread();
        baseline.Evaluate(request);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData(RequestSize.Small)]
    [InlineData(RequestSize.Typical)]
    [InlineData(RequestSize.Large)]
    public void The_engine_allocates_nothing_for_a_clean_shape(RequestSize size)
    {
        var request = RequestShapes.Create(size, Flagged.Clean);
        var engine = Judges.Create().Engine;
        engine.Evaluate(request);
        var before = GC.GetAllocatedBytesForCurrentThread();
        engine.Evaluate(request);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData(PitchText.Clean)]
    [InlineData(PitchText.Pitch)]
    public void The_pitch_detector_benchmark_sets_up(PitchText text)
    {
        var benchmark = new PitchDetectorBenchmarks { Text = text };
        benchmark.Setup();
        Assert.Equal(benchmark.HandWritten(), benchmark.Detector().IsPitch);
    }

    [Theory]
    [InlineData(150)]
    [InlineData(1_500)]
    [InlineData(15_000)]
    public void The_text_length_benchmark_sets_up(int length)
    {
        var benchmark = new TextLengthBenchmarks { CharactersPerText = length };
        benchmark.Setup();
        Assert.Empty(benchmark.Engine().Diagnostics);
        Assert.Equal(Verdict.Accept, benchmark.HandWritten().Verdict);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(50)]
    [InlineData(500)]
    public void The_message_count_benchmark_sets_up(int messages)
    {
        var benchmark = new MessageCountBenchmarks { Messages = messages };
        benchmark.Setup();
        Assert.Empty(benchmark.Engine().Diagnostics);
        Assert.Equal(Verdict.Accept, benchmark.HandWritten().Verdict);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(100)]
    public void The_rule_count_benchmark_sets_up_and_its_custom_rules_stay_silent(int customRules)
    {
        var benchmark = new RuleCountBenchmarks { CustomRuleCount = customRules };
        benchmark.Setup();
        Assert.Empty(benchmark.Engine().Diagnostics);
    }

    [Fact]
    public void The_custom_rules_fire_on_requests_made_for_them()
    {
        var engine = CustomRules.Add(new RuleEngineBuilder().UseTimeProvider(new FixedTimeProvider(RequestShapes.Now)), 10).Build();
        var fired = RequestShapes.All
            .Select(shape => RequestShapes.Create(shape.Size, shape.Flags))
            .SelectMany(r => engine.Evaluate(r).Diagnostics.Select(d => d.Id))
            .ToHashSet();
        Assert.True(fired.Count >= 3, $"Only {string.Join(", ", fired)} fired: the custom rules should test something real.");
    }

    [Fact]
    public void The_batch_benchmark_sets_up_an_inbox_of_ten_thousand_requests()
    {
        var benchmark = new BatchBenchmarks();
        benchmark.Setup();
        var sequential = benchmark.Sequential();
        Assert.Equal(BatchBenchmarks.Requests, sequential.Count);
        Assert.Equal(sequential, benchmark.Parallel());
        Assert.Contains(sequential, e => e.Diagnostics.Count == 0);
        Assert.Contains(sequential, e => e.Verdict == Verdict.Disconnect);
        Assert.Contains(sequential, e => e.Verdict == Verdict.Decline);
    }

    [Fact]
    public void The_build_benchmark_builds_the_recommended_rules_and_twenty_more()
    {
        var benchmark = new BuildBenchmarks();
        Assert.Equal(12, benchmark.Recommended().Rules.Count);
        Assert.Equal(32, benchmark.RecommendedAnd20Custom().Rules.Count);
    }

    [Fact]
    public void The_suite_rounds_run_unless_the_command_line_names_a_job()
    {
        var rounds = BenchmarkConfig.SuiteJobs.Select(job => job.Id).ToArray();

        Assert.Equal(["Round1", "Round2", "Round3", "Round4", "Round5", "Round6"], rounds);
        Assert.All(BenchmarkConfig.SuiteJobs, job => Assert.Equal(1, job.Run.LaunchCount));
        Assert.Equal(rounds, BenchmarkConfig.For([]).GetJobs().Select(job => job.Id).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(BenchmarkConfig.For(["--filter", "*", "--job", "dry"]).GetJobs(), job => rounds.Contains(job.Id));
    }

    [Fact]
    public void A_class_runs_round_by_round_so_that_the_benchmarks_of_a_comparison_are_measured_side_by_side()
    {
        var cases = BenchmarkConverter.TypeToBenchmarks(typeof(EvaluateBenchmarks), BenchmarkConfig.For([])).BenchmarksCases;
        var order = cases.Select(c => BenchmarkConfig.RoundOf(c.Job)).ToArray();

        // 3 judges on 9 shapes, in every round, round 1 first.
        Assert.Equal(27 * BenchmarkConfig.Rounds, cases.Length);
        Assert.Equal(Enumerable.Range(1, BenchmarkConfig.Rounds).SelectMany(round => Enumerable.Repeat(round, 27)), order);
        Assert.All(cases.Chunk(27), round => Assert.Equal(27, round.Select(c => (c.Descriptor.WorkloadMethod.Name, c.Parameters.FolderInfo)).Distinct().Count()));
    }

    [Theory]
    [InlineData(typeof(BatchBenchmarks), false)]
    [InlineData(typeof(ServerGcBatchBenchmarks), true)]
    public void The_batch_is_measured_with_each_garbage_collector_in_its_own_report(Type benchmarks, bool serverGc)
    {
        var cases = BenchmarkConverter.TypeToBenchmarks(benchmarks, BenchmarkConfig.For([])).BenchmarksCases;

        Assert.Equal(["Parallel", "Sequential"], cases.Select(c => c.Descriptor.WorkloadMethod.Name).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(2 * BenchmarkConfig.Rounds, cases.Length);
        Assert.All(cases, c => Assert.Equal(serverGc, c.Job.ResolveValue(GcMode.ServerCharacteristic, EnvironmentResolver.Instance)));
        Assert.All(cases, c => Assert.False(c.Job.ResolveValue(GcMode.ForceCharacteristic, EnvironmentResolver.Instance)));
        Assert.All(cases, c => Assert.NotEqual(0, BenchmarkConfig.RoundOf(c.Job)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("--job short")]
    public void Every_report_shows_the_fastest_iteration_beside_the_mean(string commandLine)
    {
        var config = BenchmarkConfig.For(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        // The columns added to the default ones; those need no summary to be listed.
        var columns = config.GetColumnProviders().OfType<SimpleColumnProvider>().SelectMany(provider => provider.GetColumns(null!));

        Assert.Contains(columns, column => column.ColumnName == "Min");
    }

    [Fact]
    public void The_reports_of_the_rounds_give_each_benchmark_its_mean_and_ratio_over_all_rounds()
    {
        var columns = BenchmarkConfig.For([]).GetColumnProviders().OfType<SimpleColumnProvider>().SelectMany(provider => provider.GetColumns(null!)).ToArray();

        Assert.Contains(RoundsColumn.Mean, columns);
        Assert.Contains(RoundsColumn.Ratio, columns);
        Assert.DoesNotContain(RoundsColumn.Mean, BenchmarkConfig.For(["--job", "short"]).GetColumnProviders().OfType<SimpleColumnProvider>().SelectMany(provider => provider.GetColumns(null!)));
    }

    [Fact]
    public void The_core_capacity_diagnosis_writes_one_line_per_round()
    {
        using var output = new StringWriter();

        CoreCapacity.Run(output, rounds: 2, requests: 200, millisecondsPerTime: 1);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("200 requests", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), line => Assert.Matches(@"^round \d: one thread [\d.]+ ms \(GC paused [\d.]+ ms\) \| copies at once [\d.]+( and [\d.]+)* ms, capacity [\d.]+×, without allocation [\d.]+× \| EvaluateMany [\d.]+ ms \(GC paused [\d.]+ ms\), [\d.]+×$", line));
    }

    [Fact]
    public void The_host_phases_diagnosis_writes_a_line_per_interval_with_the_three_judges_and_their_ratio()
    {
        using var output = new StringWriter();

        HostPhases.Run(output, seconds: 1, millisecondsPerLine: 100, warmUpMilliseconds: 100);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("The large clean request", lines[0], StringComparison.Ordinal);
        Assert.InRange(lines.Length - 1, 2, 11);
        Assert.All(lines.Skip(1), line =>
        {
            var match = Regex.Match(line, @"^ *[\d.]+ s: hand-written +(?<hw>[\d.]+), engine +(?<engine>[\d.]+), FluentValidation +(?<fv>[\d.]+); (?<ratio>[\d.]+)$");
            Assert.True(match.Success, line);
            double Number(string group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
            Assert.InRange(Number("engine"), 0.1, double.MaxValue);
            // The times are printed to 0.1 μs and the ratio to 0.01, so the two can differ in the second decimal.
            Assert.Equal(Number("fv") / Number("engine"), Number("ratio"), 0.02);
        });
    }

    [Fact]
    public void The_versus_diagnosis_loads_two_builds_side_by_side_and_writes_a_line_per_shape_with_both_ratios()
    {
        using var output = new StringWriter();

        // This build against itself: three copies of the same code, each in its own load context.
        Versus.Run(output, AppContext.BaseDirectory, turns: 1, millisecondsPerTurn: 1);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Microseconds per evaluation, medians of 1 turn(s) of 1 ms", lines[0], StringComparison.Ordinal);
        Assert.Equal(9, lines.Length - 1);
        Assert.All(lines.Skip(1), line => Assert.Matches(@"^(Small|Typical|Large) +(Clean|Half|All) +other +[\d.]+ +this +[\d.]+ +control +[\d.]+ +\| +this ÷ other [\d.]+ +control ÷ other [\d.]+$", line));
    }

    [Fact]
    public void The_versus_diagnosis_says_what_folder_it_needs_when_it_is_given_another()
    {
        var folder = Path.Combine(Path.GetTempPath(), "no-benchmarks-here");

        var error = Assert.Throws<ArgumentException>(() => Versus.Run(TextWriter.Null, folder, turns: 1));

        Assert.Contains($"{folder} holds no ConnectionRules.Benchmarks.dll: give the output folder of benchmarks/ConnectionRules.Benchmarks built from the other commit", error.Message, StringComparison.Ordinal);

        // A file of that name that is no assembly.
        var broken = Directory.CreateTempSubdirectory("versus-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(broken, "ConnectionRules.Benchmarks.dll"), "not an assembly");

            var unreadable = Assert.Throws<ArgumentException>(() => Versus.Run(TextWriter.Null, broken, turns: 1));

            Assert.Contains($"{broken} holds a build of the benchmarks that --versus cannot read (BadImageFormatException", unreadable.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(broken, recursive: true);
        }
    }

    [Fact]
    public void The_cold_caches_diagnosis_writes_a_line_per_shape_with_both_ratios_hot_and_cold()
    {
        using var output = new StringWriter();

        ColdCaches.Run(output, rounds: 1, evaluationsPerRound: 2, bufferBytes: 64 << 10, warmUpMilliseconds: 0);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Microseconds per evaluation, medians of 1 round(s)", lines[0], StringComparison.Ordinal);
        Assert.Equal(9, lines.Length - 1);
        Assert.All(lines.Skip(1), line =>
        {
            var match = Regex.Match(line, @"^(Small|Typical|Large) +(Clean|Half|All) +hot +(?<h>[\d.]+) +(?<e>[\d.]+) +(?<f>[\d.]+) +(?<fe>[\d.]+) +(?<eh>[\d.]+) +\| +cold +(?<ch>[\d.]+) +(?<ce>[\d.]+) +(?<cf>[\d.]+) +(?<cfe>[\d.]+) +(?<ceh>[\d.]+)$");
            Assert.True(match.Success, line);
            double Number(string group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
            RatioOfPrinted(Number("cf"), Number("ce"), Number("cfe"));
            RatioOfPrinted(Number("e"), Number("h"), Number("eh"));
        });

        // The times and the ratio are printed to 0.01, the ratio computed before the times were rounded: it may differ
        // from the printed times' ratio by the rounding of each time, scaled by the ratio, and by its own rounding.
        static void RatioOfPrinted(double numerator, double denominator, double ratio) =>
            Assert.Equal(numerator / denominator, ratio, 0.005 + (ratio * ((0.005 / numerator) + (0.005 / denominator))) + 1e-9);
    }
}
