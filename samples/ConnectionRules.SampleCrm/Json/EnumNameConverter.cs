using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConnectionRules.SampleCrm.Json;

/// <summary>
/// Writes an enum as its camelCase name (<c>fromRecipient</c>, <c>disconnect</c>) and reads its name in any case
/// (<c>FromRecipient</c>, <c>fromrecipient</c>). Numbers are refused: <c>1</c> says nothing to a reader of the JSON.
/// </summary>
internal sealed class EnumNameConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly TEnum[] Values = Enum.GetValues<TEnum>();
    private static readonly string[] Names = [.. Values.Select(value => JsonNamingPolicy.CamelCase.ConvertName(value.ToString()))];

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString();
            var index = Array.FindIndex(Names, name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                return Values[index];
            }
        }

        throw new JsonException($"{JsonToken.Describe(ref reader)} is not a {typeof(TEnum).Name}: use one of {string.Join(", ", Names.Select(name => $"\"{name}\""))}.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        var index = Array.IndexOf(Values, value);
        if (index < 0)
        {
            throw new JsonException($"{value} is not a defined {typeof(TEnum).Name}.");
        }

        writer.WriteStringValue(Names[index]);
    }
}
