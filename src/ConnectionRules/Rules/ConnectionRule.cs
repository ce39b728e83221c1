namespace ConnectionRules;

/// <summary>
/// A rule, the way a Roslyn <c>DiagnosticAnalyzer</c> is one: it has a <see cref="Descriptor"/>, looks at a request
/// in <see cref="Evaluate"/>, and calls <see cref="RuleContext.Report(string, object[])"/> for each finding.
/// </summary>
/// <remarks>
/// A rule instance is shared by every evaluation on every thread, so it must be stateless or thread-safe.
/// A rule that throws does not break the evaluation: the engine reports <c>CR0001</c> and runs the other rules.
/// For each request the rules run one after the other, <c>CR0002</c> first, then the others in the ordinal order of
/// their ids, whatever order they were added in; a rule's findings that tie on severity, id and location keep the
/// order it reported them in.
/// </remarks>
public abstract class ConnectionRule
{
    /// <summary>Gets the descriptor of the diagnostics this rule reports.</summary>
    public abstract RuleDescriptor Descriptor { get; }

    /// <summary>Looks at <see cref="RuleContext.Request"/> and reports what it finds.</summary>
    /// <param name="context">The request, the clock, the pitch detector and the way to report.</param>
    public abstract void Evaluate(RuleContext context);

    /// <inheritdoc />
    public override string ToString() => Descriptor.ToString();
}
