using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConnectionRules.SampleCrm;

/// <summary>
/// <c>GET /health</c>: healthy while the rule engine in effect is there to evaluate with. The first engine is built from
/// appsettings.json at start-up, so an engine that does not build stops the service before this is asked; the check
/// reads <see cref="IRuleEngineAccessor.Current"/>, which would throw, and the health check service reports that as
/// unhealthy.
/// </summary>
internal sealed class RuleEngineHealthCheck(IRuleEngineAccessor engines) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy($"{engines.Current.Rules.Count} rules in effect"));
}
