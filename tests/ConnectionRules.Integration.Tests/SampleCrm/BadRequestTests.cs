using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ConnectionRules.Integration.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ConnectionRules.Integration.Tests.SampleCrm;

/// <summary>Bad input answers 400 with a problem-details body that names the field at fault; never 500.</summary>
public sealed class BadRequestTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string Valid = """{ "id": "r1", "sender": { "name": "Jordan Blake" }, "sentAt": "2026-03-10T09:00:00Z" }""";

    public static TheoryData<string, string, string> FieldErrors => new()
    {
        // body, field named in "errors", words the message must hold
        { """{ "id": "r1", "sentAt": "2026-03-10T09:00:00Z" }""", "sender", "sender is required but missing" },
        { """{ "id": "r1", "sender": { "headline": "CTO" }, "sentAt": "2026-03-10T09:00:00Z" }""", "sender.name", "sender.name is required but missing" },
        { """{ "id": "r1", "sender": { "name": null }, "sentAt": "2026-03-10T09:00:00Z" }""", "sender.name", "sender.name must not be null" },
        { """{ "id": "r1", "sender": null, "sentAt": "2026-03-10T09:00:00Z" }""", "sender", "sender must not be null" },
        { """{ "sender": { "name": "Jordan Blake" }, "sentAt": "2026-03-10T09:00:00Z" }""", "id", "id is required but missing" },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake" } }""", "sentAt", "sentAt is required but missing" },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake" }, "sentAt": "15/03/2026" }""", "sentAt", "\"15/03/2026\" is not an ISO-8601 date and time" },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake" }, "sentAt": "2026-03-10T09:00:00" }""", "sentAt", "has no time zone" },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake" }, "sentAt": 20260310 }""", "sentAt", "Expected a date as a string" },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake" }, "sentAt": "2026-03-10" }""", "sentAt", "\"2026-03-10\" is a date without a time: write the time and its offset too, e.g. \"2026-03-10T00:00:00Z\"" },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake", "connectionCount": "42" }, "sentAt": "2026-03-10T09:00:00Z" }""", "sender.connectionCount", "The JSON value could not be converted to a whole number." },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake", "hasPhoto": "yes" }, "sentAt": "2026-03-10T09:00:00Z" }""", "sender.hasPhoto", "The JSON value could not be converted to true or false." },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake" }, "sentAt": "2026-03-10T09:00:00Z", "messages": { } }""", "messages", "The JSON value could not be converted to an array." },
        { """{ "id": "r1", "sender": "Jordan Blake", "sentAt": "2026-03-10T09:00:00Z" }""", "sender", "The JSON value could not be converted to an object." },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake" }, "sentAt": "2026-03-10T09:00:00Z", "mutualConnections": "0" }""", "mutualConnections", "could not be converted" },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake" }, "sentAt": "2026-03-10T09:00:00Z", "messages": [ { "sentAt": "2026-03-11T09:00:00Z" } ] }""", "messages[0].text", "messages[0].text is required but missing" },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake" }, "sentAt": "2026-03-10T09:00:00Z", "messages": [ { "sentAt": "2026-03-11T09:00:00Z", "text": "Hi", "direction": "sideways" } ] }""", "messages[0].direction", "\"sideways\" is not a MessageDirection: use one of \"fromSender\", \"fromRecipient\"" },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake" }, "sentAt": "2026-03-10T09:00:00Z", "messages": [ { "sentAt": "2026-03-11T09:00:00Z", "text": "Hi", "direction": 1 } ] }""", "messages[0].direction", "1 is not a MessageDirection" },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake" }, "sentAt": "2026-03-10T09:00:00Z", "endorsements": [ { "skill": "C#" } ] }""", "endorsements[0].at", "endorsements[0].at is required but missing" },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake", "connectionCount": "many" }, "sentAt": "2026-03-10T09:00:00Z" }""", "sender.connectionCount", "could not be converted" },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake" }, "sentAt": "2026-03-10T09:00:00Z", "acceptedOn": "2026-03-11T09:00:00Z" }""", "acceptedOn", "'acceptedOn' could not be mapped" },
        { """{ "id": "r1", "id": "r2", "sender": { "name": "Jordan Blake" }, "sentAt": "2026-03-10T09:00:00Z" }""", "id", "Duplicate" },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake" }, """, "$", "Expected" },
        { "", "$", "does not contain any JSON tokens" },
        { "null", "$", "must be a JSON object describing a ConnectionRequest, not null" },
        { $$"""{ "id": "r1", "note": {{new string('[', 100)}}{{new string(']', 100)}} }""", "$", "The maximum configured depth of 64 has been exceeded" },
        { """[ { "id": "r1" } ]""", "$", "not an array" },
        { """{ "\ud800": 1, "id": "r1", "sender": { "name": "Jordan Blake" }, "sentAt": "2026-03-10T09:00:00Z" }""", "$", "The body has a member name that is not valid text" },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake", "\ud800x": 1 }, "sentAt": "2026-03-10T09:00:00Z" }""", "sender", "sender has a member name that is not valid text" },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake" }, "sentAt": "2026-03-10T09:00:00Z", "messages": [ null ] }""", "messages[0]", "messages[0] must not be null: leave it out of the list." },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake", "groups": [ "Rust", null ] }, "sentAt": "2026-03-10T09:00:00Z" }""", "sender.groups[1]", "sender.groups[1] must not be null" },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake" }, "sentAt": "2026-03-10T09:00:00Z", "note": "hi \ud800" }""", "note", "The JSON value is not valid text" },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake" }, "sentAt": "\ud800" }""", "sentAt", "The JSON value is not valid text" },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake" }, "sentAt": "2026-03-10T09:00:00Z", "messages": [ { "sentAt": "2026-03-11T09:00:00Z", "text": "Hi", "direction": "\ud800" } ] }""", "messages[0].direction", "The JSON value is not valid text" },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake" }, "sentAt": "0001-01-01T00:00:00+01:00" }""", "sentAt", "is written as an ISO-8601 date and time, but not one this service reads" },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake" }, "sentAt": "2026-02-30T09:00:00Z" }""", "sentAt", "the day must exist in its month" },
    };

    [Theory]
    [MemberData(nameof(FieldErrors))]
    public async Task Bad_input_answers_400_naming_the_field(string body, string field, string message)
    {
        using var response = await factory.CreateClient().PostJsonAsync(body);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The request body is not a valid connection request.", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"errors should name '{field}': {errors}");
        Assert.Contains(message, messages[0].GetString(), StringComparison.Ordinal);
        Assert.Contains(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_syntax_or_type_error_gives_its_line_and_position()
    {
        var body = """
            {
              "id": "r1",
              "sender": { "name": "Jordan Blake" },
              "sentAt": "15/03/2026"
            }
            """;

        using var response = await factory.CreateClient().PostJsonAsync(body);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        // 1-based; the position is where the reader stopped, just past the value at fault ("sentAt" ends at 24).
        Assert.Equal(4, problem.GetProperty("line").GetInt32());
        Assert.Equal(25, problem.GetProperty("position").GetInt32());
        Assert.StartsWith("sentAt (line 4, position 25): ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_missing_field_is_named_at_once()
    {
        using var response = await factory.CreateClient().PostJsonAsync("""{ "sender": { }, "messages": [ { "text": "Hi" } ] }""");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(
            ["id", "sender.name", "sentAt", "messages[0].sentAt"],
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal("4 fields are missing or invalid: id, sender.name, sentAt, messages[0].sentAt.", problem.GetProperty("detail").GetString());
    }

    public static TheoryData<string, string, string> EngineErrors => new()
    {
        // What only the engine checks: blank ids and negative counts. Its message names the member, as the API does.
        { """{ "id": "  ", "sender": { "name": "Jordan Blake" }, "sentAt": "2026-03-10T09:00:00Z" }""", "id", "id is required but was null or blank: set it to the caller's identifier of the request." },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake", "connectionCount": -5 }, "sentAt": "2026-03-10T09:00:00Z" }""", "sender.connectionCount", "sender.connectionCount is -5, but a count cannot be negative" },
        { """{ "id": "r1", "sender": { "name": "Jordan Blake" }, "sentAt": "2026-03-10T09:00:00Z", "mutualConnections": -3 }""", "mutualConnections", "mutualConnections is -3, but a count cannot be negative" },
    };

    [Theory]
    [MemberData(nameof(EngineErrors))]
    public async Task The_engines_argument_exception_answers_400_naming_the_field_as_the_api_does(string body, string field, string message)
    {
        using var response = await factory.CreateClient().PostJsonAsync(body);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString();
        Assert.StartsWith(message, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("ConnectionRequest.", detail, StringComparison.Ordinal);
        Assert.Equal(detail, Assert.Single(problem.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString());
    }

    [Theory]
    [InlineData("2026-03-10t09:00:00z")]
    [InlineData("2026-03-10T09:00:00z")]
    public async Task A_date_with_t_and_z_in_lower_case_is_read_as_rfc_3339_allows(string sentAt)
    {
        using var response = await factory.CreateClient().PostJsonAsync($$"""{ "id": "r1", "sender": { "name": "Jordan Blake" }, "sentAt": "{{sentAt}}" }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_answers_415()
    {
        using var response = await factory.CreateClient().PostJsonAsync(Valid, "text/plain");

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Content-Type is 'text/plain'; send the connection request as application/json.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_body_declared_in_another_charset_answers_415()
    {
        using var content = new ByteArrayContent(Encoding.Unicode.GetBytes(Valid));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-16");

        using var response = await factory.CreateClient().PostAsync(SampleCrmClient.EvaluatePath, content);

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Content-Type says charset=utf-16; send the connection request as application/json in UTF-8.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=\"UTF-8\"")]
    [InlineData("application/json; charset=utf8")]
    [InlineData("application/json; charset=us-ascii")]
    public async Task A_body_with_a_byte_order_mark_or_an_explicit_utf8_charset_is_read(string contentType)
    {
        using var content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Valid)]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await factory.CreateClient().PostAsync(SampleCrmClient.EvaluatePath, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_limit_answers_413_whether_or_not_it_says_its_length(bool withLength)
    {
        // A valid request whose note alone is over 1 MiB; without a length it arrives chunked and is cut off while read.
        var body = Valid.Replace("\"id\": \"r1\"", $"\"id\": \"r1\", \"note\": \"{new string('a', 1024 * 1024)}\"", StringComparison.Ordinal);
        using HttpContent content = withLength ? new StringContent(body, Encoding.UTF8) : new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        Assert.Equal(withLength, content.Headers.ContentLength is not null);

        using var response = await factory.CreateClient().PostAsync(SampleCrmClient.EvaluatePath, content);

        var problem = await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("A connection request is at most 1024 KiB of JSON; send one request per call.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_body_just_under_the_limit_is_read()
    {
        var padding = 1024 * 1024 - Encoding.UTF8.GetByteCount(Valid) - ", \"note\": \"\"".Length;
        var body = Valid.Replace("\"id\": \"r1\"", $"\"id\": \"r1\", \"note\": \"{new string('a', padding)}\"", StringComparison.Ordinal);
        Assert.Equal(1024 * 1024, Encoding.UTF8.GetByteCount(body));

        using var response = await factory.CreateClient().PostJsonAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_valid_body_cut_anywhere_never_answers_500()
    {
        var client = factory.CreateClient();
        var full = SampleRequests.PitchAfterAccept;
        var statuses = new List<(int Length, HttpStatusCode Status)>();
        for (var length = 0; length < full.Length; length += 3)
        {
            using var response = await client.PostJsonAsync(full[..length]);
            statuses.Add((length, response.StatusCode));
        }

        Assert.All(statuses, s => Assert.True(s.Status == HttpStatusCode.BadRequest, $"{s.Length} characters answered {s.Status}"));
    }

    /// <summary>A stream that cannot say its length, so that the client sends it chunked, with no Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
