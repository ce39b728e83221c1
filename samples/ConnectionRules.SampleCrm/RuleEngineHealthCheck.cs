using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConnectionRules.SampleCrm;

/// <summary>
/// <c>GET /health</c>: healthy while the rule engine in effect is there to evaluate with. The first engine is built from
/// appsettings.json at start-up, and a configuration that does not build stops the service before any probe. An edit
/// that a reload rejects leaves the last good engine in effect, so the service keeps evaluating and stays healthy; the
/// rejection is in the log (the library does not expose it, so this check cannot report it as degraded).
/// </summary>
internal sealed class RuleEngineHealthCheck(IRuleEngineAccessor engines) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy($"{engines.Current.Rules.Count} rules in effect"));
}
