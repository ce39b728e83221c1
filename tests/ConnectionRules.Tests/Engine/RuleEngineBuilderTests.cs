using ConnectionRules.Tests.Support;

namespace ConnectionRules.Tests.Engine;

/// <summary>Building: what goes in, what the engine then reports, and every problem reported at once.</summary>
public sealed class RuleEngineBuilderTests
{
    private static ConnectionRequest NoNoteStranger() => Requests.Clean() with { Note = null, MutualConnections = 0, Recipient = null };

    [Fact]
    public void GetRuleIds_lists_the_rules_added_so_far_in_ordinal_order()
    {
        var builder = new RuleEngineBuilder();
        Assert.Equal(["CR0001", "CR0002"], builder.GetRuleIds());

        builder.AddRule("ACME001", r => r.WithTitle("Custom").ReportWhen(ConnectionRules.Predicates.KnownOffline)).AddRecommendedRules();
        Assert.Equal(
            ["ACME001", "CR0001", "CR0002", "CR1001", "CR1002", "CR1003", "CR2001", "CR2002", "CR2003", "CR2004", "CR3001", "CR3002", "CR3003"],
            builder.GetRuleIds());
    }

    [Fact]
    public void A_new_builder_holds_only_the_engine_rules()
    {
        var engine = new RuleEngineBuilder().Build();
        Assert.Equal(["CR0001", "CR0002"], engine.Rules.Select(r => r.Id));
    }

    [Fact]
    public void Recommended_rules_are_the_whole_catalogue_and_adding_them_twice_is_harmless()
    {
        var engine = new RuleEngineBuilder().AddRecommendedRules().AddRecommendedRules().Build();
        Assert.Equal(
            ["CR0001", "CR0002", "CR1001", "CR1002", "CR1003", "CR2001", "CR2002", "CR2003", "CR2004", "CR3001", "CR3002", "CR3003"],
            engine.Rules.Select(r => r.Id));
    }

    public static TheoryData<string, Action<RuleEngineBuilder>, Severity?> Precedence => new()
    {
        { "default", _ => { }, Severity.Info },
        { "category", b => b.SetCategorySeverity("Request", Severity.Error), Severity.Error },
        { "rule beats category", b => b.SetCategorySeverity("Request", Severity.Error).SetSeverity("CR1001", Severity.Hidden), Severity.Hidden },
        { "rule beats category, either order", b => b.SetSeverity("CR1001", Severity.Hidden).SetCategorySeverity("request", Severity.Error), Severity.Hidden },
        { "reset beats category", b => b.SetCategorySeverity("Request", Severity.Error).ResetSeverity("CR1001"), Severity.Info },
        { "disabled rule", b => b.Disable("CR1001"), null },
        { "disabled category", b => b.DisableCategory("Request"), null },
        { "enabled rule in a disabled category", b => b.DisableCategory("Request").Enable("CR1001"), Severity.Info },
        { "last rule setting wins", b => b.Disable("CR1001").SetSeverity("cr1001", Severity.Warning), Severity.Warning },
    };

    [Theory]
    [MemberData(nameof(Precedence))]
    public void Rule_settings_beat_category_settings_which_beat_the_default(string _, Action<RuleEngineBuilder> configure, Severity? expected)
    {
        var engine = Requests.RecommendedEngine(configure);
        var diagnostic = engine.Evaluate(NoNoteStranger()).Diagnostics.SingleOrDefault(d => d.Id == "CR1001");
        Assert.Equal(expected, diagnostic?.Severity);
        Assert.Equal(expected is not null, engine.Rules.Any(r => r.Id == "CR1001"));
        if (expected is { } severity)
        {
            Assert.Equal(severity, engine.GetSeverity("CR1001"));
        }
        else
        {
            Assert.Throws<KeyNotFoundException>(() => engine.GetSeverity("CR1001"));
        }
    }

    [Fact]
    public void A_rule_disabled_by_default_runs_once_enabled_or_given_a_severity()
    {
        void Add(RuleEngineBuilder b) => b.AddRule("ACME001", r => r.WithTitle("Always").DisabledByDefault().ReportWhen(ConnectionRules.Predicates.Custom("Always", _ => true)));
        Assert.DoesNotContain(Requests.RecommendedEngine(Add).Rules, r => r.Id == "ACME001");
        Assert.Contains(Requests.RecommendedEngine(b => { Add(b); b.Enable("ACME001"); }).Rules, r => r.Id == "ACME001");
        Assert.Equal(Severity.Error, Requests.RecommendedEngine(b => { Add(b); b.SetSeverity("ACME001", Severity.Error); }).GetSeverity("ACME001"));
    }

