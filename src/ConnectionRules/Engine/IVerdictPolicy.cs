namespace ConnectionRules;

/// <summary>Turns the diagnostics of an evaluation into a verdict. Plug one in with <see cref="RuleEngineBuilder.UseVerdictPolicy"/>.</summary>
public interface IVerdictPolicy
{
    /// <summary>Decides the verdict. Must be thread-safe, should not allocate, and must not throw.</summary>
    /// <param name="request">The evaluated request.</param>
    /// <param name="diagnostics">The diagnostics, suppressed ones included, in the evaluation's order.</param>
    /// <returns>The verdict: one of the four the enum defines; any other number makes <c>Evaluate</c> throw an <see cref="InvalidOperationException"/> naming the policy.</returns>
    Verdict Decide(ConnectionRequest request, IReadOnlyList<Diagnostic> diagnostics);
}

/// <summary>
/// The default policy: from the highest severity among the diagnostics that are not suppressed,
/// <see cref="Severity.Error"/> gives <see cref="Verdict.Decline"/> while pending and <see cref="Verdict.Disconnect"/> once accepted,
/// <see cref="Severity.Warning"/> gives <see cref="Verdict.Review"/>, and anything else <see cref="Verdict.Accept"/>.
/// </summary>
public sealed class DefaultVerdictPolicy : IVerdictPolicy
{
    private DefaultVerdictPolicy()
    {
    }

    /// <summary>Gets the single instance.</summary>
    public static DefaultVerdictPolicy Instance { get; } = new();

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public Verdict Decide(ConnectionRequest request, IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var worst = Severity.Hidden;
        for (var i = 0; i < diagnostics.Count; i++)
        {
            var diagnostic = diagnostics[i];
            if (!diagnostic.IsSuppressed && diagnostic.Severity > worst)
            {
                worst = diagnostic.Severity;
            }
        }

        return worst switch
        {
            Severity.Error => request.AcceptedAt is null ? Verdict.Decline : Verdict.Disconnect,
            Severity.Warning => Verdict.Review,
            _ => Verdict.Accept,
        };
    }
}
