using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ConnectionRules;

/// <summary>
/// The engine's instruments, on the <see cref="Meter"/> named <see cref="MeterName"/>: listen with a
/// <see cref="MeterListener"/>, <c>dotnet-counters</c> or OpenTelemetry's <c>AddMeter("ConnectionRules")</c>.
/// Nothing is measured, and nothing allocated, while nobody listens.
/// </summary>
public static class RuleEngineMetrics
{
    /// <summary>The name of the engine's meter.</summary>
    public const string MeterName = "ConnectionRules";

    /// <summary>Counter of evaluated requests (unit <c>{evaluation}</c>), tagged <see cref="VerdictTag"/>.</summary>
    public const string EvaluationsInstrument = "connection_rules.evaluations";

    /// <summary>Counter of rules that threw and were reported as CR0001 (unit <c>{failure}</c>), tagged <see cref="RuleIdTag"/>.</summary>
    public const string RuleFailuresInstrument = "connection_rules.rule.failures";

    /// <summary>Histogram of how long one evaluation took, in seconds (unit <c>s</c>), tagged <see cref="VerdictTag"/>.</summary>
    public const string DurationInstrument = "connection_rules.evaluation.duration";

    /// <summary>The tag holding the verdict in lower case: <c>accept</c>, <c>review</c>, <c>decline</c> or <c>disconnect</c>.</summary>
    public const string VerdictTag = "connection_rules.verdict";

    /// <summary>The tag holding the id of the rule that threw.</summary>
    public const string RuleIdTag = "connection_rules.rule.id";

    private static readonly Meter Meter = new(MeterName, typeof(RuleEngineMetrics).Assembly.GetName().Version?.ToString());

    private static readonly Counter<long> Evaluations = Meter.CreateCounter<long>(EvaluationsInstrument, "{evaluation}", "Connection requests evaluated, by verdict.");

    private static readonly Counter<long> RuleFailures = Meter.CreateCounter<long>(RuleFailuresInstrument, "{failure}", "Rules that threw during an evaluation (CR0001), by rule id.");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(DurationInstrument, "s", "How long evaluating one connection request took.");

    private static readonly string[] VerdictNames = ["accept", "review", "decline", "disconnect"];

    /// <summary>A start timestamp when someone listens to the duration, else 0, so the clock is not read for nobody.</summary>
    internal static long StartTimestamp() => Duration.Enabled ? Stopwatch.GetTimestamp() : 0;

    internal static void RecordEvaluation(Verdict verdict, long startTimestamp)
    {
        if (!Evaluations.Enabled && startTimestamp == 0)
        {
            return;
        }

        var tag = new KeyValuePair<string, object?>(VerdictTag, (uint)verdict < (uint)VerdictNames.Length ? VerdictNames[(int)verdict] : "other");
        Evaluations.Add(1, tag);
        if (startTimestamp != 0)
        {
            Duration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tag);
        }
    }

    internal static void RecordRuleFailure(string ruleId) =>
        RuleFailures.Add(1, new KeyValuePair<string, object?>(RuleIdTag, ruleId));
}
