using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ConnectionRules.Integration.Tests.Support;

/// <summary>Posting to the sample service and reading its JSON answers as documents.</summary>
public static class SampleCrmClient
{
    public const string EvaluatePath = "/connection-requests/evaluate";

    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string json, string mediaType = "application/json")
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return await client.PostAsync(EvaluatePath, content);
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
