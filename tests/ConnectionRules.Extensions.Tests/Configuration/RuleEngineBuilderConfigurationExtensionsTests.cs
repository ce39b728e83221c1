using ConnectionRules.Tests.Support;
using ConnectionRules.Extensions.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace ConnectionRules.Extensions.Tests.Configuration;

/// <summary>ApplyConfiguration: what each key and severity word does, precedence, and the exact text of every error.</summary>
public sealed class RuleEngineBuilderConfigurationExtensionsTests
{
    private const string ExpectedWords = "expected one of none, silent, suggestion, warning, error, default (or hidden, info).";
    private const string ExpectedKeys = "expected one of PitchWindow, YoungAccountAge, FewConnections, MassInvitationsPerWeek, MassConnectionCount, RepeatedMessageCount, UnansweredMessageCount, Rules, Categories.";
    private const string ExpectedDuration = "expected [days.]hours:minutes[:seconds], e.g. 3.00:00:00 for 3 days or 12:00:00 for 12 hours.";
    private const string BuiltInRules = "CR0001, CR0002, CR1001, CR1002, CR1003, CR2001, CR2002, CR2003, CR2004, CR3001, CR3002, CR3003";

    private static RuleEngine Build(IConfiguration section, Action<RuleEngineBuilder>? code = null)
    {
        var builder = new RuleEngineBuilder().AddRecommendedRules();
        code?.Invoke(builder);
        return builder.ApplyConfiguration(section).Build();
    }

    private static Severity? SeverityOf(RuleEngine engine, string id) =>
        engine.Rules.Any(r => r.Id == id) ? engine.GetSeverity(id) : null;

    private static RuleEngineBuildException Rejects(IConfiguration section, RuleEngineBuilder? builder = null) =>
        Assert.Throws<RuleEngineBuildException>(() => (builder ?? new RuleEngineBuilder().AddRecommendedRules()).ApplyConfiguration(section));

    public static TheoryData<string, Severity?> Words => new()
    {
        { "none", null },
        { "NONE", null },
        { "silent", Severity.Hidden },
        { "hidden", Severity.Hidden },
        { "suggestion", Severity.Info },
        { "Info", Severity.Info },
        { "warning", Severity.Warning },
        { "error", Severity.Error },
        { "Error", Severity.Error },
        { " error ", Severity.Error },
    };

    [Theory]
    [MemberData(nameof(Words))]
    public void A_severity_word_on_a_rule_sets_its_severity(string word, Severity? expected)
    {
        // CR1001 is Info by default, so every word but "suggestion"/"info" changes it.
        var engine = Build(Sections.InMemory(("Rules:CR1001", word)));
        Assert.Equal(expected, SeverityOf(engine, "CR1001"));
        Assert.Equal(Severity.Warning, SeverityOf(engine, "CR1002"));
    }

    [Theory]
    [MemberData(nameof(Words))]
    public void A_severity_word_on_a_category_sets_the_severity_of_its_rules(string word, Severity? expected)
    {
        var engine = Build(Sections.InMemory(("Categories:Request", word)));
        Assert.Equal([expected, expected, expected], new[] { "CR1001", "CR1002", "CR1003" }.Select(id => SeverityOf(engine, id)));
        Assert.Equal(Severity.Error, SeverityOf(engine, "CR2001"));
    }

    [Fact]
    public void Default_on_a_rule_gives_back_its_descriptor_severity_whatever_the_code_set()
    {
        var engine = Build(
            Sections.InMemory(("Rules:CR1001", "default"), ("Rules:CR1002", "Default"), ("Rules:CR1003", "default")),
            code => code.SetSeverity("CR1001", Severity.Error).Disable("CR1002").SetCategorySeverity("Request", Severity.Hidden));
        Assert.Equal(Severity.Info, SeverityOf(engine, "CR1001"));
        Assert.Equal(Severity.Warning, SeverityOf(engine, "CR1002"));
        Assert.Equal(Severity.Error, SeverityOf(engine, "CR1003"));
    }

    [Fact]
    public void Default_on_a_rule_keeps_a_rule_that_is_disabled_by_default_off()
    {
        var engine = Build(
            Sections.InMemory(("Rules:ACME001", "default")),
            code => code.AddRule("ACME001", rule => rule.WithTitle("Opt-in").DisabledByDefault().ReportWhen(ConnectionRules.Predicates.KnownOffline)));
        Assert.Null(SeverityOf(engine, "ACME001"));
    }

