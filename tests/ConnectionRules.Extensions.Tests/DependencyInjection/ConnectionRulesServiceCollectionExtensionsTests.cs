using ConnectionRules.Tests.Support;
using ConnectionRules.Extensions.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConnectionRules.Extensions.Tests.DependencyInjection;

/// <summary>AddConnectionRules: registration, composition order, the container's rules, detector and clock, and start-up.</summary>
public sealed class ConnectionRulesServiceCollectionExtensionsTests
{
    private static readonly string[] RecommendedIds =
        ["CR0001", "CR0002", "CR1001", "CR1002", "CR1003", "CR2001", "CR2002", "CR2003", "CR2004", "CR3001", "CR3002", "CR3003"];

    private static ServiceProvider Provider(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static IRuleEngine Engine(Action<IServiceCollection> register) => Provider(register).GetRequiredService<IRuleEngine>();

    [Fact]
    public void The_engine_is_a_singleton_with_the_recommended_rules()
    {
        using var provider = Provider(services => services.AddConnectionRules());
        var engine = provider.GetRequiredService<IRuleEngine>();
        Assert.Same(engine, provider.GetRequiredService<IRuleEngine>());
        Assert.Equal(RecommendedIds, engine.Rules.Select(r => r.Id));
        Assert.Equal(Verdict.Accept, engine.Evaluate(Requests.Clean()).Verdict);
    }

    [Fact]
    public void The_returned_builder_holds_the_same_services()
    {
        var services = new ServiceCollection();
        Assert.Same(services, services.AddConnectionRules().Services);
    }

    [Fact]
    public void Calling_it_again_is_harmless()
    {
        var section = Sections.InMemory(("Rules:CR1001", "error"));
        var built = 0;
        void Configure(RuleEngineBuilder builder)
        {
            built++;
            builder.AddRule("ACME001", rule => rule.WithTitle("Added once").ReportWhen(ConnectionRules.Predicates.KnownOffline));
        }

        var services = new ServiceCollection();
        Action<RuleEngineBuilder> configure = Configure;
        services.AddConnectionRules();
        services.AddConnectionRules(section, configure).AddRule<ThrowingRule>();
        services.AddConnectionRules(section, configure).AddRule<ThrowingRule>();
        services.AddConnectionRules(configure);
        services.AddConnectionRules(section);

        Assert.Single(services, d => d.ServiceType == typeof(IRuleEngine));
        Assert.Single(services, d => d.ServiceType == typeof(ConnectionRule));
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IRuleEngine>();
        Assert.Equal(1, built);
        Assert.Equal(Severity.Error, engine.GetSeverity("CR1001"));
        Assert.Contains(engine.Rules, r => r.Id == "ACME001");
    }

    [Fact]
    public void Configure_actions_of_several_calls_run_in_order()
    {
        var engine = Engine(services =>
        {
            services.AddConnectionRules(b => b.SetSeverity("CR1001", Severity.Warning));
            services.AddConnectionRules(b => b.SetSeverity("CR1001", Severity.Error));
        });
        Assert.Equal(Severity.Error, engine.GetSeverity("CR1001"));
    }

    [Fact]
    public void A_container_rule_is_built_with_its_dependencies_and_joins_the_engine()
    {
        var engine = Engine(services =>
        {
            services.AddSingleton(new BlockList("Dana Whitfield"));
            services.AddSingleton<ConnectionRule, KnownOfflineRule>();
            services.AddConnectionRules().AddRule<BlockedSenderRule>();
        });

        var diagnostic = Assert.Single(engine.Evaluate(Requests.Clean()).Diagnostics);
        Assert.Equal(("ACME100", "Dana Whitfield is on the block list", "sender.name"), (diagnostic.Id, diagnostic.Message, diagnostic.Location));
        Assert.Contains(engine.Evaluate(Requests.Clean() with { KnownOffline = true }).Diagnostics, d => d.Id == "ACME200");
    }

    [Fact]
    public void Configuration_has_the_last_word_over_code_and_reaches_container_rules()
    {
        var engine = Engine(services =>
        {
            services.AddSingleton(new BlockList());
            services.AddConnectionRules(
                Sections.InMemory(("Rules:CR1001", "error"), ("Rules:ACME100", "none"), ("Categories:Conduct", "warning")),
                b => b.SetSeverity("CR1001", Severity.Hidden).SetCategorySeverity("Conduct", Severity.Info))
                .AddRule<BlockedSenderRule>();
        });
        Assert.Equal(Severity.Error, engine.GetSeverity("CR1001"));
        Assert.Equal(Severity.Warning, engine.GetSeverity("CR2001"));
        Assert.DoesNotContain(engine.Rules, r => r.Id == "ACME100");
    }

    [Fact]
    public void The_container_pitch_detector_replaces_the_default_one()
    {
        var request = Requests.Accepted() with { Messages = [Requests.FromSender(TimeSpan.FromHours(1), "Have you tried banana bread?")] };
        Assert.DoesNotContain(Engine(s => s.AddConnectionRules()).Evaluate(request).Diagnostics, d => d.Id == "CR2001");

        var engine = Engine(services => services.AddSingleton<IPitchDetector>(new WordPitchDetector("banana")).AddConnectionRules());
        Assert.Contains(engine.Evaluate(request).Diagnostics, d => d.Id == "CR2001");
    }

    [Fact]
    public void The_container_clock_is_the_engine_clock()
    {
        // An account five days old at the test's "now", without a photo: a likely fake profile (CR3001) then, not a year later.
        var request = Requests.Clean() with { Sender = Requests.Clean().Sender with { MemberSince = Requests.Now.AddDays(-5), HasPhoto = false } };
        var then = Engine(services => services.AddSingleton<TimeProvider>(new FixedTimeProvider(Requests.Now)).AddConnectionRules());
        var later = Engine(services => services.AddSingleton<TimeProvider>(new FixedTimeProvider(Requests.Now.AddYears(1))).AddConnectionRules());
        Assert.Contains(then.Evaluate(request).Diagnostics, d => d.Id == "CR3001");
        Assert.DoesNotContain(later.Evaluate(request).Diagnostics, d => d.Id == "CR3001");
    }

    [Fact]
    public void Without_a_host_resolving_the_engine_reports_every_problem_of_configuration_and_code()
    {
        using var provider = Provider(services => services.AddConnectionRules(
            Sections.InMemory(("Rules:CR1001", "eror"), ("PitchWindo", "1.00:00:00")),
            b => b.Suppress("CR9999", ConnectionRules.Predicates.KnownOffline, "Friends")));
        var exception = Assert.Throws<RuleEngineBuildException>(provider.GetRequiredService<IRuleEngine>);
        Assert.Equal(3, exception.Errors.Count);
        Assert.StartsWith("ConnectionRules:PitchWindo: unknown setting (did you mean PitchWindow?)", exception.Errors[0], StringComparison.Ordinal);
        Assert.Equal("ConnectionRules:Rules:CR1001 = \"eror\": not a severity; expected one of none, silent, suggestion, warning, error, default (or hidden, info).", exception.Errors[1]);
        Assert.StartsWith("Suppress(\"CR9999\", KnownOffline, ...) names rule 'CR9999'", exception.Errors[2], StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_section_passed_twice_reports_each_problem_once()
    {
        // GetSection returns a new instance on each call, so two registrations of "the same" section are two instances.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create<string, string?>("ConnectionRules:Rules:CR1001", "eror")])
            .Build();
        var services = new ServiceCollection();
        services.AddConnectionRules(configuration.GetSection("ConnectionRules"));
        services.AddConnectionRules(configuration.GetSection("ConnectionRules"));
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<RuleEngineBuildException>(provider.GetRequiredService<IRuleEngine>);
        Assert.Equal(["ConnectionRules:Rules:CR1001 = \"eror\": not a severity; expected one of none, silent, suggestion, warning, error, default (or hidden, info)."], exception.Errors);
    }

    [Fact]
    public void Environment_variables_configure_the_engine_in_any_case()
    {
        // ConnectionRules__Rules__CR1001=error, as a container or a shell sets it; keys, ids and categories in any case.
        var prefix = $"CR_TEST_{Guid.NewGuid():N}_";
        (string Name, string Value)[] variables =
            [("CONNECTIONRULES__RULES__cr1001", "ERROR"), ("ConnectionRules__Categories__authenticity", "none"), ("connectionrules__PitchWindow", "1.00:00:00")];
        foreach (var (name, value) in variables)
        {
            Environment.SetEnvironmentVariable(prefix + name, value);
        }

        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();
            using var provider = Provider(services => services.AddConnectionRules(configuration.GetSection("ConnectionRules")));

            var engine = provider.GetRequiredService<IRuleEngineAccessor>().Current;
            Assert.Equal(Severity.Error, engine.GetSeverity("CR1001"));
            Assert.DoesNotContain(engine.Rules, r => r.Category == "Authenticity");
            Assert.Equal(TimeSpan.FromDays(1), engine.Options.PitchWindow);
        }
        finally
        {
            foreach (var (name, _) in variables)
            {
                Environment.SetEnvironmentVariable(prefix + name, null);
            }
        }
    }

    [Fact]
    public async Task The_host_builds_the_engine_once_for_start_up_validation_and_the_service()
    {
        var builds = 0;
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddConnectionRules(builder.Configuration.GetSection("ConnectionRules"), _ => builds++);
        using var host = builder.Build();

        await host.StartAsync();
        Assert.Equal(1, builds);
        Assert.Same(host.Services.GetRequiredService<IRuleEngine>(), host.Services.GetRequiredService<IRuleEngineAccessor>());
        Assert.Equal(1, builds);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_bad_value_stops_the_host_at_start_up_naming_the_key_and_the_value()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(
        [
            KeyValuePair.Create<string, string?>("ConnectionRules:Rules:CR1001", "eror"),
            KeyValuePair.Create<string, string?>("ConnectionRules:PitchWindow", "72:00:00"),
        ]);
        builder.Services.AddConnectionRules(builder.Configuration.GetSection("ConnectionRules"));
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<RuleEngineBuildException>(() => host.StartAsync());
        Assert.Equal(
            [
                "ConnectionRules:PitchWindow = \"72:00:00\": not a duration (hours run from 0 to 23: write 72 hours as 3.00:00:00); expected [days.]hours:minutes[:seconds], e.g. 3.00:00:00 for 3 days or 12:00:00 for 12 hours.",
                "ConnectionRules:Rules:CR1001 = \"eror\": not a severity; expected one of none, silent, suggestion, warning, error, default (or hidden, info).",
            ],
            exception.Errors);
    }

    [Fact]
    public async Task A_good_configuration_starts_the_host_with_the_configured_engine()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection([KeyValuePair.Create<string, string?>("ConnectionRules:Rules:CR1001", "error")]);
        builder.Services.AddConnectionRules(builder.Configuration.GetSection("ConnectionRules"));
        using var host = builder.Build();

        await host.StartAsync();
        Assert.Equal(Severity.Error, host.Services.GetRequiredService<IRuleEngine>().GetSeverity("CR1001"));
        await host.StopAsync();
    }

    [Fact]
    public void Null_arguments_are_refused_by_name()
    {
        var services = new ServiceCollection();
        var section = Sections.InMemory();
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => ConnectionRulesServiceCollectionExtensions.AddConnectionRules(null!)).ParamName);
        Assert.Equal("section", Assert.Throws<ArgumentNullException>(() => services.AddConnectionRules((IConfiguration)null!)).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => services.AddConnectionRules((Action<RuleEngineBuilder>)null!)).ParamName);
        Assert.Equal("section", Assert.Throws<ArgumentNullException>(() => services.AddConnectionRules(null!, _ => { })).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => services.AddConnectionRules(section, null!)).ParamName);
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => ConnectionRulesBuilderExtensions.AddRule<ThrowingRule>(null!)).ParamName);
        Assert.Empty(services);
    }
}
