using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests.Rules;

/// <summary>CR0001: a rule that throws is reported in its place; the evaluation goes on without it.</summary>
public sealed class CR0001RuleFailureTests
{
    private const string Id = "CR0001";

    /// <summary>A pending request that only CR1001 reports on.</summary>
    private static ConnectionRequest WithoutNote() => Requests.Clean() with { Note = null };

    private static RuleEngine EngineWith(ConnectionRule rule, Action<RuleEngineBuilder>? configure = null) =>
        Requests.RecommendedEngine(b =>
        {
            b.AddRule(rule);
            configure?.Invoke(b);
        });

    [Fact]
    public void a_rule_that_throws_is_reported_with_its_id_and_the_exception_type()
    {
        var evaluation = EngineWith(new ThrowingRule("ACME001", () => new InvalidOperationException("The CRM lookup timed out.")))
            .Evaluate(Requests.Clean());

        Assert.Equal(
            [(Id, (string?)null, "Rule ACME001 threw InvalidOperationException: The CRM lookup timed out.")],
            Reported(evaluation));
    }

    [Fact]
    public void two_failing_rules_are_reported_in_the_order_of_their_ids_whatever_order_they_were_added_in()
    {
        ConnectionRule[] rules =
        [
            new ThrowingRule("ACME002", () => new InvalidOperationException("b")),
            new ThrowingRule("ACME001", () => new InvalidOperationException("a")),
        ];
        var addedBackwards = Requests.RecommendedEngine(b => b.AddRule(rules[0]).AddRule(rules[1]));
        var addedForwards = Requests.RecommendedEngine(b => b.AddRule(rules[1]).AddRule(rules[0]));

        var evaluation = addedBackwards.Evaluate(Requests.Clean());

        Assert.Equal(
            [
                (Id, (string?)null, "Rule ACME001 threw InvalidOperationException: a"),
                (Id, (string?)null, "Rule ACME002 threw InvalidOperationException: b"),
            ],
            Reported(evaluation));
        Assert.Equal(evaluation, addedForwards.Evaluate(Requests.Clean()));
    }