    [Fact]
    public void Default_on_a_category_undoes_a_category_setting_in_code_so_its_rules_get_their_descriptor_severities()
    {
        var section = Sections.InMemory(("Categories:Request", "default"));
        var untouched = Build(section);
        Assert.Equal([Severity.Info, Severity.Warning, Severity.Error], new[] { "CR1001", "CR1002", "CR1003" }.Select(id => SeverityOf(untouched, id)));

        var coded = Build(section, code => code.SetCategorySeverity("Request", Severity.Hidden).SetSeverity("CR1003", Severity.Warning));
        Assert.Equal([Severity.Info, Severity.Warning, Severity.Warning], new[] { "CR1001", "CR1002", "CR1003" }.Select(id => SeverityOf(coded, id)));
    }

    public static TheoryData<string, (string, string?)[], Action<RuleEngineBuilder>, string, Severity?> Precedence => new()
    {
        { "category beats the default", [("Categories:Conduct", "suggestion")], _ => { }, "CR2001", Severity.Info },
        { "rule beats category", [("Categories:Request", "error"), ("Rules:CR1001", "silent")], _ => { }, "CR1001", Severity.Hidden },
        { "the category still reaches the other rules", [("Categories:Request", "error"), ("Rules:CR1001", "silent")], _ => { }, "CR1002", Severity.Error },
        { "a rule stays on in a category that is off", [("Categories:Request", "none"), ("Rules:CR1001", "warning")], _ => { }, "CR1001", Severity.Warning },
        { "a category that is off", [("Categories:Request", "none"), ("Rules:CR1001", "warning")], _ => { }, "CR1002", null },
        { "configuration beats code on a rule", [("Rules:CR1001", "error")], b => b.SetSeverity("CR1001", Severity.Hidden), "CR1001", Severity.Error },
        { "configuration beats code on a category", [("Categories:Request", "warning")], b => b.SetCategorySeverity("Request", Severity.Hidden), "CR1001", Severity.Warning },
        { "configuration turns on a rule the code turned off", [("Rules:CR1001", "error")], b => b.Disable("CR1001"), "CR1001", Severity.Error },
        { "a rule set in code beats a category set in configuration", [("Categories:Request", "error")], b => b.SetSeverity("CR1001", Severity.Hidden), "CR1001", Severity.Hidden },
        { "a rule set in configuration beats a category set in code", [("Rules:CR1001", "warning")], b => b.DisableCategory("Request"), "CR1001", Severity.Warning },
    };

    [Theory]
    [MemberData(nameof(Precedence))]
    public void A_rule_setting_beats_a_category_setting_which_beats_the_default(string _, (string, string?)[] values, Action<RuleEngineBuilder> code, string id, Severity? expected) =>
        Assert.Equal(expected, SeverityOf(Build(Sections.InMemory(values), code), id));

    [Fact]
    public void Every_option_is_read_by_its_name()
    {
        var options = Build(Sections.InMemory(
            ("PitchWindow", "2.00:00:00"),
            ("YoungAccountAge", "14.00:00:00"),
            ("FewConnections", "5"),
            ("MassInvitationsPerWeek", "250"),
            ("MassConnectionCount", "30000"),
            ("RepeatedMessageCount", "2"),
            ("UnansweredMessageCount", "6"))).Options;
        Assert.Equal(
            (TimeSpan.FromHours(48), TimeSpan.FromDays(14), 5, 250, 30_000, 2, 6),
            (options.PitchWindow, options.YoungAccountAge, options.FewConnections, options.MassInvitationsPerWeek, options.MassConnectionCount, options.RepeatedMessageCount, options.UnansweredMessageCount));
    }

    [Fact]
    public void The_pitch_window_changes_what_counts_as_connect_and_sell()
    {
        // A pitch 50 hours after acceptance: inside the default 72 hours, outside a 2-day window.
        var request = Requests.Clean() with
        {
            AcceptedAt = Requests.Now.AddDays(-9),
            Messages = [new Message(Requests.Now.AddDays(-9).AddHours(50), "I'd love to show you a quick demo of our platform.")],
        };
        Assert.Contains(Build(Sections.InMemory()).Evaluate(request).Diagnostics, d => d.Id == "CR2001");
        Assert.DoesNotContain(Build(Sections.InMemory(("PitchWindow", "2.00:00:00"))).Evaluate(request).Diagnostics, d => d.Id == "CR2001");
    }

