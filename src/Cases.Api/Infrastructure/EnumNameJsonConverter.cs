using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cases.Api.Infrastructure;

/// <summary>
/// Enum values travel as their exact member names. System.Text.Json's own string converter also
/// accepts numbers-as-names and comma-joined flag combinations ("Complainant, Respondent"), which
/// would silently turn into a different, defined member; here anything but one exact name is an error.
/// </summary>
public sealed class EnumNameJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(EnumNameJsonConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class EnumNameJsonConverter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly Dictionary<string, TEnum> ByName = Enum.GetValues<TEnum>().ToDictionary(value => value.ToString(), StringComparer.Ordinal);
        private static readonly Dictionary<TEnum, JsonEncodedText> Names = Enum.GetValues<TEnum>().ToDictionary(value => value, value => JsonEncodedText.Encode(value.ToString()));

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // A message-less JsonException lets the serializer add the path and the target type,
            // from which the problem details name the field and list the allowed values.
            if (reader.TokenType == JsonTokenType.String && ByName.TryGetValue(reader.GetString()!, out var value))
            {
                return value;
            }

            throw new JsonException();
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Names[value]);
    }
}
