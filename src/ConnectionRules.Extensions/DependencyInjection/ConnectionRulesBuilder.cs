using Microsoft.Extensions.DependencyInjection;

namespace ConnectionRules;

internal sealed class ConnectionRulesBuilder(IServiceCollection services) : IConnectionRulesBuilder
{
    public IServiceCollection Services { get; } = services;
}
