using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;

namespace ConnectionRules.Benchmarks;

/// <summary>
/// A benchmark over all the suite's rounds (<see cref="BenchmarkConfig.SuiteJobs"/>), on each of its rows: the mean of
/// its rounds' means (<see cref="Mean"/>), or that divided by the same of the class's baseline with the same
/// parameters (<see cref="Ratio"/>). Each round is one launch of the same iterations, so this is the mean of the six
/// launches, which the report's own Mean and Ratio columns give round by round. Empty for a job that is not a round.
/// </summary>
public sealed class RoundsColumn : IColumn
{
    private readonly bool _ratio;

    private RoundsColumn(bool ratio) => _ratio = ratio;

    /// <summary>Gets the column of the mean over the rounds.</summary>
    public static RoundsColumn Mean { get; } = new(ratio: false);

    /// <summary>Gets the column of that mean divided by the baseline's.</summary>
    public static RoundsColumn Ratio { get; } = new(ratio: true);

    /// <inheritdoc/>
    public string Id => ColumnName;

    /// <inheritdoc/>
    public string ColumnName => _ratio ? "Rounds ratio" : "Rounds mean";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => _ratio ? 1 : 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => _ratio ? UnitType.Dimensionless : UnitType.Time;

    /// <inheritdoc/>
    public string Legend => _ratio
        ? "Rounds mean of the benchmark divided by the Rounds mean of the baseline with the same parameters"
        : $"Mean of the benchmark's {BenchmarkConfig.Rounds} rounds' means: the mean of all its launches";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary?.Style!);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        if (MeanOverRounds(summary, benchmarkCase) is not { } mean)
        {
            return "-";
        }

        var culture = style?.CultureInfo ?? CultureInfo.InvariantCulture;
        if (_ratio)
        {
            var baseline = summary.BenchmarksCases.FirstOrDefault(c => c.Descriptor.Baseline && c.Descriptor.Type == benchmarkCase.Descriptor.Type && SameParameters(c, benchmarkCase) && BenchmarkConfig.RoundOf(c.Job) != 0);
            return baseline is not null && MeanOverRounds(summary, baseline) is { } baselineMean and > 0
                ? (mean / baselineMean).ToString("0.00", culture)
                : "-";
        }

        var unit = style?.TimeUnit ?? TimeUnit.GetBestTimeUnit(mean);
        return (mean / unit.BaseUnits).ToString("N3", culture) + (style?.PrintUnitsInContent ?? true ? " " + unit.Abbreviation : string.Empty);
    }

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc/>
    public override string ToString() => ColumnName;

    // The mean over the rounds, in nanoseconds, of the benchmark with this one's method and parameters; null unless
    // every round measured it.
    private static double? MeanOverRounds(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (BenchmarkConfig.RoundOf(benchmarkCase.Job) == 0)
        {
            return null;
        }

        var means = summary.BenchmarksCases
            .Where(c => SameRowAcrossRounds(c, benchmarkCase) && BenchmarkConfig.RoundOf(c.Job) != 0)
            .Select(c => summary[c]?.ResultStatistics?.Mean)
            .ToList();
        return means.Count == BenchmarkConfig.Rounds && means.All(m => m is not null) ? means.Average() : null;
    }

    private static bool SameRowAcrossRounds(BenchmarkCase a, BenchmarkCase b) =>
        a.Descriptor.Type == b.Descriptor.Type && a.Descriptor.WorkloadMethod == b.Descriptor.WorkloadMethod && SameParameters(a, b);

    private static bool SameParameters(BenchmarkCase a, BenchmarkCase b) => a.Parameters.FolderInfo == b.Parameters.FolderInfo;
}
