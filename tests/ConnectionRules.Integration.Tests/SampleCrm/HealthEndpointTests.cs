using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ConnectionRules.Integration.Tests.SampleCrm;

/// <summary><c>GET /health</c> answers a probe while the rule engine is there to evaluate with.</summary>
public sealed class HealthEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task The_service_is_healthy_with_the_engine_of_its_appsettings()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
