using BenchmarkDotNet.Attributes;
using ConnectionRules.Benchmarks.Shapes;

namespace ConnectionRules.Benchmarks;

/// <summary>
/// An inbox of 10,000 requests (<see cref="RequestShapes.Mix"/>) through <c>EvaluateMany</c>, on one thread and on all
/// processors. Times are per request (OperationsPerInvoke), so the ratio column is parallel time over sequential time:
/// 0.5 is twice the throughput.
/// </summary>
[MemoryDiagnoser]
public class BatchBenchmarks
{
    /// <summary>The size of the batch.</summary>
    public const int Requests = 10_000;

    private RuleEngine _engine = null!;
    private ConnectionRequest[] _requests = [];

    /// <summary>Builds the inbox and checks that both ways give the same evaluations.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _engine = Judges.Create().Engine;
        _requests = RequestShapes.Mix(Requests);
        if (!_engine.EvaluateMany(_requests, 1).SequenceEqual(_engine.EvaluateMany(_requests)))
        {
            throw new InvalidOperationException("Parallel and sequential batches disagree.");
        }
    }

    /// <summary>One request after the other on the calling thread.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public IReadOnlyList<Evaluation> Sequential() => _engine.EvaluateMany(_requests, 1);

    /// <summary>On all processors.</summary>
    [Benchmark(OperationsPerInvoke = Requests)]
    public IReadOnlyList<Evaluation> Parallel() => _engine.EvaluateMany(_requests);
}
