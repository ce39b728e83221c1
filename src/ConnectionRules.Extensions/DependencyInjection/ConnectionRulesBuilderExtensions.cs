using System.Diagnostics.CodeAnalysis;
using ConnectionRules;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds to the rule engine registered by <c>AddConnectionRules</c>.</summary>
public static class ConnectionRulesBuilderExtensions
{
    /// <summary>
    /// Registers a rule class in the container (a singleton, once however often this is called), so that it is
    /// constructed with its own constructor dependencies and joins the engine after the <c>configure</c> actions.
    /// </summary>
    /// <typeparam name="TRule">The rule; it is shared by all evaluations, so it must be thread-safe.</typeparam>
    /// <param name="builder">The builder returned by <c>AddConnectionRules</c>.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IConnectionRulesBuilder AddRule<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TRule>(this IConnectionRulesBuilder builder)
        where TRule : ConnectionRule
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ConnectionRule, TRule>());
        return builder;
    }
}
