namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Returned by <see cref="ConnectionRulesServiceCollectionExtensions.AddConnectionRules(IServiceCollection)"/> to go on
/// configuring the rule engine's services, e.g. <see cref="ConnectionRulesBuilderExtensions.AddRule{TRule}"/>.
/// </summary>
public interface IConnectionRulesBuilder
{
    /// <summary>Gets the service collection the rule engine is registered in.</summary>
    IServiceCollection Services { get; }
}
