using System.Diagnostics;
using ConnectionRules.Extensions.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConnectionRules.Extensions.Tests.DependencyInjection;

/// <summary>The container's engine on configuration reload: swap on a good change, keep the last good engine on a bad one.</summary>
public sealed class ReloadingRuleEngineTests
{
    private const string ExpectedWords = "expected one of none, silent, suggestion, warning, error, default (or hidden, info).";

    private sealed class Fixture : IDisposable
    {
        public Fixture(IConfigurationRoot configuration)
        {
            Configuration = configuration;
            var services = new ServiceCollection();
            services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
            services.AddConnectionRules(configuration.GetSection("ConnectionRules"));
            Provider = services.BuildServiceProvider();
            Engine = Provider.GetRequiredService<IRuleEngine>();
        }

        public IConfigurationRoot Configuration { get; }

        public CollectingLoggerProvider Logs { get; } = new();

        public ServiceProvider Provider { get; }

        public IRuleEngine Engine { get; }

        public IEnumerable<LogEntry> Entries(string eventName) => Logs.Entries.Where(e => e.EventName == eventName);

        public void Dispose() => Provider.Dispose();
    }

    private static (Fixture Fixture, MemoryConfigurationProvider Memory) InMemory(params (string Key, string Value)[] values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create<string, string?>(v.Key, v.Value)))
            .Build();
        return (new Fixture(configuration), configuration.Providers.OfType<MemoryConfigurationProvider>().Single());
    }

    [Fact]
    public void A_reload_with_a_good_change_swaps_the_engine_and_logs_it()
    {
        var (fixture, memory) = InMemory(("ConnectionRules:Rules:CR1001", "warning"));
        using var _ = fixture;
        Assert.Equal(Severity.Warning, fixture.Engine.GetSeverity("CR1001"));

        memory.Set("ConnectionRules:Rules:CR1001", "error");
        memory.Set("ConnectionRules:Rules:CR3002", "none");
        fixture.Configuration.Reload();

        Assert.Same(fixture.Engine, fixture.Provider.GetRequiredService<IRuleEngine>());
        Assert.Equal(Severity.Error, fixture.Engine.GetSeverity("CR1001"));
        Assert.DoesNotContain(fixture.Engine.Rules, r => r.Id == "CR3002");
        var entry = Assert.Single(fixture.Entries("ConfigurationReloaded"));
        Assert.Equal((LogLevel.Information, "ConnectionRules", "ConnectionRules configuration reloaded; the rule engine now runs 11 rules."), (entry.Level, entry.Category, entry.Message));
    }

    [Fact]
    public void A_section_that_does_not_exist_is_a_warning_at_start_and_the_defaults_apply()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create<string, string?>("ConnectionRules:Rules:CR1001", "error")]).Build();
        var logs = new CollectingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs));
        services.AddConnectionRules(configuration.GetSection("ConnectionRule"));
        using var provider = services.BuildServiceProvider();

        var engine = provider.GetRequiredService<IRuleEngine>();

        Assert.Equal(Severity.Info, engine.GetSeverity("CR1001"));
        var entry = Assert.Single(logs.Entries, e => e.EventName == "SectionMissing");
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.StartsWith("The configuration section ConnectionRule does not exist or holds no setting, so the rule engine runs with its defaults", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reload_that_renames_the_section_is_a_warning_too()
    {
        var source = new ReplaceableSource(new() { ["ConnectionRules:Rules:CR1001"] = "warning" });
        using var fixture = new Fixture(new ConfigurationBuilder().Add(source).Build());
        Assert.Empty(fixture.Entries("SectionMissing"));

        source.Provider.Replace(new() { ["ConnectionRule:Rules:CR1001"] = "warning" });

        Assert.Equal(Severity.Info, fixture.Engine.GetSeverity("CR1001"));
        var entry = Assert.Single(fixture.Entries("SectionMissing"));
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("ConnectionRules does not exist or holds no setting", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_section_is_warned_of_once_while_another_section_reloads()
    {
        var source = new ReplaceableSource(new() { ["ConnectionRules:Rules:CR1001"] = "warning" });
        var configuration = new ConfigurationBuilder().Add(source).Build();
        var logs = new CollectingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs));
        services.AddConnectionRules(configuration.GetSection("ConnectionRules"));
        services.AddConnectionRules(configuration.GetSection("ConnectionRulez"));
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IRuleEngine>();

        source.Provider.Replace(new() { ["ConnectionRules:Rules:CR1001"] = "error" });
        source.Provider.Replace(new() { ["ConnectionRules:Rules:CR1001"] = "suggestion" });

        Assert.Equal(Severity.Info, engine.GetSeverity("CR1001"));
        Assert.Single(logs.Entries, e => e.EventName == "SectionMissing");
    }

    // A configuration whose whole content a test replaces, as when a file is edited or deleted.
    private sealed class ReplaceableSource(Dictionary<string, string?> data) : IConfigurationSource
    {
        public ReplaceableProvider Provider { get; } = new(data);

        public IConfigurationProvider Build(IConfigurationBuilder builder) => Provider;
    }

    private sealed class ReplaceableProvider : ConfigurationProvider
    {
        public ReplaceableProvider(Dictionary<string, string?> data) => Replace(data, reload: false);

        public void Replace(Dictionary<string, string?> data, bool reload = true)
        {
            Data = new Dictionary<string, string?>(data, StringComparer.OrdinalIgnoreCase);
            if (reload)
            {
                OnReload();
            }
        }
    }

    [Fact]
    public void An_existing_section_is_not_reported_missing()
    {
        var (fixture, _) = InMemory(("ConnectionRules:Rules:CR1001", "warning"));
        using var _ = fixture;

        Assert.Empty(fixture.Entries("SectionMissing"));
    }

    [Fact]
    public void A_reload_that_changes_nothing_in_the_section_rebuilds_nothing()
    {
        var (fixture, memory) = InMemory(("ConnectionRules:Rules:CR1001", "warning"), ("Logging:LogLevel:Default", "Information"));
        using var _ = fixture;

        memory.Set("Logging:LogLevel:Default", "Debug");
        fixture.Configuration.Reload();
        fixture.Configuration.Reload();

        Assert.Empty(fixture.Entries("ConfigurationReloaded"));
        Assert.Equal(Severity.Warning, fixture.Engine.GetSeverity("CR1001"));
    }

    [Fact]
    public void A_reload_with_a_bad_value_keeps_the_last_good_engine_and_logs_every_problem()
    {
        var (fixture, memory) = InMemory(("ConnectionRules:Rules:CR1001", "warning"));
        using var _ = fixture;
        var accessor = fixture.Provider.GetRequiredService<IRuleEngineAccessor>();
        Assert.Null(accessor.ReloadError);

        memory.Set("ConnectionRules:Rules:CR1001", "eror");
        memory.Set("ConnectionRules:PitchWindow", "-1.00:00:00");
        fixture.Configuration.Reload();

        Assert.Equal(Severity.Warning, fixture.Engine.GetSeverity("CR1001"));
        Assert.Equal(TimeSpan.FromHours(72), ((ReloadingRuleEngine)fixture.Engine).Current.Options.PitchWindow);
        var entry = Assert.Single(fixture.Entries("ReloadRejected"));
        Assert.Equal(LogLevel.Error, entry.Level);
        var nl = Environment.NewLine;
        Assert.Equal(
            "Reloaded ConnectionRules configuration rejected; the rule engine keeps its previous configuration until the problems are fixed:"
            + $"{nl}- ConnectionRules:PitchWindow = \"-1.00:00:00\": a duration cannot be negative; expected [days.]hours:minutes[:seconds], e.g. 3.00:00:00 for 3 days or 12:00:00 for 12 hours."
            + $"{nl}- ConnectionRules:Rules:CR1001 = \"eror\": not a severity; {ExpectedWords}",
            entry.Message);

        // The accessor says so too, for a health check: the same problems, until a reload builds.
        var error = Assert.IsType<RuleEngineBuildException>(accessor.ReloadError);
        Assert.Equal(2, error.Errors.Count);
        Assert.EndsWith(string.Concat(error.Errors.Select(e => $"{nl}- {e}")), entry.Message, StringComparison.Ordinal);

        // Fixed, the next reload takes effect.
        memory.Set("ConnectionRules:Rules:CR1001", "error");
        memory.Set("ConnectionRules:PitchWindow", "1.00:00:00");
        fixture.Configuration.Reload();
        Assert.Equal(Severity.Error, fixture.Engine.GetSeverity("CR1001"));
        Assert.Single(fixture.Entries("ConfigurationReloaded"));
        Assert.Null(accessor.ReloadError);
    }

    [Fact]
    public void Going_back_to_the_configuration_in_effect_clears_the_reload_error()
    {
        var (fixture, memory) = InMemory(("ConnectionRules:Rules:CR1001", "warning"));
        using var _ = fixture;
        var accessor = fixture.Provider.GetRequiredService<IRuleEngineAccessor>();

        memory.Set("ConnectionRules:Rules:CR1001", "eror");
        fixture.Configuration.Reload();
        Assert.NotNull(accessor.ReloadError);

        // A reload of another section does not clear it: the edit is still there, still not in effect.
        memory.Set("Logging:LogLevel:Default", "Debug");
        fixture.Configuration.Reload();
        Assert.NotNull(accessor.ReloadError);

        memory.Set("ConnectionRules:Rules:CR1001", "warning");
        fixture.Configuration.Reload();
        Assert.Null(accessor.ReloadError);
        Assert.Equal(Severity.Warning, fixture.Engine.GetSeverity("CR1001"));
    }

    [Fact]
    public void Going_back_to_the_configuration_in_effect_after_a_passing_failure_clears_the_reload_error()
    {
        var (provider, configuration, memory) = FailingOnBuild(build => build == 2);
        using var _ = provider;
        var accessor = provider.GetRequiredService<IRuleEngineAccessor>();

        memory.Set("ConnectionRules:Rules:CR1001", "error");
        configuration.Reload();
        Assert.IsType<InvalidOperationException>(accessor.ReloadError);

        memory.Set("ConnectionRules:Rules:CR1001", "warning");
        configuration.Reload();
        Assert.Null(accessor.ReloadError);
        Assert.Equal(Severity.Warning, accessor.Current.GetSeverity("CR1001"));
    }

    [Fact]
    public void The_reload_error_is_the_one_of_the_content_as_it_now_stands()
    {
        // Rejected, then a passing failure of another edit, then back to the rejected edit: it is tried again.
        var (provider, configuration, memory) = FailingOnBuild(build => build == 3);
        using var _ = provider;
        var accessor = provider.GetRequiredService<IRuleEngineAccessor>();

        memory.Set("ConnectionRules:Rules:CR1001", "eror");
        configuration.Reload();
        Assert.IsType<RuleEngineBuildException>(accessor.ReloadError);

        memory.Set("ConnectionRules:Rules:CR1001", "error");
        configuration.Reload();
        Assert.IsType<InvalidOperationException>(accessor.ReloadError);

        memory.Set("ConnectionRules:Rules:CR1001", "eror");
        configuration.Reload();
        Assert.IsType<RuleEngineBuildException>(accessor.ReloadError);
    }

    [Fact]
    public void A_logger_that_throws_neither_reaches_the_reload_nor_makes_a_good_reload_look_failed()
    {
        var (provider, configuration, memory) = FailingOnBuild(_ => false, new ThrowingLoggerProvider());
        using var _ = provider;
        var accessor = provider.GetRequiredService<IRuleEngineAccessor>();

        memory.Set("ConnectionRules:Rules:CR1001", "error");
        configuration.Reload();
        Assert.Equal(Severity.Error, accessor.Current.GetSeverity("CR1001"));
        Assert.Null(accessor.ReloadError);

        memory.Set("ConnectionRules:Rules:CR1001", "eror");
        configuration.Reload();
        Assert.IsType<RuleEngineBuildException>(accessor.ReloadError);
        Assert.Equal(Severity.Error, accessor.Current.GetSeverity("CR1001"));
    }

    /// <summary>A container whose configure action throws on the builds <paramref name="fails"/> picks (the first build is 1).</summary>
    private static (ServiceProvider Provider, IConfigurationRoot Configuration, MemoryConfigurationProvider Memory) FailingOnBuild(Func<int, bool> fails, ILoggerProvider? logs = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create<string, string?>("ConnectionRules:Rules:CR1001", "warning")]).Build();
        var builds = 0;
        var services = new ServiceCollection();
        if (logs is not null)
        {
            services.AddLogging(logging => logging.AddProvider(logs));
        }

        services.AddConnectionRules(configuration.GetSection("ConnectionRules"), _ =>
        {
            if (fails(++builds))
            {
                throw new InvalidOperationException($"configure failed on build {builds}");
            }
        });
        var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<IRuleEngine>();
        return (provider, configuration, configuration.Providers.OfType<MemoryConfigurationProvider>().Single());
    }

    /// <summary>A log sink that is down: every write throws.</summary>
    private sealed class ThrowingLoggerProvider : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            throw new IOException("log sink down");

        public void Dispose()
        {
        }
    }

    [Fact]
    public void An_accessor_that_does_not_reload_has_no_reload_error_by_default()
    {
        IRuleEngineAccessor accessor = new FixedAccessor(new RuleEngineBuilder().AddRecommendedRules().Build());

        Assert.Null(accessor.ReloadError);
    }

    private sealed class FixedAccessor(RuleEngine engine) : IRuleEngineAccessor
    {
        public RuleEngine Current => engine;
    }

    [Fact]
    public void A_configure_action_that_throws_on_reload_keeps_the_last_good_engine_and_logs_it()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection().Build();
        var memory = configuration.Providers.OfType<MemoryConfigurationProvider>().Single();
        var logs = new CollectingLoggerProvider();
        var builds = 0;
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs));
        services.AddConnectionRules(configuration.GetSection("ConnectionRules"), _ =>
        {
            if (++builds > 1)
            {
                throw new InvalidOperationException("configure failed");
            }
        });
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IRuleEngine>();

        memory.Set("ConnectionRules:Rules:CR1001", "error");
        configuration.Reload();

        Assert.Equal(Severity.Info, engine.GetSeverity("CR1001"));
        var entry = Assert.Single(logs.Entries, e => e.EventName == "ReloadFailed");
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal("configure failed", Assert.IsType<InvalidOperationException>(provider.GetRequiredService<IRuleEngineAccessor>().ReloadError).Message);
    }

    [Fact]
    public void A_reload_that_threw_is_tried_again_on_the_next_reload_signal()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection().Build();
        var memory = configuration.Providers.OfType<MemoryConfigurationProvider>().Single();
        var builds = 0;
        var services = new ServiceCollection();
        services.AddConnectionRules(configuration.GetSection("ConnectionRules"), _ =>
        {
            // A passing failure: the second build throws, every other one works.
            if (++builds == 2)
            {
                throw new InvalidOperationException("configure failed once");
            }
        });
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IRuleEngine>();

        memory.Set("ConnectionRules:Rules:CR1001", "error");
        configuration.Reload();
        Assert.Equal(Severity.Info, engine.GetSeverity("CR1001"));

        // The section itself does not change again; another key's reload signal is enough to retry it.
        Assert.IsType<InvalidOperationException>(provider.GetRequiredService<IRuleEngineAccessor>().ReloadError);
        memory.Set("Logging:LogLevel:Default", "Debug");
        configuration.Reload();
        Assert.Equal(Severity.Error, engine.GetSeverity("CR1001"));
        Assert.Equal(3, builds);
        Assert.Null(provider.GetRequiredService<IRuleEngineAccessor>().ReloadError);
    }

    [Fact]
    public void The_accessor_gives_one_engine_that_a_reload_does_not_change()
    {
        var (fixture, memory) = InMemory(("ConnectionRules:Rules:CR1001", "warning"));
        using var _ = fixture;
        var accessor = fixture.Provider.GetRequiredService<IRuleEngineAccessor>();
        var snapshot = accessor.Current;

        memory.Set("ConnectionRules:Rules:CR1001", "none");
        fixture.Configuration.Reload();

        // The proxy now answers from the new engine, so a listing read through it would be torn; the snapshot is not.
        Assert.Throws<KeyNotFoundException>(() => fixture.Engine.GetSeverity("CR1001"));
        Assert.Contains(snapshot.Rules, r => r.Id == "CR1001");
        Assert.Equal(Severity.Warning, snapshot.GetSeverity("CR1001"));
        Assert.NotSame(snapshot, accessor.Current);
        Assert.DoesNotContain(accessor.Current.Rules, r => r.Id == "CR1001");
    }

    [Fact]
    public void After_the_container_is_disposed_reloads_are_ignored()
    {
        var (fixture, memory) = InMemory(("ConnectionRules:Rules:CR1001", "warning"));
        var engine = fixture.Engine;
        fixture.Dispose();

        memory.Set("ConnectionRules:Rules:CR1001", "error");
        fixture.Configuration.Reload();

        Assert.Equal(Severity.Warning, engine.GetSeverity("CR1001"));
        Assert.Empty(fixture.Entries("ConfigurationReloaded"));
    }

    [Fact]
    public async Task A_json_file_rewritten_on_disk_is_picked_up_and_a_bad_rewrite_is_refused()
    {
        var directory = Directory.CreateTempSubdirectory("connection-rules-");
        try
        {
            var path = Path.Combine(directory.FullName, "appsettings.json");
            await File.WriteAllTextAsync(path, """{ "ConnectionRules": { "Rules": { "CR1001": "warning" } } }""");
            var configuration = new ConfigurationBuilder()
                .SetBasePath(directory.FullName)
                .AddJsonFile("appsettings.json", optional: false, reloadOnChange: true)
                .Build();
            using var fixture = new Fixture(configuration);
            Assert.Equal(Severity.Warning, fixture.Engine.GetSeverity("CR1001"));

            await File.WriteAllTextAsync(path, """{ "ConnectionRules": { "Rules": { "CR1001": "error" } } }""");
            await Eventually(() => fixture.Engine.GetSeverity("CR1001") == Severity.Error);

            await File.WriteAllTextAsync(path, """{ "ConnectionRules": { "Rules": { "CR1001": "eror" } } }""");
            await Eventually(() => fixture.Entries("ReloadRejected").Any());
            Assert.Contains($"ConnectionRules:Rules:CR1001 = \"eror\": not a severity; {ExpectedWords}", fixture.Entries("ReloadRejected").Single().Message, StringComparison.Ordinal);
            Assert.Equal(Severity.Error, fixture.Engine.GetSeverity("CR1001"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Polls until the condition holds; file watching is asynchronous, so no fixed sleep is long enough or short enough.</summary>
    private static async Task Eventually(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "The configuration file change was not picked up within 15 seconds.");
            await Task.Delay(25);
        }
    }
}
