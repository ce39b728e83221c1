using ConnectionRules.SampleCrm.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConnectionRules.SampleCrm;

/// <summary>
/// <c>GET /health</c>: healthy while the rule engine in effect is built from the settings files as they stand. The
/// first engine is built at start-up, and settings that do not build stop the service before any probe. A save that
/// leaves a settings file malformed, or an edit that the engine's reload rejects, leaves the last good engine in effect:
/// the service keeps evaluating, so the probe answers degraded (still HTTP 200, so that a load balancer keeps routing
/// to it), with the reason in the log, until a save loads and builds.
/// </summary>
internal sealed class RuleEngineHealthCheck(IRuleEngineAccessor engines, LastGoodJsonFiles.Failures settings) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Each read once: a reload may come between them, and then the next probe tells.
        var rules = engines.Current.Rules.Count;
        if (settings.Malformed.FirstOrDefault() is { Key: { } path, Value: { } problem })
        {
            return Task.FromResult(HealthCheckResult.Degraded(
                $"{path} is not valid JSON ({problem}); the {rules} rules of the settings before that save stay in effect."));
        }

        return Task.FromResult(engines.ReloadError switch
        {
            null => HealthCheckResult.Healthy($"{rules} rules in effect"),
            RuleEngineBuildException rejected => HealthCheckResult.Degraded(
                $"The last edit of the settings was rejected; the {rules} rules of the settings before it stay in effect.", rejected),
            var failed => HealthCheckResult.Degraded(
                $"Rebuilding the rules after the last edit of the settings failed, and is tried again on the next change; the {rules} rules before it stay in effect.", failed),
        });
    }
}