    [Fact]
    public void a_rule_failure_calls_for_review()
    {
        var evaluation = EngineWith(new ThrowingRule("ACME001", () => new NullReferenceException())).Evaluate(Requests.Clean());

        var diagnostic = Assert.Single(evaluation.Diagnostics);
        Assert.Equal((Id, Severity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.StartsWith("Rule ACME001 threw NullReferenceException: ", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(Verdict.Review, evaluation.Verdict);
    }

    [Fact]
    public void the_engine_does_not_throw_and_the_other_rules_still_run()
    {
        var engine = EngineWith(new ThrowingRule("ACME001", () => new InvalidOperationException("boom")));

        var exception = Record.Exception(() => engine.Evaluate(WithoutNote()));
        var evaluation = engine.Evaluate(WithoutNote());

        Assert.Null(exception);
        Assert.Equal(
            [(Id, null, "Rule ACME001 threw InvalidOperationException: boom"), ("CR1001", "note", "No personal note: the request came without a note")],
            evaluation.Diagnostics.Select(d => (d.Id, d.Location, d.Message)));
    }

    [Fact]
    public void rules_added_after_the_failing_one_still_run()
    {
        var engine = Requests.RecommendedEngine(b => b
            .AddRule(new ThrowingRule("ACME001", () => new InvalidOperationException("boom")))
            .AddRule("ACME002", rule => rule
                .WithTitle("Always")
                .WithMessage("Always reports")
                .WithCategory("Testing")
                .WithSeverity(Severity.Info)
                .ReportWhen(global::ConnectionRules.Predicates.Custom("Always", _ => true))));

        var evaluation = engine.Evaluate(Requests.Clean());

        Assert.Equal(["ACME002", Id], evaluation.Diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void the_partial_reports_of_a_failing_rule_are_dropped()
    {
        var evaluation = EngineWith(new ReportsThenThrows()).Evaluate(Requests.Clean());

        Assert.DoesNotContain(evaluation.Diagnostics, d => d.Id == "ACME003");
        Assert.Equal(
            [(Id, (string?)null, "Rule ACME003 threw FormatException: half way through")],
            Reported(evaluation));
    }

    [Fact]
    public void each_failing_rule_is_reported()
    {
        var engine = Requests.RecommendedEngine(b => b
            .AddRule(new ThrowingRule("ACME001", () => new InvalidOperationException("first")))
            .AddRule(new ThrowingRule("ACME002", () => new ArgumentException("second"))));

        var evaluation = engine.Evaluate(Requests.Clean());

        Assert.Equal(
            ["Rule ACME001 threw InvalidOperationException: first", "Rule ACME002 threw ArgumentException: second"],
            Reported(evaluation).Select(d => d.Message).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void a_rule_that_fails_only_sometimes_does_not_taint_the_next_evaluation()
    {
        var engine = EngineWith(new ThrowingRule("ACME001", () => new InvalidOperationException("boom"), r => r.Note is null));

        var failed = engine.Evaluate(WithoutNote());
        var next = engine.Evaluate(Requests.Clean());

        Assert.Single(Reported(failed));
        Assert.Empty(next.Diagnostics);
    }

    [Fact]
    public void the_rule_itself_never_reports_when_nothing_throws()
    {
        var evaluation = Requests.RecommendedEngine().Evaluate(Requests.Clean());

        Assert.Empty(evaluation.Diagnostics);
        Assert.Contains(Requests.RecommendedEngine().Rules, d => d.Id == Id);
    }

    [Fact]
    public void a_disabled_rule_hides_the_failure_but_the_evaluation_still_succeeds()
    {
        var engine = EngineWith(new ThrowingRule("ACME001", () => new InvalidOperationException("boom")), b => b.Disable(Id));

        var evaluation = engine.Evaluate(WithoutNote());

        Assert.Empty(Reported(evaluation));
        Assert.Equal(["CR1001"], evaluation.Diagnostics.Select(d => d.Id));
    }

    [Theory]
    [InlineData(Severity.Hidden, Verdict.Accept)]
    [InlineData(Severity.Info, Verdict.Accept)]
    [InlineData(Severity.Error, Verdict.Decline)]
    public void a_configured_severity_replaces_the_default_warning(Severity severity, Verdict verdict)
    {
        var engine = EngineWith(new ThrowingRule("ACME001", () => new InvalidOperationException("boom")), b => b.SetSeverity(Id, severity));

        var evaluation = engine.Evaluate(Requests.Clean());

        Assert.Equal(severity, Assert.Single(evaluation.Diagnostics, d => d.Id == Id).Severity);
        Assert.Equal(verdict, evaluation.Verdict);
    }

    [Fact]
    public void a_suppression_that_throws_is_reported_and_the_finding_it_was_asked_about_stands()
    {
        var engine = Requests.RecommendedEngine(b => b.Suppress(
            "CR1001",
            Predicates.Custom("Known customer", _ => throw new InvalidOperationException("The CRM is down.")),
            "Customers may skip the note"));

        var evaluation = engine.Evaluate(WithoutNote());

        Assert.Equal(
            [(Id, (string?)null, "Rule CR1001 (suppression \"Customers may skip the note\") threw InvalidOperationException: The CRM is down.")],
            Reported(evaluation));
        Assert.False(Assert.Single(evaluation.Diagnostics, d => d.Id == "CR1001").IsSuppressed);
    }

    [Fact]
    public void a_suppression_of_CR0001_that_throws_does_not_escape_the_evaluation()
    {
        var engine = EngineWith(
            new ThrowingRule("ACME001", () => new InvalidOperationException("boom")),
            b => b.Suppress(Id, Predicates.Custom("Flaky", _ => throw new TimeoutException("lookup")), "Known flaky rule"));

        var evaluation = engine.Evaluate(Requests.Clean());

        Assert.Equal(
            [
                (Id, (string?)null, "Rule ACME001 threw InvalidOperationException: boom"),
                (Id, (string?)null, "Rule CR0001 (suppression \"Known flaky rule\") threw TimeoutException: lookup"),
            ],
            Reported(evaluation));
        Assert.DoesNotContain(evaluation.Diagnostics, d => d.IsSuppressed);
    }

    [Fact]
    public void a_message_format_string_that_does_not_fit_its_argument_fails_inside_the_evaluation()
    {
        var evaluation = EngineWith(new ReportsCount("ACME004", "Sent {0:Q} messages", 12_345)).Evaluate(Requests.Clean());

        Assert.Equal(
            [(Id, (string?)null, "Rule ACME004 threw FormatException: Format specifier was invalid.")],
            Reported(evaluation));
        Assert.DoesNotContain(evaluation.Diagnostics, d => d.Id == "ACME004");
        Assert.Contains("ACME004", evaluation.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void a_message_format_string_that_fits_formats_invariantly_whatever_the_current_culture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal("12.345", 12_345.ToString("N0", System.Globalization.CultureInfo.CurrentCulture));
            var evaluation = EngineWith(new ReportsCount("ACME004", "Sent {0:N0} messages in {1,4} days", 12_345, 3)).Evaluate(Requests.Clean());

            Assert.Equal("Sent 12,345 messages in    3 days", Assert.Single(evaluation.Diagnostics, d => d.Id == "ACME004").Message);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void a_throwing_suppression_of_CR0002_does_not_keep_the_other_rules_from_running_once_another_suppresses_it()
    {
        var inconsistent = Requests.Clean() with { AcceptedAt = Requests.SentAt.AddHours(-1) };
        var engine = Requests.RecommendedEngine(b => b
            .AddRule("ACME001", r => r.WithTitle("Always").ReportWhen(Predicates.Custom("Always", _ => true)))
            .Suppress("CR0002", Predicates.Custom("Flaky", _ => throw new TimeoutException("lookup")), "Known sync issue (flaky)")
            .Suppress("CR0002", Predicates.Custom("Always", _ => true), "Known sync issue"));

        var evaluation = engine.Evaluate(inconsistent);

        Assert.True(Assert.Single(evaluation.Diagnostics, d => d.Id == "CR0002").IsSuppressed);
        Assert.Single(Reported(evaluation));
        Assert.Contains(evaluation.Diagnostics, d => d.Id == "ACME001");
    }

    private static (string Id, string? Location, string Message)[] Reported(Evaluation evaluation) => Reports.Of(evaluation, Id);

    /// <summary>A custom rule that reports its arguments with its message format.</summary>
    private sealed class ReportsCount(string id, string messageFormat, params object[] args) : ConnectionRule
    {
        public override RuleDescriptor Descriptor { get; } = new(id, "Counts", messageFormat, "Testing", Severity.Warning);

        public override void Evaluate(RuleContext context) => context.Report(null, args);
    }

    /// <summary>A custom rule that reports twice, then throws.</summary>
    private sealed class ReportsThenThrows : ConnectionRule
    {
        public override RuleDescriptor Descriptor { get; } = new("ACME003", "Half done", "Finding {0}", "Testing", Severity.Error);

        public override void Evaluate(RuleContext context)
        {
            context.Report("note", 1);
            context.Report("sender", 2);
            throw new FormatException("half way through");
        }
    }
}