    [Fact]
    public void Keys_ids_categories_and_words_are_case_insensitive()
    {
        var engine = Build(Sections.InMemory(("pitchwindow", "1.00:00:00"), ("rules:cr1001", "ERROR"), ("CATEGORIES:authenticity", "Warning")));
        Assert.Equal(TimeSpan.FromDays(1), engine.Options.PitchWindow);
        Assert.Equal(Severity.Error, engine.GetSeverity("CR1001"));
        Assert.Equal(Severity.Warning, engine.GetSeverity("CR3001"));
    }

    [Fact]
    public void An_absent_or_empty_section_changes_nothing()
    {
        var absent = Build(new ConfigurationBuilder().Build().GetSection("ConnectionRules"));
        var empty = Build(Sections.Json("""{ "ConnectionRules": { "Rules": {}, "Categories": {} } }"""));
        var plain = new RuleEngineBuilder().AddRecommendedRules().Build();
        foreach (var engine in new[] { absent, empty })
        {
            Assert.Equal(plain.Rules, engine.Rules);
            Assert.Equal(plain.Rules.Select(r => plain.GetSeverity(r.Id)), engine.Rules.Select(r => engine.GetSeverity(r.Id)));
            Assert.Equal(plain.Options.PitchWindow, engine.Options.PitchWindow);
        }
    }

    [Fact]
    public void The_specification_example_in_json_configures_the_engine()
    {
        var engine = Build(Sections.Json("""
            {
              "ConnectionRules": {
                "PitchWindow": "2.00:00:00",
                "Rules": { "CR1001": "error", "CR3002": "none" },
                "Categories": { "Authenticity": "warning" }
              }
            }
            """));
        Assert.Equal(TimeSpan.FromHours(48), engine.Options.PitchWindow);
        Assert.Equal(Severity.Error, SeverityOf(engine, "CR1001"));
        Assert.Null(SeverityOf(engine, "CR3002"));
        Assert.Equal(Severity.Warning, SeverityOf(engine, "CR3001"));
        Assert.Equal(Severity.Warning, SeverityOf(engine, "CR3003"));
    }

    [Fact]
    public void Json_numbers_are_read_as_counts_but_not_as_durations()
    {
        Assert.Equal(5, Build(Sections.Json("""{ "ConnectionRules": { "FewConnections": 5 } }""")).Options.FewConnections);
        var error = Assert.Single(Rejects(Sections.Json("""{ "ConnectionRules": { "PitchWindow": 48 } }""")).Errors);
        Assert.Equal($"ConnectionRules:PitchWindow = \"48\": not a duration; {ExpectedDuration}", error);
    }

    [Fact]
    public void Json_null_and_nested_objects_are_not_severities()
    {
        var errors = Rejects(Sections.Json("""{ "ConnectionRules": { "Rules": { "CR1001": null, "CR1002": { "Severity": "error" }, "CR1003": true } } }""")).Errors;
        Assert.Equal(
            [
                $"ConnectionRules:Rules:CR1001 (no value): not a severity; {ExpectedWords}",
                $"ConnectionRules:Rules:CR1002 (a section): not a severity; {ExpectedWords}",
                $"ConnectionRules:Rules:CR1003 = \"True\": not a severity; {ExpectedWords}",
            ],
            errors);
    }

    [Fact]
    public void A_rule_or_category_the_application_adds_is_known_by_its_id_and_category()
    {
        var engine = Build(
            Sections.InMemory(("Rules:ACME001", "error"), ("Categories:recruiting", "none")),
            code => code
                .AddRule("ACME001", rule => rule.WithTitle("One").WithCategory("Marketing").ReportWhen(ConnectionRules.Predicates.KnownOffline))
                .AddRule("ACME002", rule => rule.WithTitle("Two").WithCategory("Recruiting").ReportWhen(ConnectionRules.Predicates.KnownOffline)));
        Assert.Equal(Severity.Error, SeverityOf(engine, "ACME001"));
        Assert.Null(SeverityOf(engine, "ACME002"));
    }

