using BenchmarkDotNet.Attributes;

namespace ConnectionRules.Benchmarks;

/// <summary>
/// Building an engine, as a host does at start-up and on every configuration reload: the recommended rules alone, and
/// with twenty fluent custom rules. The first build pays for JIT compilation and is not measured; the target is under
/// a millisecond after it.
/// </summary>
[MemoryDiagnoser]
public class BuildBenchmarks
{
    private readonly TimeProvider _clock = new FixedTimeProvider(Shapes.RequestShapes.Now);

    /// <summary>The recommended rules.</summary>
    [Benchmark(Baseline = true)]
    public RuleEngine Recommended() => new RuleEngineBuilder().AddRecommendedRules().UseTimeProvider(_clock).Build();

    /// <summary>The recommended rules and twenty custom ones, predicates built too.</summary>
    [Benchmark]
    public RuleEngine RecommendedAnd20Custom() => CustomRules.Add(new RuleEngineBuilder().AddRecommendedRules().UseTimeProvider(_clock), 20).Build();
}
