using BenchmarkDotNet.Attributes;
using ConnectionRules.Benchmarks.HandWritten;
using ConnectionRules.Benchmarks.Shapes;

namespace ConnectionRules.Benchmarks;

/// <summary>
/// Cost against text length: a clean typical request whose note and five messages hold 150, 1,500 or 15,000 characters
/// each (about 1 KB, 10 KB and 100 KB in all), engine and hand-written baseline.
/// </summary>
public class TextLengthBenchmarks : CleanRequestBenchmarks
{
    /// <summary>Gets or sets the length of the note and of each message.</summary>
    [Params(150, 1_500, 15_000)]
    public int CharactersPerText { get; set; }

    /// <inheritdoc />
    protected override ConnectionRequest CreateRequest() => RequestShapes.WithTextLength(CharactersPerText);
}

/// <summary>
/// Cost against message count: a clean accepted request with 5, 50 or 500 messages of about 150 characters,
/// engine and hand-written baseline.
/// </summary>
public class MessageCountBenchmarks : CleanRequestBenchmarks
{
    /// <summary>Gets or sets how many messages the request holds.</summary>
    [Params(5, 50, 500)]
    public int Messages { get; set; }

    /// <inheritdoc />
    protected override ConnectionRequest CreateRequest() => RequestShapes.WithMessageCount(Messages);
}

/// <summary>The engine against the hand-written baseline on one clean request that a scaling parameter shapes.</summary>
[MemoryDiagnoser]
public abstract class CleanRequestBenchmarks
{
    private Judges _judges = null!;
    private ConnectionRequest _request = null!;

    /// <summary>Builds the request and checks that it is clean for all three judges.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _judges = Judges.Create();
        _request = CreateRequest();
        _judges.ThrowIfDisagree(_request, []);
    }

    /// <summary>The hand-written if-chain.</summary>
    [Benchmark(Baseline = true)]
    public HandWrittenVerdict HandWritten() => _judges.HandWritten.Evaluate(_request);

    /// <summary>The engine with the recommended rules.</summary>
    [Benchmark]
    public Evaluation Engine() => _judges.Engine.Evaluate(_request);

    /// <summary>The request of the current parameters.</summary>
    protected abstract ConnectionRequest CreateRequest();
}

/// <summary>
/// Cost against rule count: the clean typical request through the recommended rules alone, and with 20 or 100 fluent
/// custom rules built with <see cref="Predicates"/> (<see cref="CustomRules"/>), none of which fires.
/// </summary>
[MemoryDiagnoser]
public class RuleCountBenchmarks
{
    private RuleEngine _engine = null!;
    private ConnectionRequest _request = null!;

    /// <summary>Gets or sets how many custom rules run besides the recommended ones.</summary>
    [Params(0, 20, 100)]
    public int CustomRuleCount { get; set; }

    /// <summary>Builds the engine and checks that the request stays clean.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var builder = new RuleEngineBuilder().AddRecommendedRules().UseTimeProvider(new FixedTimeProvider(RequestShapes.Now));
        _engine = CustomRules.Add(builder, CustomRuleCount).Build();
        _request = RequestShapes.Create(RequestSize.Typical, Flagged.Clean);
        if (_engine.Evaluate(_request).Diagnostics is { Count: > 0 } diagnostics)
        {
            throw new InvalidOperationException($"A custom rule fires on the clean request: {diagnostics[0]}");
        }
    }

    /// <summary>The engine with the recommended and the custom rules.</summary>
    [Benchmark]
    public Evaluation Engine() => _engine.Evaluate(_request);
}
