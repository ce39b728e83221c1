using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace ConnectionRules.Integration.Tests.SampleCrm;

/// <summary>
/// Saving appsettings.json while the service runs, through the host's real file watcher: a good edit applies, and a
/// malformed one keeps the last good settings, also through later reloads of other files, and is logged.
/// </summary>
public sealed class ReloadTests : IDisposable
{
    private readonly DirectoryInfo _contentRoot = Directory.CreateTempSubdirectory("sample-crm-reload-");

    [Fact]
    public async Task A_malformed_save_keeps_the_last_good_settings_through_later_reloads_and_is_logged()
    {
        var log = new ErrorLog();
        Save("appsettings.json", """{ "ConnectionRules": { "Rules": { "CR1001": "warning" } } }""");
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseContentRoot(_contentRoot.FullName)
            .ConfigureLogging(logging => logging.AddProvider(log)));
        using var client = factory.CreateClient();
        Assert.Equal("warning", await SeverityAsync(client, "CR1001"));

        Save("appsettings.json", """{ "ConnectionRules": { "Rules": { "CR1001": "error" } } }""");
        await EventuallyAsync(async () => await SeverityAsync(client, "CR1001") == "error", "the good edit to apply");

        Save("appsettings.json", """{ "ConnectionRules": { "Rules": { "CR1001": "info", } """);
        await EventuallyAsync(() => Task.FromResult(log.Errors.Any(e => e.Contains("appsettings.json is not valid JSON", StringComparison.Ordinal))), "the malformed save to be logged");

        // Another file reloads: .NET's own JSON provider would have emptied appsettings.json's keys by now, and this
        // reload would rebuild the engine with CR1001 at its default.
        Save("appsettings.Development.json", """{ "ConnectionRules": { "Rules": { "CR3003": "none" } } }""");
        await EventuallyAsync(async () => await SeverityAsync(client, "CR3003") is null, "the other file's edit to apply");
        Assert.Equal("error", await SeverityAsync(client, "CR1001"));
    }

    [Fact]
    public async Task A_save_the_engine_cannot_use_makes_the_health_probe_degraded_until_one_builds()
    {
        Save("appsettings.json", """{ "ConnectionRules": { "Rules": { "CR1001": "warning" } } }""");
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host.UseContentRoot(_contentRoot.FullName));
        using var client = factory.CreateClient();
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await HealthAsync(client));

        // Each save, then the probe it should lead to, the start of the check's description, and CR1001's severity in effect.
        (string Json, string Health, string Description, string Severity)[] saves =
        [
            ("""{ "ConnectionRules": { "Rules": { "CR1001": "eror" } } }""", "Degraded", "The last edit of the settings was rejected", "warning"),
            ("""{ "ConnectionRules": { "Rules": { "CR1001": "error" } } }""", "Healthy", " rules in effect", "error"),
            ("""{ "ConnectionRules": { "Rules": { "CR1001": "info", } """, "Degraded", "appsettings.json is not valid JSON", "error"),
            ("""{ "ConnectionRules": { "Rules": { "CR1001": "info" } } }""", "Healthy", " rules in effect", "info"),
        ];
        foreach (var (json, health, description, severity) in saves)
        {
            Save("appsettings.json", json);
            await EventuallyAsync(async () => await HealthAsync(client) == (HttpStatusCode.OK, health), $"the probe to say {health} after saving {json}");
            Assert.Equal(severity, await SeverityAsync(client, "CR1001"));

            // The body is the status alone; the check's description says why, for the log and a custom response writer.
            var entry = (await factory.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["rule-engine"];
            Assert.Contains(description, entry.Description, StringComparison.Ordinal);
        }
    }

    public void Dispose() => _contentRoot.Delete(recursive: true);

    private static async Task<(HttpStatusCode Status, string Body)> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private void Save(string file, string json) => File.WriteAllText(Path.Combine(_contentRoot.FullName, file), json);

    /// <summary>The rule's severity in effect, or null when it is not in effect.</summary>
    private static async Task<string?> SeverityAsync(HttpClient client, string ruleId) =>
        (await RulesEndpointTests.GetRulesAsync(client)).TryGetValue(ruleId, out var rule) ? rule.GetProperty("severity").GetString() : null;

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(20); waited += TimeSpan.FromMilliseconds(100))
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Waited 20 s for {what}.");
    }

    /// <summary>Keeps the messages logged at Error.</summary>
    private sealed class ErrorLog : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Errors { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Errors.Enqueue(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
