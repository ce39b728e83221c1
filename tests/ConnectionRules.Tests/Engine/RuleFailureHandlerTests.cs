using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests.Engine;

/// <summary>
/// <see cref="RuleEngineBuilder.OnRuleFailure"/>: the application sees every rule failure with its exception, whether
/// CR0001 is enabled or not, once the rules have run; a handler's own exception is the caller's.
/// </summary>
public sealed class RuleFailureHandlerTests
{
    private static RuleEngine EngineWith(List<RuleFailure> failures, Action<RuleEngineBuilder>? configure = null) =>
        Requests.RecommendedEngine(b =>
        {
            b.OnRuleFailure(failures.Add);
            configure?.Invoke(b);
        });

    [Fact]
    public void A_failing_rule_reaches_the_handler_with_the_exception_it_threw()
    {
        var thrown = new InvalidOperationException("The CRM lookup timed out.");
        var failures = new List<RuleFailure>();
        var engine = EngineWith(failures, b => b.AddRule(new ThrowingRule("ACME001", () => thrown)));

        var evaluation = engine.Evaluate(Requests.Clean() with { Id = "req-7" });

        var failure = Assert.Single(failures);
        Assert.Same(thrown, failure.Exception);
        Assert.Equal(("ACME001", "req-7", (string?)null), (failure.RuleId, failure.RequestId, failure.Suppression));
        Assert.Contains(nameof(ThrowingRule.Evaluate), failure.Exception.StackTrace, StringComparison.Ordinal);
        Assert.Equal(Assert.Single(evaluation.Diagnostics).Message, failure.ToString());
    }

    [Fact]
    public void The_handler_hears_of_failures_that_CR0001_does_not_report_when_it_is_disabled()
    {
        var failures = new List<RuleFailure>();
        var engine = EngineWith(failures, b => b.AddRule(new ThrowingRule("ACME001", () => new InvalidOperationException("boom"))).Disable("CR0001"));

        var evaluation = engine.Evaluate(Requests.Clean());

        Assert.Empty(evaluation.Diagnostics);
        Assert.Equal("Rule ACME001 threw InvalidOperationException: boom", Assert.Single(failures).ToString());
    }

    [Fact]
    public void A_failing_suppression_is_named_and_the_finding_it_was_asked_about_stands()
    {
        var failures = new List<RuleFailure>();
        var engine = EngineWith(failures, b => b.Suppress(
            "CR1001",
            Predicates.Custom("Known customer", _ => throw new TimeoutException("The CRM is down.")),
            "Customers may skip the note"));

        var evaluation = engine.Evaluate(Requests.Clean() with { Note = null });

        var failure = Assert.Single(failures);
        Assert.Equal(("CR1001", (string?)"Customers may skip the note"), (failure.RuleId, failure.Suppression));
        Assert.IsType<TimeoutException>(failure.Exception);
        Assert.Equal("Rule CR1001 (suppression \"Customers may skip the note\") threw TimeoutException: The CRM is down.", failure.ToString());
        Assert.False(Assert.Single(evaluation.Diagnostics, d => d.Id == "CR1001").IsSuppressed);
    }

    [Fact]
    public void A_pitch_detector_that_throws_is_named_as_the_culprit_not_the_rule_that_asked_it()
    {
        var failures = new List<RuleFailure>();
        var offline = new TimeoutException("The model is offline.");
        var engine = EngineWith(failures, b => b.UsePitchDetector(new ThrowingDetector(offline)));

        var evaluation = engine.Evaluate(Requests.Clean());

        var diagnostic = Assert.Single(evaluation.Diagnostics);
        Assert.Equal(
            $"Rule CR1003 threw InvalidOperationException: The pitch detector {typeof(ThrowingDetector).FullName} threw TimeoutException: The model is offline.",
            diagnostic.Message);
        Assert.Same(offline, Assert.Single(failures).Exception.InnerException);
    }

    [Fact]
    public void Every_handler_receives_every_failure_in_the_order_the_rules_ran()
    {
        var heard = new List<string>();
        var engine = Requests.RecommendedEngine(b => b
            .AddRule(new ThrowingRule("ACME002", () => new InvalidOperationException("b")))
            .AddRule(new ThrowingRule("ACME001", () => new InvalidOperationException("a")))
            .OnRuleFailure(f => heard.Add("first " + f.RuleId))
            .OnRuleFailure(f => heard.Add("second " + f.RuleId)));

        engine.Evaluate(Requests.Clean());

        Assert.Equal(["first ACME001", "second ACME001", "first ACME002", "second ACME002"], heard);
    }