    [Fact]
    public void A_fluent_rule_reports_its_message_at_its_location_with_its_severity()
    {
        var engine = Requests.RecommendedEngine(b => b.AddRule("ACME001", rule => rule
            .WithTitle("Recruiter without a role")
            .WithMessage("Recruiter note does not name a role {or position}")
            .WithCategory("Recruiting")
            .WithSeverity(Severity.Warning)
            .ReportWhen(ConnectionRules.Predicates.HeadlineContains("recruit") & !ConnectionRules.Predicates.NoteContains("role", "position"), "note")));
        var request = Requests.Clean() with { Sender = Requests.Clean().Sender with { Headline = "Senior Recruiter" } };

        var diagnostic = Assert.Single(engine.Evaluate(request).Diagnostics);
        Assert.Equal(("ACME001", Severity.Warning, "Recruiter note does not name a role {or position}", "note"), (diagnostic.Id, diagnostic.Severity, diagnostic.Message, diagnostic.Location));
        Assert.Equal("Recruiting", diagnostic.Descriptor.Category);
        Assert.Equal("HeadlineContains(\"recruit\") & !NoteContains(\"role\", \"position\")", diagnostic.Descriptor.Description);
        Assert.Equal(Verdict.Review, engine.Evaluate(request).Verdict);
    }

    [Fact]
    public void Suppressed_diagnostics_stay_visible_but_no_longer_drive_the_verdict()
    {
        var pitch = Requests.Accepted() with { Sender = Requests.Clean().Sender with { Name = "Ann Lee" }, Messages = [Requests.FromSender(TimeSpan.FromHours(2), "We help startups cut cloud costs. Free consultation this week?")] };
        var engine = Requests.RecommendedEngine(b => b.Suppress("CR2001", ConnectionRules.Predicates.Custom("Existing customer", r => r.Sender.Name == "Ann Lee"), "Ann is a customer"));

        var evaluation = engine.Evaluate(pitch);

        var diagnostic = Assert.Single(evaluation.Diagnostics);
        Assert.Equal("CR2001", diagnostic.Id);
        Assert.True(diagnostic.IsSuppressed);
        Assert.Equal("Ann is a customer", diagnostic.Justification);
        Assert.Equal(Verdict.Accept, evaluation.Verdict);
        Assert.Equal(Verdict.Disconnect, engine.Evaluate(pitch with { Sender = pitch.Sender with { Name = "Bob" } }).Verdict);
    }

