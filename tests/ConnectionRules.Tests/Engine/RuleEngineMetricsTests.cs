using System.Diagnostics.Metrics;
using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests.Engine;

/// <summary>The engine's meter, read the way an operator's collector reads it: through a <see cref="MeterListener"/>.</summary>
[Collection(MeasurementCollection.Name)]
public sealed class RuleEngineMetricsTests
{
    [Fact]
    public void Each_evaluation_is_counted_by_verdict_and_timed()
    {
        using var recorder = new Recorder();
        var engine = Requests.RecommendedEngine();

        engine.Evaluate(Requests.Clean());
        engine.Evaluate(Requests.Clean() with { Note = "I'd love to show you a quick demo of our platform. We help teams cut costs." });

        Assert.Equal(
            [
                (RuleEngineMetrics.EvaluationsInstrument, 1d, "connection_rules.verdict=accept"),
                (RuleEngineMetrics.EvaluationsInstrument, 1d, "connection_rules.verdict=decline"),
            ],
            recorder.Of(RuleEngineMetrics.EvaluationsInstrument));
        var durations = recorder.Of(RuleEngineMetrics.DurationInstrument);
        Assert.Equal(["connection_rules.verdict=accept", "connection_rules.verdict=decline"], durations.Select(d => d.Tags));
        Assert.All(durations, d => Assert.InRange(d.Value, 0, 10));
    }

    [Fact]
    public void A_rule_that_throws_is_counted_by_rule_id()
    {
        using var recorder = new Recorder();
        var engine = Requests.RecommendedEngine(b => b.AddRule("ACME001", r => r
            .WithTitle("Fragile").WithMessage("Never").WithCategory("Custom")
            .ReportWhen(Predicates.Custom("Throws", _ => throw new InvalidOperationException("boom")))));

        var evaluation = engine.Evaluate(Requests.Clean());

        Assert.Contains(evaluation.Diagnostics, d => d.Id == RuleIds.RuleFailure);
        Assert.Equal([(RuleEngineMetrics.RuleFailuresInstrument, 1d, "connection_rules.rule.id=ACME001")], recorder.Of(RuleEngineMetrics.RuleFailuresInstrument));
    }

    [Fact]
    public void Instruments_are_published_on_the_ConnectionRules_meter_with_units()
    {
        using var recorder = new Recorder();
        Requests.RecommendedEngine().Evaluate(Requests.Clean());

        Assert.Equal(
            [
                ("ConnectionRules", RuleEngineMetrics.DurationInstrument, "s"),
                ("ConnectionRules", RuleEngineMetrics.EvaluationsInstrument, "{evaluation}"),
                ("ConnectionRules", RuleEngineMetrics.RuleFailuresInstrument, "{failure}"),
            ],
            recorder.Instruments.OrderBy(i => i.Name, StringComparer.Ordinal).Select(i => (i.Meter.Name, i.Name, i.Unit)));
    }

    /// <summary>Collects the measurements this test's thread makes; tests running in parallel on other threads are ignored.</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly int _thread = Environment.CurrentManagedThreadId;
        private readonly List<(string Instrument, double Value, string Tags)> _measurements = [];

        public Recorder()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == RuleEngineMetrics.MeterName)
                {
                    Instruments.Add(instrument);
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.Start();
        }

        public List<Instrument> Instruments { get; } = [];

        public List<(string Instrument, double Value, string Tags)> Of(string instrument) =>
            _measurements.Where(m => m.Instrument == instrument).ToList();

        public void Dispose() => _listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (Environment.CurrentManagedThreadId == _thread)
            {
                var text = string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"));
                _measurements.Add((instrument.Name, value, text));
            }
        }
    }
}

/// <summary>
/// Tests that listen to the meter, count allocated bytes or look at the built-in rules' shared texts run one at a time,
/// so a listener never turns recording on under an allocation count, and no other test's evaluation takes a text's slot
/// between a warm-up and the count.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasurementCollection
{
    public const string Name = "Measurement";
}
