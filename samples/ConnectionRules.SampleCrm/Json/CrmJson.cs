using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConnectionRules.SampleCrm.Json;

/// <summary>
/// The service's JSON contract, for requests and answers alike: camelCase names (matched in any case on input),
/// ISO-8601 dates with an explicit offset, enums as camelCase names (read in any case), numbers as JSON numbers.
/// Input is strict where leniency would change a verdict silently: an unknown or repeated member is an error, because
/// a misspelt <c>acceptedAt</c> would otherwise judge an accepted connection as a pending request.
/// </summary>
internal static class CrmJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;

        // The web defaults read "42" as 42; the contract has numbers, as it has names for enums and offsets on dates.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new OffsetDateTimeConverter());
        options.Converters.Add(new EnumNameConverter<MessageDirection>());
        options.Converters.Add(new EnumNameConverter<Verdict>());
        options.Converters.Add(new EnumNameConverter<Severity>());
    }
}