    [Fact]
    public void The_handler_is_called_after_the_rules_have_run_and_only_for_this_evaluations_failures()
    {
        var failures = new List<RuleFailure>();
        var engine = EngineWith(failures, b => b.AddRule(new ThrowingRule("ACME001", () => new InvalidOperationException("boom"), r => r.Id == "bad")));

        engine.Evaluate(Requests.Clean() with { Id = "bad" });
        engine.Evaluate(Requests.Clean() with { Id = "good" });
        engine.Evaluate(Requests.Clean() with { Id = "bad" });

        Assert.Equal(["bad", "bad"], failures.Select(f => f.RequestId));
    }

    [Fact]
    public void What_a_handler_throws_is_thrown_from_Evaluate_and_the_engine_goes_on_working()
    {
        var engine = Requests.RecommendedEngine(b => b
            .AddRule(new ThrowingRule("ACME001", () => new InvalidOperationException("boom"), r => r.Id == "bad"))
            .OnRuleFailure(_ => throw new IOException("The log disk is full.")));

        var thrown = Assert.Throws<IOException>(() => engine.Evaluate(Requests.Clean() with { Id = "bad" }));

        Assert.Equal("The log disk is full.", thrown.Message);
        Assert.Equal(Verdict.Accept, engine.Evaluate(Requests.Clean()).Verdict);
    }

    [Fact]
    public void A_verdict_policy_that_fails_does_not_keep_the_failures_from_the_handlers()
    {
        var failures = new List<RuleFailure>();
        var engine = EngineWith(failures, b => b
            .AddRule(new ThrowingRule("ACME001", () => new InvalidOperationException("boom")))
            .UseVerdictPolicy(new FailingPolicy()));

        Assert.Throws<InvalidOperationException>(() => engine.Evaluate(Requests.Clean()));

        Assert.Equal("ACME001", Assert.Single(failures).RuleId);
    }

    [Fact]
    public void A_handler_that_evaluates_again_on_the_same_thread_gets_its_own_evaluation()
    {
        RuleEngine? engine = null;
        var nested = new List<Evaluation>();
        engine = Requests.RecommendedEngine(b => b
            .AddRule(new ThrowingRule("ACME001", () => new InvalidOperationException("boom"), r => r.Id == "bad"))
            .OnRuleFailure(_ => nested.Add(engine!.Evaluate(Requests.Clean() with { Note = null }))));

        var outer = engine.Evaluate(Requests.Clean() with { Id = "bad" });

        Assert.Equal(["CR0001"], outer.Diagnostics.Select(d => d.Id));
        Assert.Equal(["CR1001"], Assert.Single(nested).Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Parallel_batches_hand_every_failure_to_the_handler_once()
    {
        var count = 0;
        var engine = Requests.RecommendedEngine(b => b
            .AddRule(new ThrowingRule("ACME001", () => new InvalidOperationException("boom"), r => r.Id.EndsWith('3')))
            .OnRuleFailure(_ => Interlocked.Increment(ref count)));
        var requests = Enumerable.Range(0, 1_000).Select(i => Requests.Clean() with { Id = $"req-{i}" }).ToArray();

        var evaluations = engine.EvaluateMany(requests);

        Assert.Equal(100, count);
        Assert.Equal(100, evaluations.Count(e => e.Diagnostics.Any(d => d.Id == "CR0001")));
    }

    [Fact]
    public void A_clean_evaluation_with_a_handler_allocates_nothing()
    {
        var failures = new List<RuleFailure>();
        var engine = EngineWith(failures);
        var request = Requests.Clean();

        var (bytes, evaluation) = Allocated.By(() => engine.Evaluate(request), warmUps: 10);

        Assert.Empty(evaluation.Diagnostics);
        Assert.Equal(0, bytes);
        Assert.Empty(failures);
    }

    [Fact]
    public void The_handler_is_checked_like_every_other_builder_argument()
    {
        var builder = new RuleEngineBuilder();

        Assert.Equal("handler", Assert.Throws<ArgumentNullException>(() => builder.OnRuleFailure(null!)).ParamName);
        builder.Build();
        Assert.Throws<InvalidOperationException>(() => builder.OnRuleFailure(_ => { }));
    }

    private sealed class ThrowingDetector(Exception exception) : IPitchDetector
    {
        public PitchMatch Detect(string text) => throw exception;
    }

    private sealed class FailingPolicy : IVerdictPolicy
    {
        public Verdict Decide(ConnectionRequest request, IReadOnlyList<Diagnostic> diagnostics) => (Verdict)42;
    }
}
