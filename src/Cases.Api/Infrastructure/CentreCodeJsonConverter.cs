using System.Text.Json;
using System.Text.Json.Serialization;
using Cases.Domain.Centres;

namespace Cases.Api.Infrastructure;

/// <summary>
/// A centre code travels as a plain string. Any string is read, so that a malformed code reaches
/// the validator and is reported with the expected format, rather than failing inside the parser.
/// </summary>
public sealed class CentreCodeJsonConverter : JsonConverter<CentreCode>
{
    public override CentreCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? new CentreCode(reader.GetString()!) : throw new JsonException();

    public override void Write(Utf8JsonWriter writer, CentreCode value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
