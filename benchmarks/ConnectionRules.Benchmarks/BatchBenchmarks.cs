using BenchmarkDotNet.Attributes;
using ConnectionRules.Benchmarks.Shapes;

namespace ConnectionRules.Benchmarks;

/// <summary>
/// An inbox of 10,000 requests (<see cref="RequestShapes.Mix"/>) through <c>EvaluateMany</c>, on one thread and on all
/// processors. Times are per request (OperationsPerInvoke), so the ratio column is parallel time over sequential time:
/// 0.5 is twice the throughput.
/// </summary>
/// <remarks>
/// BenchmarkDotNet forces a full collection before each iteration unless told not to. After one, the collector gives the
/// memory it freed back to the operating system, and the batch, which allocates megabytes of diagnostics and keeps them,
/// takes page faults on the fresh memory: on our virtual machines that made the sequential batch run at about 8 μs a
/// request instead of 5 for whole launches, and the parallel one less so, which flattered the parallel gain. A CRM
/// evaluating batch after batch does not collect between them, so neither does this benchmark (docs/performance.md).
/// </remarks>
[MemoryDiagnoser]
[GcForce(false)]
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
