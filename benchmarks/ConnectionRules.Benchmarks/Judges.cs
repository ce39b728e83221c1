using ConnectionRules.Benchmarks.Fluent;
using ConnectionRules.Benchmarks.HandWritten;
using ConnectionRules.Benchmarks.Shapes;

namespace ConnectionRules.Benchmarks;

/// <summary>
/// The three ways of judging a request side by side: the engine with the recommended rules, the hand-written baseline
/// and the FluentValidation validator, all on the same clock. Equivalence is checked, not assumed: every benchmark
/// setup and the equivalence tests ask <see cref="Disagreement"/> before anything is measured.
/// </summary>
public sealed class Judges
{
    private Judges(TimeProvider clock)
    {
        Engine = new RuleEngineBuilder().AddRecommendedRules().UseTimeProvider(clock).Build();
        var checks = new RequestChecks(Engine.Options);
        HandWritten = new HandWrittenRules(clock, checks);
        Fluent = new ConnectionRequestValidator(clock, checks);
    }

    /// <summary>Gets the engine with the recommended rules.</summary>
    public RuleEngine Engine { get; }

    /// <summary>Gets the hand-written baseline.</summary>
    public HandWrittenRules HandWritten { get; }

    /// <summary>Gets the FluentValidation validator.</summary>
    public ConnectionRequestValidator Fluent { get; }

    /// <summary>Creates the three judges on a fixed clock, <see cref="RequestShapes.Now"/> unless told otherwise.</summary>
    public static Judges Create(DateTimeOffset? now = null) => new(new FixedTimeProvider(now ?? RequestShapes.Now));

    /// <summary>
    /// The baseline, the engine and the validator, in that order, each as one evaluation of <paramref name="request"/>,
    /// once they are shown to agree on it; for the diagnoses that time them outside BenchmarkDotNet.
    /// </summary>
    /// <exception cref="InvalidOperationException">They disagree.</exception>
    public Action[] EvaluationsOf(ConnectionRequest request)
    {
        ThrowIfDisagree(request);
        return
        [
            () => HandWritten.Evaluate(request),
            () => Engine.Evaluate(request),
            () => ConnectionRequestValidator.VerdictOf(request, Fluent.Validate(request)),
        ];
    }

    /// <summary>What the engine answers: its verdict and the distinct ids of its diagnostics.</summary>
    public Outcome OfEngine(ConnectionRequest request)
    {
        var evaluation = Engine.Evaluate(request);
        return new Outcome(evaluation.Verdict, [.. evaluation.Diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal)]);
    }

    /// <summary>What the baseline answers.</summary>
    public Outcome OfHandWritten(ConnectionRequest request)
    {
        var verdict = HandWritten.Evaluate(request);
        var ids = Enum.GetValues<RuleIdSet>().Where(r => r != RuleIdSet.None && verdict.Rules.HasFlag(r)).Select(r => r.ToString());
        return new Outcome(verdict.Verdict, [.. ids.Order(StringComparer.Ordinal)]);
    }

    /// <summary>What the validator answers: the default verdict policy over its failures, and their error codes.</summary>
    public Outcome OfFluent(ConnectionRequest request)
    {
        var result = Fluent.Validate(request);
        return new Outcome(ConnectionRequestValidator.VerdictOf(request, result), [.. result.Errors.Select(e => e.ErrorCode).Distinct().Order(StringComparer.Ordinal)]);
    }

    /// <summary>Describes how the three judges disagree about <paramref name="request"/>, or returns null when they agree.</summary>
    public string? Disagreement(ConnectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var engine = OfEngine(request);
        var handWritten = OfHandWritten(request);
        var fluent = OfFluent(request);
        return engine.Equals(handWritten) && engine.Equals(fluent)
            ? null
            : $"Request {request.Id}: engine {engine}, hand-written {handWritten}, FluentValidation {fluent}.";
    }

    /// <summary>Throws unless the three judges agree on <paramref name="request"/> and, when given, on the expected rule ids.</summary>
    /// <exception cref="InvalidOperationException">They disagree, or the rules that fire are not the expected ones.</exception>
    public void ThrowIfDisagree(ConnectionRequest request, IReadOnlyList<string>? expectedRuleIds = null)
    {
        if (Disagreement(request) is { } disagreement)
        {
            throw new InvalidOperationException("The benchmark would compare different work. " + disagreement);
        }

        if (expectedRuleIds is not null)
        {
            var engine = OfEngine(request);
            if (!engine.RuleIds.SequenceEqual(expectedRuleIds.Order(StringComparer.Ordinal)))
            {
                throw new InvalidOperationException(
                    $"Request {request.Id} is meant to make [{string.Join(", ", expectedRuleIds)}] fire, but the engine answers {engine}.");
            }
        }
    }
}

/// <summary>A judge's answer reduced to what the three can agree on: the verdict and the set of rule ids.</summary>
/// <param name="Verdict">The verdict.</param>
/// <param name="RuleIds">The ids of the rules that fired, in ordinal order, each once.</param>
public sealed record Outcome(Verdict Verdict, IReadOnlyList<string> RuleIds)
{
    /// <inheritdoc />
    public bool Equals(Outcome? other) => other is not null && Verdict == other.Verdict && RuleIds.SequenceEqual(other.RuleIds);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Verdict, RuleIds.Count);

    /// <inheritdoc />
    public override string ToString() => $"{Verdict} [{string.Join(", ", RuleIds)}]";
}