    [Fact]
    public void Build_reports_every_problem_in_one_exception()
    {
        var builder = new RuleEngineBuilder()
            .AddRecommendedRules()
            .AddRule("acme1", r => r.WithTitle("Bad id").ReportWhen(ConnectionRules.Predicates.KnownOffline))
            .AddRule("ACME002", r => r.WithMessage("No title, no predicate"))
            .AddRule(new ThrowingDescriptorRule())
            .AddRule(new NamedRule("CR1001"))
            .SetSeverity("CR9999", Severity.Error)
            .SetSeverity("CR1002", (Severity)42)
            .SetCategorySeverity("Recruiting", Severity.Warning)
            .Disable("XX123")
            .Suppress("CR8888", ConnectionRules.Predicates.KnownOffline, "met")
            .Configure(o => o.PitchWindow = TimeSpan.FromHours(-1));

        var exception = Assert.Throws<RuleEngineBuildException>(builder.Build);

        Assert.Equal(
            [
                "AddRule(\"acme1\"): the id is malformed; an id is two or more capital letters followed by three or more digits, such as 'ACME001'.",
                "AddRule(\"ACME002\"): the rule has no title; call WithTitle(...).",
                "AddRule(\"ACME002\"): the rule never reports; call ReportWhen(predicate).",
                "Rule ConnectionRules.Tests.Engine.RuleEngineBuilderTests+ThrowingDescriptorRule: reading its Descriptor threw InvalidOperationException: not ready",
                "Rule id 'CR1001' is used twice: by ConnectionRules.MissingNoteRule and by ConnectionRules.Tests.Engine.RuleEngineBuilderTests+NamedRule; ids must be unique.",
                "SetSeverity(\"CR9999\", Error) names rule 'CR9999', which is not among the engine's rules (CR0001, CR0002, CR1001, CR1002, CR1003, CR2001, CR2002, CR2003, CR2004, CR3001, CR3002, CR3003).",
                "SetSeverity(\"CR1002\", 42): 42 is not a defined Severity.",
                "Disable(\"XX123\") names rule 'XX123', which is not among the engine's rules (CR0001, CR0002, CR1001, CR1002, CR1003, CR2001, CR2002, CR2003, CR2004, CR3001, CR3002, CR3003).",
                "SetCategorySeverity(\"Recruiting\", Warning) names category 'Recruiting', which no rule has (Authenticity, Conduct, Engine, Request).",
                "Suppress(\"CR8888\", KnownOffline, ...) names rule 'CR8888', which is not among the engine's rules (CR0001, CR0002, CR1001, CR1002, CR1003, CR2001, CR2002, CR2003, CR2004, CR3001, CR3002, CR3003).",
                "Options.PitchWindow is -01:00:00: a window cannot be negative; use a positive duration such as 2.00:00:00.",
            ],
            exception.Errors);
        Assert.StartsWith("The rule engine configuration has 11 problems:", exception.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ArgumentException>(exception);
    }

    [Fact]
    public void Settings_of_a_rule_that_failed_to_build_are_not_reported_again_as_naming_an_unknown_rule()
    {
        // The rule's own problem is the one to fix; its severity, suppression and category are fine as written.
        var builder = new RuleEngineBuilder()
            .AddRule("ACME001", r => r.WithMessage("No title").WithCategory("Sales").ReportWhen(ConnectionRules.Predicates.KnownOffline))
            .SetSeverity("ACME001", Severity.Error)
            .Suppress("ACME001", ConnectionRules.Predicates.KnownOffline, "met")
            .SetCategorySeverity("Sales", Severity.Warning);

        var exception = Assert.Throws<RuleEngineBuildException>(builder.Build);

        Assert.Equal(["AddRule(\"ACME001\"): the rule has no title; call WithTitle(...)."], exception.Errors);
    }

    [Fact]
    public void A_fluent_rule_whose_id_is_used_twice_is_named_by_its_AddRule_call()
    {
        var builder = new RuleEngineBuilder()
            .AddRule("ACME001", r => r.WithTitle("First").ReportWhen(ConnectionRules.Predicates.KnownOffline))
            .AddRule("ACME001", r => r.WithTitle("Second").ReportWhen(ConnectionRules.Predicates.KnownOffline));

        var exception = Assert.Throws<RuleEngineBuildException>(builder.Build);

        Assert.Equal(
            ["Rule id 'ACME001' is used twice: by AddRule(\"ACME001\", ...) and by AddRule(\"ACME001\", ...); ids must be unique."],
            exception.Errors);
    }

    [Fact]
    public void A_builder_builds_once()
    {
        var builder = new RuleEngineBuilder();
        builder.Build();
        Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Throws<InvalidOperationException>(() => builder.AddRecommendedRules());
        Assert.Throws<InvalidOperationException>(() => builder.SetSeverity("CR0001", Severity.Error));
    }

    [Fact]
    public void The_built_engine_is_immutable()
    {
        var builder = new RuleEngineBuilder().Configure(o => o.PitchWindow = TimeSpan.FromHours(48));
        var engine = builder.Build();
        Assert.Equal(TimeSpan.FromHours(48), engine.Options.PitchWindow);
        Assert.True(engine.Options.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => engine.Options.PitchWindow = TimeSpan.Zero);
        Assert.IsAssignableFrom<IReadOnlyList<RuleDescriptor>>(engine.Rules);
        Assert.False(engine.Rules is List<RuleDescriptor>);
    }

    [Fact]
    public void The_default_pitch_detector_is_used_unless_replaced()
    {
        Assert.Same(DefaultPitchDetector.Instance, new RuleEngineBuilder().Build().PitchDetector);
        var mine = new PhraseDetector("pineapple");
        var engine = Requests.RecommendedEngine(b => b.UsePitchDetector(mine));
        Assert.Same(mine, engine.PitchDetector);
        var diagnostic = Assert.Single(engine.Evaluate(Requests.Clean() with { Note = "Hi Sam, want a pineapple?" }).Diagnostics);
        Assert.Equal(("CR1003", "The note is a sales pitch (\"pineapple\")"), (diagnostic.Id, diagnostic.Message));
    }

    [Fact]
    public void A_custom_verdict_policy_decides_the_verdict()
    {
        var engine = Requests.RecommendedEngine(b => b.UseVerdictPolicy(new StrictPolicy()));
        Assert.Equal(Verdict.Accept, engine.Evaluate(Requests.Clean()).Verdict);
        Assert.Equal(Verdict.Decline, engine.Evaluate(NoNoteStranger()).Verdict);
    }

    [Fact]
    public void Null_arguments_are_rejected_with_their_name()
    {
        var builder = new RuleEngineBuilder();
        Assert.Equal("rule", Assert.Throws<ArgumentNullException>(() => builder.AddRule(null!)).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => builder.AddRule("ACME001", null!)).ParamName);
        Assert.Equal("ruleId", Assert.Throws<ArgumentNullException>(() => builder.SetSeverity(null!, Severity.Error)).ParamName);
        Assert.Equal("category", Assert.Throws<ArgumentNullException>(() => builder.SetCategorySeverity(null!, Severity.Error)).ParamName);
        Assert.Equal("when", Assert.Throws<ArgumentNullException>(() => builder.Suppress("CR1001", null!, "x")).ParamName);
        Assert.Equal("justification", Assert.Throws<ArgumentException>(() => builder.Suppress("CR1001", ConnectionRules.Predicates.KnownOffline, " ")).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => builder.Configure(null!)).ParamName);
        Assert.Equal("pitchDetector", Assert.Throws<ArgumentNullException>(() => builder.UsePitchDetector(null!)).ParamName);
        Assert.Equal("timeProvider", Assert.Throws<ArgumentNullException>(() => builder.UseTimeProvider(null!)).ParamName);
        Assert.Equal("verdictPolicy", Assert.Throws<ArgumentNullException>(() => builder.UseVerdictPolicy(null!)).ParamName);
    }

    [Fact]
    public void A_mistake_in_a_descriptor_held_in_a_static_field_is_reported_with_its_cause_not_the_type_initializer()
    {
        var exception = Assert.Throws<RuleEngineBuildException>(new RuleEngineBuilder().AddRule(new MalformedIdRule()).Build);

        var error = Assert.Single(exception.Errors);
        Assert.StartsWith("Rule ConnectionRules.Tests.Engine.RuleEngineBuilderTests+MalformedIdRule: reading its Descriptor threw ArgumentException: Rule id 'acme-12' is malformed", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docs/rules/ACME001.md")]
    [InlineData("/docs/rules/ACME001.md")]
    [InlineData("C:\\docs\\ACME001.md")]
    [InlineData("www.example.com/rules/ACME001")]
    [InlineData("see the wiki")]
    [InlineData(" https://example.com/rules/ACME001")]
    [InlineData("https://example.com/rules/ACME001 ")]
    [InlineData("https://example.com/a b")]
    [InlineData("https://example.com/a\nb")]
    [InlineData("javascript:alert(1)")]
    [InlineData("mailto:rules@example.com")]
    public void A_help_link_that_is_not_an_absolute_web_or_file_uri_is_reported_by_build_naming_the_rule(string link)
    {
        var expected = $"Rule 'ACME001': its help link \"{link}\" is not an absolute http, https or file URI; give the full address, such as 'https://example.com/rules/ACME001', or none.";

        var fluent = Assert.Throws<RuleEngineBuildException>(new RuleEngineBuilder()
            .AddRule("ACME001", r => r.WithTitle("Title").WithHelpLink(link).ReportWhen(ConnectionRules.Predicates.KnownOffline)).Build);
        Assert.Equal(expected, Assert.Single(fluent.Errors));

        // A rule class's descriptor is built as given, so a static field of it never fails its type's initializer; the
        // rule is known by its id to configuration, and Build names the link.
        var builder = new RuleEngineBuilder().AddRule(new LinkedRule(link)).SetSeverity("ACME001", Severity.Error);
        Assert.True(builder.HasRule("ACME001"));
        Assert.Equal(expected, Assert.Single(Assert.Throws<RuleEngineBuildException>(builder.Build).Errors));
    }

    [Theory]
    [InlineData("https://example.com/rules/ACME001")]
    [InlineData("HTTPS://example.com/rules/ACME001")]
    [InlineData("http://wiki.internal/rules/ACME001")]
    [InlineData("file:///srv/docs/rules/ACME001.md")]
    public void An_absolute_web_or_file_help_link_is_kept_as_given(string link)
    {
        var engine = new RuleEngineBuilder()
            .AddRule("ACME001", r => r.WithTitle("Title").WithHelpLink(link).ReportWhen(ConnectionRules.Predicates.KnownOffline))
            .AddRule(new LinkedRule(link, "ACME002"))
            .Build();

        Assert.Equal(link, engine.Rules.Single(r => r.Id == "ACME001").HelpLinkUri);
        Assert.Equal(link, engine.Rules.Single(r => r.Id == "ACME002").HelpLinkUri);
    }

    [Fact]
    public void Null_or_blank_arguments_of_a_fluent_rule_are_reported_by_build_with_every_other_problem()
    {
        var builder = new RuleEngineBuilder()
            .AddRule("ACME020", r => r.WithTitle(" ").WithMessage("").WithCategory(null!).ReportWhen(ConnectionRules.Predicates.KnownOffline))
            .AddRule("ACME021", r => r.WithTitle("Fine").WithDescription("\t").WithHelpLink("").ReportWhen(null!))
            .AddRule("ACME022", r => r.WithTitle("Fine").ReportWhen(ConnectionRules.Predicates.KnownOffline));

        var exception = Assert.Throws<RuleEngineBuildException>(builder.Build);

        Assert.Equal(
            [
                "AddRule(\"ACME020\"): WithCategory was given a null or blank text; give it one, or leave the call out for the default.",
                "AddRule(\"ACME020\"): WithMessage was given a null or blank text; give it one, or leave the call out for the default.",
                "AddRule(\"ACME020\"): WithTitle was given a null or blank title; a rule needs one.",
                "AddRule(\"ACME021\"): ReportWhen was given a null predicate; give it the condition under which the rule reports.",
                "AddRule(\"ACME021\"): WithDescription was given a null or blank text; give it one, or leave the call out for the default.",
                "AddRule(\"ACME021\"): WithHelpLink was given a null or blank text; give it one, or leave the call out for the default.",
            ],
            exception.Errors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_later_good_argument_replaces_an_earlier_null_or_blank_one_as_any_value_does()
    {
        var engine = new RuleEngineBuilder()
            .AddRule("ACME020", r => r.WithTitle(null!).WithTitle("Good").ReportWhen(null!).ReportWhen(null!).ReportWhen(ConnectionRules.Predicates.KnownOffline))
            .Build();

        Assert.Equal("Good", Assert.Single(engine.Rules, rule => rule.Id == "ACME020").Title);
    }

    private sealed class MalformedIdRule : ConnectionRule
    {
        private static readonly RuleDescriptor Rule = new("acme-12", "Bad id", "bad", "Sales", Severity.Info);

        public override RuleDescriptor Descriptor => Rule;

        public override void Evaluate(RuleContext context)
        {
        }
    }

    private sealed class ThrowingDescriptorRule : ConnectionRule
    {
        public override RuleDescriptor Descriptor => throw new InvalidOperationException("not ready");

        public override void Evaluate(RuleContext context)
        {
        }
    }

    private sealed class LinkedRule(string link, string id = "ACME001") : ConnectionRule
    {
        public override RuleDescriptor Descriptor { get; } = new(id, "Linked", "Linked", "Custom", Severity.Warning, helpLinkUri: link);

        public override void Evaluate(RuleContext context)
        {
        }
    }

    private sealed class NamedRule(string id) : ConnectionRule
    {
        public override RuleDescriptor Descriptor { get; } = new(id, "Named", "Named", "Custom", Severity.Info);

        public override void Evaluate(RuleContext context)
        {
        }
    }


    private sealed class StrictPolicy : IVerdictPolicy
    {
        public Verdict Decide(ConnectionRequest request, IReadOnlyList<Diagnostic> diagnostics) =>
            diagnostics.Any(d => !d.IsSuppressed && d.Severity >= Severity.Info) ? Verdict.Decline : Verdict.Accept;
    }
}
