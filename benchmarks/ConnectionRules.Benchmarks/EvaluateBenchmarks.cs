using BenchmarkDotNet.Attributes;
using ConnectionRules.Benchmarks.Fluent;
using ConnectionRules.Benchmarks.HandWritten;
using ConnectionRules.Benchmarks.Shapes;

namespace ConnectionRules.Benchmarks;

/// <summary>
/// One <c>Evaluate</c> with the recommended rules, side by side with the hand-written baseline and the FluentValidation
/// validator, on every request shape: small, typical (about 1 KB of text) and large (20 KB), each clean, half flagged
/// and all flagged. The setup proves that the three give the same verdict and rule ids, and that the shape makes the
/// rules it is designed for fire (none for a clean one) before anything is measured.
/// </summary>
[MemoryDiagnoser]
public class EvaluateBenchmarks
{
    private Judges _judges = null!;
    private ConnectionRequest _request = null!;

    /// <summary>Gets or sets how much text the request carries.</summary>
    [ParamsAllValues]
    public RequestSize Size { get; set; }

    /// <summary>Gets or sets how many rules the request makes fire.</summary>
    [ParamsAllValues]
    public Flagged Flags { get; set; }

    /// <summary>Builds the shape and checks that the three judges agree on it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _judges = Judges.Create();
        _request = RequestShapes.Create(Size, Flags);
        _judges.ThrowIfDisagree(_request, RequestShapes.ExpectedRuleIds(Size, Flags));
        if (Flags == Flagged.Clean && _judges.Engine.Evaluate(_request).Diagnostics.Count != 0)
        {
            throw new InvalidOperationException($"The clean {Size} request produces diagnostics.");
        }
    }

    /// <summary>The hand-written if-chain.</summary>
    [Benchmark(Baseline = true)]
    public HandWrittenVerdict HandWritten() => _judges.HandWritten.Evaluate(_request);

    /// <summary>The engine with the recommended rules.</summary>
    [Benchmark]
    public Evaluation Engine() => _judges.Engine.Evaluate(_request);

    /// <summary>The FluentValidation validator, and the verdict from its failures.</summary>
    [Benchmark]
    public Verdict FluentValidation() => ConnectionRequestValidator.VerdictOf(_request, _judges.Fluent.Validate(_request));
}
