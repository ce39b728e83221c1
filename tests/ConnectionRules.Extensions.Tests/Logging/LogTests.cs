using ConnectionRules.Tests.Support;
using ConnectionRules.Extensions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConnectionRules.Extensions.Tests.Logging;

/// <summary>What the container's engine logs when evaluating: each rule failure, and nothing at all for a clean request.</summary>
public sealed class LogTests
{
    private static (ServiceProvider Provider, CollectingLoggerProvider Logs) WithLogging(LogLevel minimum, Action<IConnectionRulesBuilder>? rules = null)
    {
        var logs = new CollectingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(minimum));
        var builder = services.AddConnectionRules();
        rules?.Invoke(builder);
        return (services.BuildServiceProvider(), logs);
    }

    [Fact]
    public void Each_rule_failure_is_logged_as_a_warning_naming_the_rule_with_the_exception_and_its_stack_trace()
    {
        var (provider, logs) = WithLogging(LogLevel.Trace, rules => rules.AddRule<ThrowingRule>());
        using var _ = provider;

        var evaluation = provider.GetRequiredService<IRuleEngine>().Evaluate(Requests.Clean());

        var failure = Assert.Single(evaluation.Diagnostics);
        Assert.Equal("CR0001", failure.Id);
        var entry = Assert.Single(logs.Entries);
        Assert.Equal(
            ("ConnectionRules", LogLevel.Warning, "RuleFailed", "Rule ACME900 failed while evaluating request req-1: Rule ACME900 threw InvalidOperationException: boom"),
            (entry.Category, entry.Level, entry.EventName, entry.Message));
        var exception = Assert.IsType<InvalidOperationException>(entry.Exception);
        Assert.Equal("boom", exception.Message);
        Assert.Contains(nameof(ThrowingRule) + "." + nameof(ThrowingRule.Evaluate), exception.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_failure_is_logged_even_when_the_configuration_disables_CR0001()
    {
        var logs = new CollectingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs));
        services.AddConnectionRules(Sections.InMemory(("Rules:CR0001", "none")))
            .AddRule<ThrowingRule>();
        using var provider = services.BuildServiceProvider();

        var evaluation = provider.GetRequiredService<IRuleEngine>().Evaluate(Requests.Clean());

        Assert.Empty(evaluation.Diagnostics);
        var entry = Assert.Single(logs.Entries);
        Assert.Equal(("RuleFailed", "Rule ACME900 failed while evaluating request req-1: Rule ACME900 threw InvalidOperationException: boom"), (entry.EventName, entry.Message));
        Assert.IsType<InvalidOperationException>(entry.Exception);
    }

    [Fact]
    public void The_engine_in_effect_logs_its_rule_failures_too_when_evaluated_directly()
    {
        var (provider, logs) = WithLogging(LogLevel.Trace, rules => rules.AddRule<ThrowingRule>());
        using var _ = provider;

        provider.GetRequiredService<IRuleEngineAccessor>().Current.Evaluate(Requests.Clean());

        Assert.Equal("RuleFailed", Assert.Single(logs.Entries).EventName);
    }

    [Fact]
    public void Rule_failures_are_not_logged_below_the_configured_level()
    {
        var (provider, logs) = WithLogging(LogLevel.Error, rules => rules.AddRule<ThrowingRule>());
        using var _ = provider;

        Assert.Contains(provider.GetRequiredService<IRuleEngine>().Evaluate(Requests.Clean()).Diagnostics, d => d.Id == "CR0001");
        Assert.Empty(logs.Entries);
    }

    [Fact]
    public void Other_diagnostics_are_not_logged()
    {
        var (provider, logs) = WithLogging(LogLevel.Trace);
        using var _ = provider;

        Assert.NotEmpty(provider.GetRequiredService<IRuleEngine>().Evaluate(Requests.Clean() with { Note = null, MutualConnections = 0, Recipient = null }).Diagnostics);
        Assert.Empty(logs.Entries);
    }

    [Fact]
    public void A_clean_evaluation_through_the_container_allocates_nothing_with_logging_on()
    {
        var (provider, logs) = WithLogging(LogLevel.Trace);
        using var _ = provider;
        var engine = provider.GetRequiredService<IRuleEngine>();
        var request = Requests.Clean();
        for (var i = 0; i < 10; i++)
        {
            Assert.Empty(engine.Evaluate(request).Diagnostics);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            engine.Evaluate(request);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Empty(logs.Entries);
    }
}
