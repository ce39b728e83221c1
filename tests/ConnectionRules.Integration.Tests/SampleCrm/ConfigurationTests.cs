using System.Net;
using ConnectionRules.Integration.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace ConnectionRules.Integration.Tests.SampleCrm;

/// <summary>Configuration decides the answers, and a bad value stops the service before it answers anything.</summary>
public sealed class ConfigurationTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Turning_CR2001_off_in_configuration_accepts_the_pitch()
    {
        using var configured = WithSetting("ConnectionRules:Rules:CR2001", "none");

        using var response = await configured.CreateClient().PostJsonAsync(SampleRequests.PitchAfterAccept);

        var body = await response.ReadJsonAsync();
        Assert.Equal("accept", body.GetProperty("verdict").GetString());
        Assert.Empty(body.GetProperty("diagnostics").EnumerateArray());
        Assert.DoesNotContain("CR2001", (await RulesEndpointTests.GetRulesAsync(configured.CreateClient())).Keys);
    }

    [Fact]
    public async Task A_category_setting_lowers_a_severity()
    {
        using var configured = WithSetting("ConnectionRules:Categories:Conduct", "warning");

        using var response = await configured.CreateClient().PostJsonAsync(SampleRequests.PitchAfterAccept);

        var body = await response.ReadJsonAsync();
        Assert.Equal("review", body.GetProperty("verdict").GetString());
        Assert.Equal("warning", body.GetProperty("diagnostics")[0].GetProperty("severity").GetString());
    }

    [Fact]
    public async Task A_shorter_pitch_window_given_to_the_host_lets_a_later_pitch_pass()
    {
        using var configured = factory.WithWebHostBuilder(host => host.UseSetting("ConnectionRules:PitchWindow", "01:00:00"));

        using var response = await configured.CreateClient().PostJsonAsync(SampleRequests.PitchAfterAccept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("accept", (await response.ReadJsonAsync()).GetProperty("verdict").GetString());
    }

    [Theory]
    [InlineData("ConnectionRules:Rules:CR1001", "eror", "ConnectionRules:Rules:CR1001 = \"eror\": not a severity")]
    [InlineData("ConnectionRules:Rules:CR9999", "error", "ConnectionRules:Rules:CR9999 = \"error\": unknown rule id")]
    [InlineData("ConnectionRules:PitchWindow", "48", "ConnectionRules:PitchWindow = \"48\": not a duration")]
    public void A_bad_configuration_value_stops_the_host_at_start_naming_the_key(string key, string value, string message)
    {
        var exception = StartupFailure.Of<RuleEngineBuildException>(() => WithSetting(key, value));

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    // In-memory configuration added last, as an environment-specific file would be.
    private WebApplicationFactory<Program> WithSetting(string key, string value) =>
        factory.WithWebHostBuilder(host => host.ConfigureAppConfiguration((_, configuration) =>
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value })));
}
