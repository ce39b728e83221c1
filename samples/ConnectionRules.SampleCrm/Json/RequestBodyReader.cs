using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConnectionRules.SampleCrm.Json;

/// <summary>
/// Reads a JSON request body into a model and, when it cannot, answers a 400 problem that names every field at fault
/// as a path into the body (<c>sender.name</c>, <c>messages[0].text</c>; <c>$</c> for the body as a whole), with
/// the line and position of a syntax or type error.
/// </summary>
/// <remarks>
/// Three passes over the buffered body: parse it (syntax), walk it against the serializer's own contract to find
/// every required member that is missing or null (System.Text.Json stops at the first and names only the enclosing
/// object), then deserialize it (types, formats, unknown members).
/// </remarks>
internal static class RequestBodyReader
{
    public const string Title = "The request body is not a valid connection request.";

    /// <summary>The largest body read: a request with a long conversation is a few KiB; a bigger body is refused unread.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly byte[] Utf8ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>Buffers the body, or returns null, having read no more than the limit, when it is larger than <see cref="MaxBodyBytes"/>.</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        // Content-Length may be absent (chunked) or wrong, so the limit holds while reading too.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a buffered JSON body into a model, or answers the problem that names every field at fault.</summary>
    public static (T? Value, ValidationProblem? Problem) Read<T>(byte[] body, JsonSerializerOptions options)
        where T : class
    {
        // A UTF-8 byte order mark, which some Windows clients send, is not JSON but says nothing wrong about it.
        var json = body.AsMemory();
        if (json.Span.StartsWith(Utf8ByteOrderMark))
        {
            json = json[Utf8ByteOrderMark.Length..];
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = options.MaxDepth });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, Problem([new("$", $"The body must be a JSON object describing a {typeof(T).Name}, not {Describe(document.RootElement.ValueKind)}.")]));
            }

            var errors = new List<FieldError>();
            FindMissingMembers(document.RootElement, options.GetTypeInfo(typeof(T)), path: "", errors);
            if (errors.Count > 0)
            {
                return (null, Problem(errors));
            }

            return (JsonSerializer.Deserialize<T>(json.Span, options), null);
        }
        catch (JsonException exception)
        {
            return (null, Problem([FieldError.From(exception)], exception.LineNumber, exception.BytePositionInLine));
        }
    }

    private static void FindMissingMembers(JsonElement element, JsonTypeInfo type, string path, List<FieldError> errors)
    {
        if (type.Kind == JsonTypeInfoKind.Object && element.ValueKind == JsonValueKind.Object)
        {
            if (!HasReadableNames(element))
            {
                var where = path.Length == 0 ? "$" : path;
                errors.Add(new(where, $"{(path.Length == 0 ? "The body" : path)} has a member name that is not valid text: an escape such as \\ud800 that is only half of a UTF-16 pair. Complete the pair or remove the member."));
                return;
            }

            foreach (var property in type.Properties)
            {
                var field = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                if (!TryGetMember(element, property.Name, out var value))
                {
                    if (property.IsRequired)
                    {
                        errors.Add(new(field, $"{field} is required but missing."));
                    }
                }
                else if (value.ValueKind == JsonValueKind.Null)
                {
                    if (!property.IsSetNullable)
                    {
                        errors.Add(new(field, $"{field} must not be null."));
                    }
                }
                else
                {
                    FindMissingMembers(value, type.Options.GetTypeInfo(property.PropertyType), field, errors);
                }
            }
        }
        else if (type.Kind == JsonTypeInfoKind.Enumerable && element.ValueKind == JsonValueKind.Array && type.ElementType is { } elementType)
        {
            var elementInfo = type.Options.GetTypeInfo(elementType);
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                var field = $"{path}[{index++}]";
                if (item.ValueKind == JsonValueKind.Null)
                {
                    // No list of a request holds nulls: a message, an endorsement or a group name is there or is left out.
                    errors.Add(new(field, $"{field} must not be null: leave it out of the list."));
                }
                else
                {
                    FindMissingMembers(item, elementInfo, field, errors);
                }
            }
        }
    }

    // JsonProperty.Name throws for a name that does not decode to text; the serializer would too, as a 500.
    private static bool HasReadableNames(JsonElement element)
    {
        try
        {
            foreach (var member in element.EnumerateObject())
            {
                _ = member.Name;
            }

            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // Member names match in any case, as the serializer is configured to match them.
    private static bool TryGetMember(JsonElement element, string name, out JsonElement value)
    {
        foreach (var member in element.EnumerateObject())
        {
            if (string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = member.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>
    /// The problem for what only the engine checks (a blank id, a negative count): it throws an
    /// <see cref="ArgumentException"/> whose message starts with the member's .NET path, <c>ConnectionRequest.Sender.ConnectionCount</c>,
    /// which is named the way the API names fields, <c>sender.connectionCount</c>.
    /// </summary>
    public static ValidationProblem Problem(ArgumentException exception)
    {
        const string Root = "ConnectionRequest.";

        // ArgumentException appends the name of the engine's own parameter, which means nothing to the client.
        var message = exception.ParamName is { } name ? exception.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : exception.Message;
        if (!message.StartsWith(Root, StringComparison.Ordinal))
        {
            return Problem([new("$", message)]);
        }

        var end = message.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? space : message.Length;
        var field = string.Join('.', message[Root.Length..end].Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
        return Problem([new(field, field + message[end..])]);
    }

    private static ValidationProblem Problem(List<FieldError> errors, long? line = null, long? position = null)
    {
        var where = line is null ? "" : $" (line {line + 1}, position {position + 1})";
        var extensions = new Dictionary<string, object?>();
        if (line is not null)
        {
            // 1-based, as editors count.
            extensions["line"] = line + 1;
            extensions["position"] = position + 1;
        }

        return TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            detail: errors.Count > 1 ? $"{errors.Count} fields are missing or invalid: {string.Join(", ", errors.Select(e => e.Field).Distinct())}."
                : errors[0].Message.StartsWith(errors[0].Field + " ", StringComparison.Ordinal) ? errors[0].Message
                : $"{errors[0].Field}{where}: {errors[0].Message}",
            title: Title,
            extensions: extensions);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private readonly record struct FieldError(string Field, string Message)
    {
        public static FieldError From(JsonException exception)
        {
            // The serializer's paths read "$.messages[0].text"; the API names fields the way diagnostics name locations.
            var path = exception.Path ?? "$";
            var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

            // A string that is not text (a lone \ud800, bytes that are not UTF-8) fails as it is read, whatever it was for.
            if (exception.InnerException is InvalidOperationException inner && inner.Message.Contains("UTF", StringComparison.OrdinalIgnoreCase))
            {
                return new(field, "The JSON value is not valid text: an escape such as \\ud800 that is only half of a UTF-16 pair, or bytes that are not UTF-8.");
            }

            // The serializer appends " Path: ... | LineNumber: ..." to its own messages; the problem carries those apart.
            var message = exception.Message;
            var suffix = message.IndexOf(" Path: ", StringComparison.Ordinal) is var p and >= 0 ? p : message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
            return new(field, InApiTerms(suffix >= 0 ? message[..suffix] : message));
        }

        // "could not be converted to System.Nullable`1[System.Int32]" names .NET types; a client knows JSON's.
        private static string InApiTerms(string message)
        {
            const string Marker = "could not be converted to ";
            var at = message.IndexOf(Marker, StringComparison.Ordinal);
            if (at < 0)
            {
                return message;
            }

            var type = message[(at + Marker.Length)..].TrimEnd('.');
            var expected = type switch
            {
                _ when type.Contains("System.Int32", StringComparison.Ordinal) => "a whole number",
                _ when type.Contains("System.Boolean", StringComparison.Ordinal) => "true or false",
                _ when type.Contains("IReadOnlyList", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "an array",
                "System.String" => "a string",
                _ when type.StartsWith("ConnectionRules.", StringComparison.Ordinal) => "an object",
                _ => null,
            };
            return expected is null ? message : $"The JSON value {Marker}{expected}.";
        }
    }
}