    public static TheoryData<string, string?, string> Errors => new()
    {
        { "Rules:CR1001", "eror", $"ConnectionRules:Rules:CR1001 = \"eror\": not a severity; {ExpectedWords}" },
        { "Rules:CR1001", "", $"ConnectionRules:Rules:CR1001 = \"\": not a severity; {ExpectedWords}" },
        { "Rules:CR1001", null, $"ConnectionRules:Rules:CR1001 (no value): not a severity; {ExpectedWords}" },
        { "Rules:CR1001:Severity", "error", $"ConnectionRules:Rules:CR1001 (a section): not a severity; {ExpectedWords}" },
        { "Rules:CR9999", "error", $"ConnectionRules:Rules:CR9999 = \"error\": unknown rule id; the engine has the built-in rules {BuiltInRules} and the rules the application adds, which it must add before applying the configuration." },
        { "Rules:CR101", "error", $"ConnectionRules:Rules:CR101 = \"error\": unknown rule id (did you mean CR1001?); the engine has the built-in rules {BuiltInRules} and the rules the application adds, which it must add before applying the configuration." },
        { "Rules", "error", "ConnectionRules:Rules = \"error\": not a section; expected rule ids with their severities, e.g. \"Rules\": { \"CR1001\": \"error\" }." },
        { "Categories:Request", "loud", $"ConnectionRules:Categories:Request = \"loud\": not a severity; {ExpectedWords}" },
        { "Categories:Authenticty", "warning", "ConnectionRules:Categories:Authenticty = \"warning\": unknown category (did you mean Authenticity?); the engine has the built-in categories Engine, Request, Conduct, Authenticity and the categories of the rules the application adds, which it must add before applying the configuration." },
        { "Categories:Marketing", "error", "ConnectionRules:Categories:Marketing = \"error\": unknown category; the engine has the built-in categories Engine, Request, Conduct, Authenticity and the categories of the rules the application adds, which it must add before applying the configuration." },
        { "Categories", "warning", "ConnectionRules:Categories = \"warning\": not a section; expected categories with their severities, e.g. \"Categories\": { \"Authenticity\": \"warning\" }." },
        { "PitchWindo", "2.00:00:00", $"ConnectionRules:PitchWindo: unknown setting (did you mean PitchWindow?); {ExpectedKeys}" },
        { "Rule:CR1001", "error", $"ConnectionRules:Rule (a section): unknown setting (did you mean Rules?); {ExpectedKeys}" },
        { "Verbosity", "high", $"ConnectionRules:Verbosity: unknown setting; {ExpectedKeys}" },
        { "Rules:0", "CR1001", "ConnectionRules:Rules is a list; expected rule ids with their severities, e.g. \"Rules\": { \"CR1001\": \"error\" }." },
        { "Categories:0", "Authenticity", "ConnectionRules:Categories is a list; expected categories with their severities, e.g. \"Categories\": { \"Authenticity\": \"warning\" }." },
        { "PitchWindow", "48", $"ConnectionRules:PitchWindow = \"48\": not a duration; {ExpectedDuration}" },
        { "PitchWindow", "2 days", $"ConnectionRules:PitchWindow = \"2 days\": not a duration; {ExpectedDuration}" },
        { "PitchWindow", "72:00:00", $"ConnectionRules:PitchWindow = \"72:00:00\": not a duration (hours run from 0 to 23: write 72 hours as 3.00:00:00); {ExpectedDuration}" },
        { "YoungAccountAge", "36:30", $"ConnectionRules:YoungAccountAge = \"36:30\": not a duration (hours run from 0 to 23: write 36 hours as 1.12:30:00); {ExpectedDuration}" },
        { "PitchWindow", "1:00:00:00", $"ConnectionRules:PitchWindow = \"1:00:00:00\": not a duration; {ExpectedDuration}" },
        { "PitchWindow:Hours", "48", $"ConnectionRules:PitchWindow (a section): not a duration; {ExpectedDuration}" },
        { "PitchWindow", "-1.00:00:00", $"ConnectionRules:PitchWindow = \"-1.00:00:00\": a duration cannot be negative; {ExpectedDuration}" },
        { "YoungAccountAge", "-00:00:01", $"ConnectionRules:YoungAccountAge = \"-00:00:01\": a duration cannot be negative; {ExpectedDuration}" },
        { "FewConnections", "ten", "ConnectionRules:FewConnections = \"ten\": not a whole number; expected an integer of 0 or more, e.g. 10." },
        { "FewConnections", "-1", "ConnectionRules:FewConnections = \"-1\": too small; expected an integer of 0 or more, e.g. 10." },
        { "MassInvitationsPerWeek", "1e3", "ConnectionRules:MassInvitationsPerWeek = \"1e3\": not a whole number; expected an integer of 0 or more, e.g. 100." },
        { "MassConnectionCount", "99999999999", "ConnectionRules:MassConnectionCount = \"99999999999\": not a whole number; expected an integer of 1 or more, e.g. 10000." },
        { "RepeatedMessageCount", "1", "ConnectionRules:RepeatedMessageCount = \"1\": too small; expected an integer from 2 to 32, e.g. 3." },
        { "RepeatedMessageCount", "33", "ConnectionRules:RepeatedMessageCount = \"33\": too large; expected an integer from 2 to 32, e.g. 3." },
        { "UnansweredMessageCount", "4.5", "ConnectionRules:UnansweredMessageCount = \"4.5\": not a whole number; expected an integer of 2 or more, e.g. 4." },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void A_bad_value_is_rejected_naming_its_key_and_value(string key, string? value, string expected)
    {
        var exception = Rejects(Sections.InMemory((key, value)));
        Assert.Equal(expected, Assert.Single(exception.Errors));
        Assert.Equal($"The rule engine configuration has a problem: {expected}", exception.Message);
    }

    [Fact]
    public void A_recommended_rule_id_on_a_builder_without_them_says_to_add_them()
    {
        var errors = Rejects(Sections.InMemory(("Rules:CR1001", "error"), ("Rules:ACME001", "error")), new RuleEngineBuilder()).Errors;
        Assert.Equal(
            [
                "ConnectionRules:Rules:ACME001 = \"error\": unknown rule id; the engine has the built-in rules CR0001, CR0002 and the rules the application adds, which it must add before applying the configuration.",
                "ConnectionRules:Rules:CR1001 = \"error\": unknown rule id; CR1001 is a recommended rule, so call AddRecommendedRules() before applying the configuration.",
            ],
            errors);
    }

    [Fact]
    public void A_mistyped_id_of_a_rule_the_application_added_gets_a_suggestion_and_the_list_of_its_rules()
    {
        var builder = new RuleEngineBuilder()
            .AddRule("ACME0001", rule => rule.WithTitle("One").ReportWhen(ConnectionRules.Predicates.KnownOffline))
            .AddRule("ACME0002", rule => rule.WithTitle("Two").ReportWhen(ConnectionRules.Predicates.KnownOffline));
        Assert.Equal(
            "ConnectionRules:Rules:acme001 = \"error\": unknown rule id (did you mean ACME0001?); the engine has the built-in rules CR0001, CR0002 and the rules the application adds, which it must add before applying the configuration (so far ACME0001, ACME0002).",
            Assert.Single(Rejects(Sections.InMemory(("Rules:acme001", "error")), builder).Errors));
    }

    [Fact]
    public void A_mistyped_category_of_the_applications_rules_gets_a_suggestion_and_the_list_of_its_categories()
    {
        var builder = new RuleEngineBuilder()
            .AddRecommendedRules()
            .AddRule("ACME001", rule => rule.WithTitle("One").WithCategory("Recruiting").ReportWhen(ConnectionRules.Predicates.KnownOffline))
            .AddRule("ACME002", rule => rule.WithTitle("Two").WithCategory("Marketing").ReportWhen(ConnectionRules.Predicates.KnownOffline));
        Assert.Equal(
            "ConnectionRules:Categories:Recruting = \"none\": unknown category (did you mean Recruiting?); the engine has the built-in categories Engine, Request, Conduct, Authenticity and the categories of the rules the application adds, which it must add before applying the configuration (so far Marketing, Recruiting).",
            Assert.Single(Rejects(Sections.InMemory(("Categories:Recruting", "none")), builder).Errors));
        Assert.Equal(["Authenticity", "Conduct", "Engine", "Marketing", "Recruiting", "Request"], builder.GetCategories());
    }

    [Fact]
    public void A_malformed_id_the_application_added_is_neither_suggested_nor_listed()
    {
        // Build refuses "acme-12" on its own; configuration does not offer it as the id that was meant.
        var builder = new RuleEngineBuilder()
            .AddRule("acme-12", rule => rule.WithTitle("Bad id").ReportWhen(ConnectionRules.Predicates.KnownOffline))
            .AddRule("ACME0001", rule => rule.WithTitle("One").ReportWhen(ConnectionRules.Predicates.KnownOffline));
        Assert.Equal(
            "ConnectionRules:Rules:acme-1 = \"error\": unknown rule id; the engine has the built-in rules CR0001, CR0002 and the rules the application adds, which it must add before applying the configuration (so far ACME0001).",
            Assert.Single(Rejects(Sections.InMemory(("Rules:acme-1", "error")), builder).Errors));
    }

    [Theory]
    [InlineData(1, " (so far ACME0001)")]
    [InlineData(10, " (so far ACME0001, ACME0002, ACME0003, ACME0004, ACME0005, ACME0006, ACME0007, ACME0008, ACME0009, ACME0010)")]
    [InlineData(11, " (so far 11: ACME0001, ACME0002, ACME0003, ACME0004, ACME0005, ACME0006, ACME0007, ACME0008, ACME0009, ACME0010, ...)")]
    public void An_unknown_rule_id_names_up_to_ten_of_the_applications_rules(int count, string soFar)
    {
        var builder = new RuleEngineBuilder();
        for (var i = 1; i <= count; i++)
        {
            builder.AddRule($"ACME{i:D4}", rule => rule.WithTitle("Rule").ReportWhen(ConnectionRules.Predicates.KnownOffline));
        }

        Assert.Equal(
            $"ConnectionRules:Rules:XYZ9999 = \"error\": unknown rule id; the engine has the built-in rules CR0001, CR0002 and the rules the application adds, which it must add before applying the configuration{soFar}.",
            Assert.Single(Rejects(Sections.InMemory(("Rules:XYZ9999", "error")), builder).Errors));
    }

    [Fact]
    public void The_whole_configuration_instead_of_its_section_is_rejected_with_a_hint()
    {
        var root = new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create<string, string?>("ConnectionRules:Rules:CR1001", "error")])
            .Build();
        Assert.Equal(
            "ConnectionRules (a section): unknown setting; this is the whole configuration, not its \"ConnectionRules\" section: pass configuration.GetSection(\"ConnectionRules\").",
            Assert.Single(Rejects(root).Errors));
    }

    [Fact]
    public void The_whole_configuration_without_a_section_of_settings_is_rejected_naming_its_keys_but_no_value()
    {
        var root = new ConfigurationBuilder()
            .AddInMemoryCollection([.. new[] { "AZURE_CLIENT_SECRET", "PATH", "HOME", "Logging:LogLevel:Default", "AllowedHosts", "urls" }
                .Select(key => KeyValuePair.Create<string, string?>(key, "s3cr3t-value"))])
            .Build();

        var error = Assert.Single(Rejects(root).Errors);

        Assert.Equal(
            "the configuration passed has none of the rule engine's settings (" + ExpectedKeys["expected one of ".Length..^1] + ") at its top, only AllowedHosts, AZURE_CLIENT_SECRET, HOME, Logging, PATH and 1 more: it looks like the whole configuration; pass its section instead, e.g. configuration.GetSection(\"ConnectionRules\").",
            error);
        Assert.DoesNotContain("s3cr3t", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configuration_root_of_the_engine_s_own_settings_is_read_like_a_section()
    {
        static IConfigurationRoot Root(params (string Key, string Value)[] values) =>
            new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create<string, string?>(v.Key, v.Value))).Build();

        var engine = new RuleEngineBuilder().AddRecommendedRules().ApplyConfiguration(Root(("Rules:CR1001", "error"), ("PitchWindow", "1.00:00:00"))).Build();

        Assert.Equal((Severity.Error, TimeSpan.FromDays(1)), (engine.GetSeverity("CR1001"), engine.Options.PitchWindow));
        Assert.Equal(
            $"PitchWindo: unknown setting (did you mean PitchWindow?); {ExpectedKeys}",
            Assert.Single(Rejects(Root(("Rules:CR1001", "error"), ("PitchWindo", "1.00:00:00"))).Errors));
        Assert.Equal(
            $"PitchWindo: unknown setting (did you mean PitchWindow?); {ExpectedKeys}",
            Assert.Single(Rejects(Root(("PitchWindo", "1.00:00:00"))).Errors));
    }

    [Fact]
    public void Numbered_categories_and_a_numbered_key_among_rule_ids_are_not_taken_for_lists()
    {
        var engine = new RuleEngineBuilder()
            .AddRule("ACME001", rule => rule.WithTitle("Yearly").WithCategory("2024").ReportWhen(ConnectionRules.Predicates.KnownOffline))
            .ApplyConfiguration(Sections.Json("""{ "ConnectionRules": { "Categories": { "2024": "error" } } }"""))
            .Build();

        Assert.Equal(Severity.Error, engine.GetSeverity("ACME001"));
        Assert.StartsWith(
            "ConnectionRules:Rules:1 = \"error\": unknown rule id;",
            Assert.Single(Rejects(Sections.Json("""{ "ConnectionRules": { "Rules": { "CR1001": "error", "1": "error" } } }""")).Errors),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_that_is_a_value_is_rejected()
    {
        var section = Sections.Json("""{ "ConnectionRules": "Password=hunter2" }""");

        Assert.Equal(
            "ConnectionRules is a value, not a section; expected the rule engine's settings, e.g. \"ConnectionRules\": { \"PitchWindow\": \"2.00:00:00\", \"Rules\": { \"CR1001\": \"error\" } }.",
            Assert.Single(Rejects(section).Errors));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_and_nothing_is_applied()
    {
        var builder = new RuleEngineBuilder().AddRecommendedRules();
        var exception = Rejects(
            Sections.InMemory(("Rules:CR1002", "error"), ("Rules:CR1001", "eror"), ("PitchWindow", "-1.00:00:00"), ("Categories:Nope", "none"), ("PitchWindow2", "1")),
            builder);

        Assert.Equal(
            [
                "ConnectionRules:Categories:Nope = \"none\": unknown category; the engine has the built-in categories Engine, Request, Conduct, Authenticity and the categories of the rules the application adds, which it must add before applying the configuration.",
                $"ConnectionRules:PitchWindow = \"-1.00:00:00\": a duration cannot be negative; {ExpectedDuration}",
                $"ConnectionRules:PitchWindow2: unknown setting (did you mean PitchWindow?); {ExpectedKeys}",
                $"ConnectionRules:Rules:CR1001 = \"eror\": not a severity; {ExpectedWords}",
            ],
            exception.Errors);
        Assert.StartsWith("The rule engine configuration has 4 problems:", exception.Message, StringComparison.Ordinal);
        Assert.Equal(Severity.Warning, builder.Build().GetSeverity("CR1002"));
    }

    public static TheoryData<string, int> Minimums => new()
    {
        { nameof(RuleEngineOptions.FewConnections), 0 },
        { nameof(RuleEngineOptions.MassInvitationsPerWeek), 0 },
        { nameof(RuleEngineOptions.MassConnectionCount), 1 },
        { nameof(RuleEngineOptions.RepeatedMessageCount), 2 },
        { nameof(RuleEngineOptions.UnansweredMessageCount), 2 },
    };

    [Theory]
    [MemberData(nameof(Minimums))]
    public void The_minimum_of_a_count_is_the_one_the_engine_enforces(string name, int minimum)
    {
        Build(Sections.InMemory((name, minimum.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Throws<RuleEngineBuildException>(() => Build(Sections.InMemory((name, (minimum - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))));

        // The engine itself refuses one less, so configuration never lets through what code could not set.
        var property = typeof(RuleEngineOptions).GetProperty(name)!;
        Assert.Throws<RuleEngineBuildException>(() => new RuleEngineBuilder().Configure(o => property.SetValue(o, minimum - 1)).Build());
        new RuleEngineBuilder().Configure(o => property.SetValue(o, minimum)).Build();
    }

    [Fact]
    public void The_maximum_of_the_repeated_message_count_is_the_one_the_engine_enforces()
    {
        Build(Sections.InMemory((nameof(RuleEngineOptions.RepeatedMessageCount), "32")));
        Assert.Throws<RuleEngineBuildException>(() => Build(Sections.InMemory((nameof(RuleEngineOptions.RepeatedMessageCount), "33"))));

        new RuleEngineBuilder().Configure(o => o.RepeatedMessageCount = 32).Build();
        var exception = Assert.Throws<RuleEngineBuildException>(() => new RuleEngineBuilder().Configure(o => o.RepeatedMessageCount = 33).Build());
        Assert.Contains("Options.RepeatedMessageCount is 33: it must be from 2 to 32.", exception.Errors);
    }

    [Fact]
    public void Null_arguments_are_refused_by_name()
    {
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => RuleEngineBuilderConfigurationExtensions.ApplyConfiguration(null!, Sections.InMemory())).ParamName);
        Assert.Equal("section", Assert.Throws<ArgumentNullException>(() => new RuleEngineBuilder().ApplyConfiguration(null!)).ParamName);
    }
}
