using System.Net;
using System.Text.Json;
using ConnectionRules.Integration.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ConnectionRules.Integration.Tests.SampleCrm;

/// <summary><c>POST /connection-requests/evaluate</c> over real HTTP: verdicts, diagnostics and the JSON contract.</summary>
public sealed class EvaluateEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task A_pitch_soon_after_acceptance_answers_disconnect_with_CR2001()
    {
        using var response = await factory.CreateClient().PostJsonAsync(SampleRequests.PitchAfterAccept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.ReadJsonAsync();
        Assert.Equal("crm-4711", body.GetProperty("requestId").GetString());
        Assert.Equal("disconnect", body.GetProperty("verdict").GetString());
        var diagnostic = Assert.Single(body.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("CR2001", diagnostic.GetProperty("id").GetString());
        Assert.Equal("Connect-and-sell", diagnostic.GetProperty("title").GetString());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal("A sales pitch arrived 2 h after the request was accepted (\"quick demo of our\")", diagnostic.GetProperty("message").GetString());
        Assert.Equal("messages[0]", diagnostic.GetProperty("location").GetString());
        Assert.False(diagnostic.GetProperty("isSuppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, diagnostic.GetProperty("justification").ValueKind);
        Assert.EndsWith("docs/rules/CR2001.md", diagnostic.GetProperty("helpLink").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_diagnostic_carries_exactly_the_documented_fields()
    {
        using var response = await factory.CreateClient().PostJsonAsync(SampleRequests.PitchAfterAccept);

        var body = await response.ReadJsonAsync();
        Assert.Equal(["requestId", "verdict", "diagnostics"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["id", "title", "severity", "message", "location", "isSuppressed", "justification", "helpLink"],
            body.GetProperty("diagnostics")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_clean_request_answers_accept_with_no_diagnostics()
    {
        using var response = await factory.CreateClient().PostJsonAsync(SampleRequests.Clean);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("crm-4712", body.GetProperty("requestId").GetString());
        Assert.Equal("accept", body.GetProperty("verdict").GetString());
        Assert.Empty(body.GetProperty("diagnostics").EnumerateArray());
    }

    [Theory]
    [InlineData("fromRecipient")]
    [InlineData("FromRecipient")]
    [InlineData("FROMRECIPIENT")]
    public async Task Enum_names_are_read_in_any_case(string direction)
    {
        // Four unanswered sender messages are repetitive (CR2004); a reply in between breaks the run.
        var request = WithMessages(
            Message("2026-03-11T10:00:00Z", "Hi Sam, quick question about your caching talk.", "fromSender"),
            Message("2026-03-11T11:00:00Z", "Did you get my last message?", "fromSender"),
            Message("2026-03-11T12:00:00Z", "Sorry, busy week!", direction),
            Message("2026-03-11T13:00:00Z", "No worries. Which cache backend did you use?", "FromSender"),
            Message("2026-03-11T14:00:00Z", "I am asking because we evaluate the same ones.", "fromsender"));

        using var response = await factory.CreateClient().PostJsonAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("accept", body.GetProperty("verdict").GetString());
        Assert.DoesNotContain(body.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("id").GetString() == "CR2004");
    }

    [Fact]
    public async Task The_same_messages_without_the_reply_are_repetitive_so_the_enum_test_can_fail()
    {
        var request = WithMessages(
            Message("2026-03-11T10:00:00Z", "Hi Sam, quick question about your caching talk.", "fromSender"),
            Message("2026-03-11T11:00:00Z", "Did you get my last message?", "fromSender"),
            Message("2026-03-11T13:00:00Z", "No worries. Which cache backend did you use?", "FromSender"),
            Message("2026-03-11T14:00:00Z", "I am asking because we evaluate the same ones.", "fromsender"));

        using var response = await factory.CreateClient().PostJsonAsync(request);

        var body = await response.ReadJsonAsync();
        Assert.Equal("review", body.GetProperty("verdict").GetString());
        Assert.Contains(body.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("id").GetString() == "CR2004");
    }

    [Fact]
    public async Task Dates_with_any_offset_are_the_same_instant()
    {
        // 11:00Z written as 12:00+01:00: still two hours after acceptance.
        var request = SampleRequests.PitchAfterAccept.Replace("\"2026-03-11T11:00:00Z\"", "\"2026-03-11T12:00:00+01:00\"", StringComparison.Ordinal);

        using var response = await factory.CreateClient().PostJsonAsync(request);

        var body = await response.ReadJsonAsync();
        Assert.StartsWith("A sales pitch arrived 2 h after", body.GetProperty("diagnostics")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-11T12:00:00+01:00")]
    [InlineData("2026-03-11T12:00:00+01")]
    [InlineData("2026-03-11T11:00:00.000Z")]
    public async Task Every_offset_form_the_reader_accepts_is_taken_at_its_word(string sentAt)
    {
        var request = SampleRequests.PitchAfterAccept.Replace("\"2026-03-11T11:00:00Z\"", $"\"{sentAt}\"", StringComparison.Ordinal);

        using var response = await factory.CreateClient().PostJsonAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.StartsWith("A sales pitch arrived 2 h after", body.GetProperty("diagnostics")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static string Message(string sentAt, string text, string direction) =>
        $$"""{ "sentAt": "{{sentAt}}", "text": "{{text}}", "direction": "{{direction}}" }""";

    private static string WithMessages(params string[] messages) => $$"""
        {
          "id": "crm-4713",
          "sender": { "name": "Dana Whitfield" },
          "note": "Hi Sam, I enjoyed your talk on build caching.",
          "sentAt": "2026-03-10T09:00:00Z",
          "acceptedAt": "2026-03-11T09:00:00Z",
          "messages": [ {{string.Join(", ", messages)}} ]
        }
        """;
}
