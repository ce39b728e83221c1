using System.Net;
using System.Text.Json;
using ConnectionRules.Integration.Tests.Support;
using ConnectionRules.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ConnectionRules.Integration.Tests.SampleCrm;

/// <summary><c>GET /rules</c> lists the rules in effect with the severities appsettings.json gives them.</summary>
public sealed class RulesEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task The_rules_reflect_the_samples_appsettings()
    {
        var rules = await GetRulesAsync(factory.CreateClient());

        // appsettings.json: "CR1001": "warning", "CR3003": "none".
        Assert.Equal("warning", rules["CR1001"].GetProperty("severity").GetString());
        Assert.Equal("info", rules["CR1001"].GetProperty("defaultSeverity").GetString());
        Assert.DoesNotContain("CR3003", rules.Keys);
        Assert.Equal("error", rules["CR2001"].GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Every_rule_setting_of_appsettings_shows_in_the_list()
    {
        using var appsettings = JsonDocument.Parse(File.ReadAllText(Repository.PathOf("samples", "ConnectionRules.SampleCrm", "appsettings.json")));
        var settings = appsettings.RootElement.GetProperty("ConnectionRules").GetProperty("Rules").EnumerateObject().ToList();

        var rules = await GetRulesAsync(factory.CreateClient());

        Assert.NotEmpty(settings);
        foreach (var setting in settings)
        {
            var word = setting.Value.GetString();
            if (word == "none")
            {
                Assert.DoesNotContain(setting.Name, rules.Keys);
            }
            else
            {
                Assert.Equal(word, rules[setting.Name].GetProperty("severity").GetString());
            }
        }
    }

    [Fact]
    public async Task Each_rule_has_its_id_title_category_and_help_link()
    {
        var rules = await GetRulesAsync(factory.CreateClient());

        Assert.Equal(rules.Keys.Order(StringComparer.Ordinal), rules.Keys);
        Assert.Contains("CR0001", rules.Keys);
        var rule = rules["CR2001"];
        Assert.Equal(["id", "title", "category", "severity", "defaultSeverity", "helpLink"], rule.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Connect-and-sell", rule.GetProperty("title").GetString());
        Assert.Equal("Conduct", rule.GetProperty("category").GetString());
        Assert.All(rules.Values, r => Assert.EndsWith($"docs/rules/{r.GetProperty("id").GetString()}.md", r.GetProperty("helpLink").GetString(), StringComparison.Ordinal));
    }

    internal static async Task<Dictionary<string, JsonElement>> GetRulesAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/rules");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        return body.EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r);
    }
}
