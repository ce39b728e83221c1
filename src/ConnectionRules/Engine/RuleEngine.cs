namespace ConnectionRules;

/// <summary>
/// Evaluates connection requests against the rules it was built with. Immutable and thread-safe: build it once with
/// <see cref="RuleEngineBuilder"/> and share it. A clean evaluation (no diagnostic) allocates nothing.
/// </summary>
public sealed class RuleEngine : IRuleEngine
{
    private readonly ConfiguredRule[] _rules;
    private readonly ConfiguredRule? _ruleFailure;
    private readonly ConfiguredRule? _consistency;
    private readonly Dictionary<string, ConfiguredRule> _byId;
    private readonly TimeProvider _timeProvider;
    private readonly IVerdictPolicy _verdictPolicy;
    private readonly Action<RuleFailure>? _onRuleFailure;

    internal RuleEngine(
        ConfiguredRule[] rules,
        RuleEngineOptions options,
        IPitchDetector pitchDetector,
        TimeProvider timeProvider,
        IVerdictPolicy verdictPolicy,
        Action<RuleFailure>? onRuleFailure)
    {
        _byId = rules.ToDictionary(r => r.Descriptor.Id, StringComparer.OrdinalIgnoreCase);
        _ruleFailure = _byId.GetValueOrDefault(RuleIds.RuleFailure);
        _consistency = _byId.GetValueOrDefault(RuleIds.InconsistentRequest);

        // CR0001 is reported by the engine, not run; CR0002 runs first and gates the rest, which run in id order whatever
        // order they were added in: diagnostics that tie on severity, id and location keep the order they were reported
        // in, so two rules failing (two CR0001s) come in the same order from any engine with those rules.
        var byId = rules.OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal).ToArray();
        _rules = byId.Where(r => r != _ruleFailure && r != _consistency).ToArray();
        Rules = byId.Select(r => r.Descriptor).ToArray();
        Options = options;
        PitchDetector = pitchDetector;
        Scanner = pitchDetector is DefaultPitchDetector detector ? detector.ScannerWithRuleLexicons : TextScanner.RuleLexiconsOnly;
        _timeProvider = timeProvider;
        _verdictPolicy = verdictPolicy;
        _onRuleFailure = onRuleFailure;
    }

    /// <inheritdoc />
    public IReadOnlyList<RuleDescriptor> Rules { get; }

    /// <summary>Gets the options the recommended rules read; read-only.</summary>
    public RuleEngineOptions Options { get; }

    /// <summary>Gets the pitch detector rules and predicates use: the built-in <see cref="DefaultPitchDetector"/> unless replaced.</summary>
    public IPitchDetector PitchDetector { get; }

    /// <summary>Gets CR0001 as configured, or <see langword="null"/> when it is disabled.</summary>
    internal ConfiguredRule? FailureRule => _ruleFailure;

    /// <summary>Gets a value indicating whether handlers were added with <see cref="RuleEngineBuilder.OnRuleFailure"/>.</summary>
    internal bool HasFailureHandlers => _onRuleFailure is not null;

    /// <summary>Gets the scanner that reads each text once for every lexicon the built-in rules need.</summary>
    internal TextScanner Scanner { get; }

    /// <inheritdoc />
    public Severity GetSeverity(string ruleId)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        return _byId.TryGetValue(ruleId, out var rule)
            ? rule.Severity
            : throw new KeyNotFoundException($"Rule '{ruleId}' is not in effect in this engine; it is unknown or disabled.");
    }

    /// <inheritdoc />
    /// <remarks>
    /// When the request's own data is inconsistent (CR0002, not suppressed), the other rules do not run: their answers
    /// would rest on impossible dates. A rule that throws is reported as CR0001, its partial findings are dropped, and the other rules still run;
    /// the handlers added with <see cref="RuleEngineBuilder.OnRuleFailure"/> then receive each failure, with its exception, before
    /// this method returns, and what they throw is thrown from here.
    /// </remarks>
    public Evaluation Evaluate(ConnectionRequest request)
    {
        RequestValidator.ThrowIfInvalid(request);
        var started = RuleEngineMetrics.StartTimestamp();
        var state = EvaluationState.Rent(this, request, _timeProvider.GetUtcNow());
        try
        {
            if (_consistency is not null)
            {
                Run(state, _consistency);
            }

            if (_consistency is null || !HasUnsuppressed(state.Diagnostics, _consistency.Descriptor))
            {
                foreach (var rule in _rules)
                {
                    Run(state, rule);
                }
            }

            if (_onRuleFailure is not null && state.Failures is { Count: > 0 } failures)
            {
                // Once the rules are done: a handler that throws must not pass for a rule that did. Before the verdict,
                // so that a policy that fails does not keep the failures from the handlers.
                foreach (var failure in failures)
                {
                    _onRuleFailure(failure);
                }
            }

            var diagnostics = state.SortedDiagnostics();
            var verdict = _verdictPolicy.Decide(request, diagnostics);
            if ((uint)verdict > (uint)Verdict.Disconnect)
            {
                throw UndefinedVerdict(verdict);
            }

            RuleEngineMetrics.RecordEvaluation(verdict, started);
            return new Evaluation(request.Id, verdict, diagnostics, true);
        }
        finally
        {
            EvaluationState.Return(state);
        }
    }

    // A cast number would read as a verdict nobody can act on ("Request req-1: 42"), so it is the policy's bug, said at once.
    private InvalidOperationException UndefinedVerdict(Verdict verdict) =>
        new($"The verdict policy {_verdictPolicy.GetType().FullName} returned {(int)verdict}, which is not a Verdict: it must return Accept, Review, Decline or Disconnect.");

    // Only the rule's own findings count: a CR0001 reported while it ran (one of its suppressions threw) does not.
    private static bool HasUnsuppressed(List<Diagnostic> diagnostics, RuleDescriptor descriptor)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (ReferenceEquals(diagnostic.Descriptor, descriptor) && !diagnostic.IsSuppressed)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Runs one rule; a failure is reported as CR0001 in its place.</summary>
    private static void Run(EvaluationState state, ConfiguredRule rule)
    {
        var before = state.Diagnostics.Count;
        state.ActiveRule = rule;
        try
        {
            rule.Rule.Evaluate(new RuleContext(state, rule));
        }
        catch (Exception exception)
        {
            // A failing rule's partial findings cannot be trusted.
            state.Diagnostics.RemoveRange(before, state.Diagnostics.Count - before);
            state.ReportFailure(rule, null, exception);
        }
        finally
        {
            state.ActiveRule = null;
        }
    }
}
