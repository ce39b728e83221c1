using Microsoft.Net.Http.Headers;
using ConnectionRules.SampleCrm.Contracts;
using ConnectionRules.SampleCrm.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ConnectionRules.SampleCrm;

/// <summary>The service's HTTP surface: evaluate a request, list the rules in effect.</summary>
internal static class ConnectionRequestEndpoints
{
    public static IEndpointRouteBuilder MapConnectionRequestEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connection-requests/evaluate", EvaluateAsync);
        app.MapGet("/rules", ListRules);
        return app;
    }

    private static async Task<Results<Ok<EvaluationResponse>, ValidationProblem, ProblemHttpResult>> EvaluateAsync(
        HttpRequest http,
        IRuleEngine engine,
        IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        if (!http.HasJsonContentType())
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The request body must be JSON.",
                detail: $"Content-Type is '{http.ContentType ?? "(none)"}'; send the connection request as application/json.");
        }

        // JSON is read as UTF-8: a body declared in another encoding would be read as garbage, so it is refused as such.
        if (MediaTypeHeaderValue.TryParse(http.ContentType, out var mediaType)
            && mediaType.Charset is { Length: > 0 } charset
            && !ReadsAsUtf8(charset.ToString().Trim('"')))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The request body must be UTF-8 JSON.",
                detail: $"Content-Type says charset={charset}; send the connection request as application/json in UTF-8.");
        }

        var body = await RequestBodyReader.ReadBodyAsync(http, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "The request body is too large.",
                detail: $"A connection request is at most {RequestBodyReader.MaxBodyBytes / 1024} KiB of JSON; send one request per call.");
        }

        var (request, problem) = RequestBodyReader.Read<ConnectionRequest>(body, json.Value.SerializerOptions);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            return TypedResults.Ok(EvaluationResponse.From(engine.Evaluate(request!)));
        }
        catch (ArgumentException exception)
        {
            return RequestBodyReader.Problem(exception);
        }
    }

    // ASCII is a subset of UTF-8; "utf8" is a common spelling of it.
    private static bool ReadsAsUtf8(string charset) =>
        charset.ToLowerInvariant() is "utf-8" or "utf8" or "us-ascii" or "ascii";

    private static Ok<RuleResponse[]> ListRules(IRuleEngineAccessor engines)
    {
        // One engine for the whole listing: IRuleEngine would read the engine in effect on each call, and a
        // configuration reload between Rules and GetSeverity would mix two configurations in one answer.
        var engine = engines.Current;
        return TypedResults.Ok(engine.Rules.Select(rule => RuleResponse.From(rule, engine.GetSeverity(rule.Id))).ToArray());
    }
}
