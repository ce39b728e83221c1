using System.Net;
using System.Text.Json;
using ConnectionRules.Integration.Tests.Support;
using ConnectionRules.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task A_reload_while_listing_does_not_mix_two_configurations()
    {
        // The reload lands between reading the rules and reading their severities, if the endpoint reads IRuleEngine
        // twice: CR1001 from "warning" to "error", and CR3003 from "none" to on.
        using var configured = factory.WithWebHostBuilder(host => host
            .ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection())
            .ConfigureTestServices(services =>
        {
            var registered = services.Single(d => d.ServiceType == typeof(IRuleEngine));
            services.Remove(registered);
            services.AddSingleton<IRuleEngine>(provider => new ReloadAfterRules(
                (IRuleEngine)registered.ImplementationFactory!(provider),
                (IConfigurationRoot)provider.GetRequiredService<IConfiguration>()));
        }));

        var rules = await GetRulesAsync(configured.CreateClient());

        var before = rules["CR1001"].GetProperty("severity").GetString() == "warning" && !rules.ContainsKey("CR3003");
        var after = rules["CR1001"].GetProperty("severity").GetString() == "error" && rules.ContainsKey("CR3003");
        Assert.True(before || after, $"CR1001 is {rules["CR1001"].GetProperty("severity")} and CR3003 is {(rules.ContainsKey("CR3003") ? "on" : "off")}: two configurations in one answer.");
    }

    /// <summary>Reloads the configuration right after its rules are read, the worst moment for a reader of two calls.</summary>
    private sealed class ReloadAfterRules(IRuleEngine inner, IConfigurationRoot configuration) : IRuleEngine
    {
        public IReadOnlyList<RuleDescriptor> Rules
        {
            get
            {
                var rules = inner.Rules;
                // The in-memory source the test adds last, so that its values win over appsettings.json.
                var memory = configuration.Providers.OfType<MemoryConfigurationProvider>().Last();
                memory.Set("ConnectionRules:Rules:CR1001", "error");
                memory.Set("ConnectionRules:Rules:CR3003", "info");
                configuration.Reload();
                return rules;
            }
        }

        public Severity GetSeverity(string ruleId) => inner.GetSeverity(ruleId);

        public Evaluation Evaluate(ConnectionRequest request) => inner.Evaluate(request);
    }

    internal static async Task<Dictionary<string, JsonElement>> GetRulesAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/rules");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        return body.EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r);
    }
}
