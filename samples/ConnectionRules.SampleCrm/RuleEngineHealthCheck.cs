using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConnectionRules.SampleCrm;

/// <summary>
/// <c>GET /health</c>: healthy while the rule engine in effect is built from appsettings.json as it stands. The first
/// engine is built at start-up, and a configuration that does not build stops the service before any probe. An edit
/// that a reload rejects leaves the last good engine in effect: the service keeps evaluating, so the probe answers
/// degraded (still HTTP 200, so that a load balancer keeps routing to it) with the reload's error, until an edit builds.
/// </summary>
internal sealed class RuleEngineHealthCheck(IRuleEngineAccessor engines) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Read once each: a reload may come between the two reads, and then the next probe tells.
        var error = engines.ReloadError;
        var rules = engines.Current.Rules.Count;
        return Task.FromResult(error is null
            ? HealthCheckResult.Healthy($"{rules} rules in effect")
            : HealthCheckResult.Degraded($"The last edit of the configuration was rejected; the {rules} rules of the configuration before it stay in effect.", error));
    }
}
