using ConnectionRules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the ConnectionRules engine in a service collection.</summary>
/// <remarks>
/// <para>
/// The container's <see cref="IRuleEngine"/> is a singleton composed in this order: the recommended rules; every
/// <c>configure</c> action, in the order of the calls; every <see cref="ConnectionRule"/> registered in the container
/// (<see cref="ConnectionRulesBuilderExtensions.AddRule{TRule}"/> or <c>AddSingleton&lt;ConnectionRule, T&gt;()</c>);
/// the container's <see cref="IPitchDetector"/> and <see cref="TimeProvider"/> when it has them; and last every
/// configuration section (<see cref="RuleEngineBuilderConfigurationExtensions.ApplyConfiguration"/>), so that
/// administrators have the last word over developers at each level (rule, category, option).
/// </para>
/// <para>
/// The engine is built when the host starts: a bad configuration value makes <c>StartAsync</c> throw a
/// <see cref="RuleEngineBuildException"/> that names every key and value (without a host, resolving
/// <see cref="IRuleEngine"/> throws it). When a section reloads with different content the engine is rebuilt and
/// swapped atomically; a reload that does not build keeps the last good engine and logs the problems at Error under
/// the logger category <c>ConnectionRules</c>, which also gets a Warning for each rule failure (CR0001). Each call to
/// <see cref="IRuleEngine"/> reads the engine in effect at that moment; <see cref="IRuleEngineAccessor"/>, also
/// registered, gives that engine itself, to ask it several things that must belong together.
/// </para>
/// <para>
/// Calling these methods again is harmless: the services are registered once, the same <c>configure</c> delegate or
/// section instance counts once, and other actions and sections are added to the composition. The <c>configure</c>
/// actions run again on every rebuild, so they must only configure the builder.
/// </para>
/// </remarks>
public static class ConnectionRulesServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IRuleEngine"/> with the recommended rules and the rules registered in the container.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder for further configuration, such as <see cref="ConnectionRulesBuilderExtensions.AddRule{TRule}"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IConnectionRulesBuilder AddConnectionRules(this IServiceCollection services) => Add(services, null, null);

    /// <summary>Registers <see cref="IRuleEngine"/>, configured by the <c>ConnectionRules</c> configuration section and rebuilt when it reloads.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The section, e.g. <c>builder.Configuration.GetSection("ConnectionRules")</c>; see <see cref="RuleEngineBuilderConfigurationExtensions.ApplyConfiguration"/> for its keys.</param>
    /// <returns>A builder for further configuration.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IConnectionRulesBuilder AddConnectionRules(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Add(services, null, section);
    }

    /// <summary>Registers <see cref="IRuleEngine"/>, configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the builder after the recommended rules are added; it runs on every rebuild.</param>
    /// <returns>A builder for further configuration.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IConnectionRulesBuilder AddConnectionRules(this IServiceCollection services, Action<RuleEngineBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Add(services, configure, null);
    }

    /// <summary>Registers <see cref="IRuleEngine"/>, configured in code and then by the <c>ConnectionRules</c> configuration section, which has the last word.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The section, e.g. <c>builder.Configuration.GetSection("ConnectionRules")</c>.</param>
    /// <param name="configure">Configures the builder after the recommended rules are added; it runs on every rebuild.</param>
    /// <returns>A builder for further configuration.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IConnectionRulesBuilder AddConnectionRules(this IServiceCollection services, IConfiguration section, Action<RuleEngineBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(configure);
        return Add(services, configure, section);
    }

    private static ConnectionRulesBuilder Add(IServiceCollection services, Action<RuleEngineBuilder>? configure, IConfiguration? section)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions();
        services.Configure<ConnectionRulesSetup>(setup => setup.Add(configure, section));
        if (!services.Any(d => d.ServiceType == typeof(ReloadingRuleEngine)))
        {
            services.TryAddSingleton(static provider => new ReloadingRuleEngine(
                provider.GetRequiredService<IOptions<ConnectionRulesSetup>>().Value,
                provider.GetServices<ConnectionRule>(),
                provider.GetService<IPitchDetector>(),
                provider.GetService<TimeProvider>(),
                provider.GetService<ILoggerFactory>()));
            services.TryAddSingleton<IRuleEngine>(static provider => provider.GetRequiredService<ReloadingRuleEngine>());
            services.TryAddSingleton<IRuleEngineAccessor>(static provider => provider.GetRequiredService<ReloadingRuleEngine>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RuleEngineStartupCheck>, RuleEngineStartupValidator>());
            services.AddOptions<RuleEngineStartupCheck>().ValidateOnStart();
        }

        return new ConnectionRulesBuilder(services);
    }
}
