using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConnectionRules;

/// <summary>The options type whose start-up validation builds the engine.</summary>
internal sealed class RuleEngineStartupCheck
{
}

/// <summary>
/// Builds the rule engine when the host starts (through <c>ValidateOnStart</c>), so that a bad configuration value
/// stops start-up with a <see cref="RuleEngineBuildException"/> naming every key and value, not the first request.
/// </summary>
internal sealed class RuleEngineStartupValidator(IServiceProvider services) : IValidateOptions<RuleEngineStartupCheck>
{
    public ValidateOptionsResult Validate(string? name, RuleEngineStartupCheck options)
    {
        // The exception propagates as it is: the host's start-up fails with the same exception Build() throws.
        services.GetRequiredService<ReloadingRuleEngine>();
        return ValidateOptionsResult.Success;
    }
}
