using System.Text;
using Microsoft.Extensions.Configuration;

namespace ConnectionRules.Extensions.Tests.Support;

/// <summary>Configuration sections to test with, written the way administrators write them.</summary>
public static class Sections
{
    /// <summary>A <c>ConnectionRules</c> section from key/value pairs relative to it, e.g. <c>("Rules:CR1001", "error")</c>.</summary>
    public static IConfigurationSection InMemory(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create("ConnectionRules:" + v.Key, v.Value)))
            .Build()
            .GetSection("ConnectionRules");

    /// <summary>The <c>ConnectionRules</c> section of a JSON document.</summary>
    public static IConfigurationSection Json(string json) =>
        new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)))
            .Build()
            .GetSection("ConnectionRules");
}
