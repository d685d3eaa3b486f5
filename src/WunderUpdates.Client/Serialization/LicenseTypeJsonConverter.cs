using System.Text.Json;
using System.Text.Json.Serialization;

namespace WunderUpdates.Client.Serialization;

/// <summary>Reads and writes <see cref="LicenseType"/> as its wire string; any string (also an unknown one) is kept.</summary>
internal sealed class LicenseTypeJsonConverter : JsonConverter<LicenseType>
{
    public override LicenseType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => LicenseType.FromWire(reader.GetString()),
            JsonTokenType.Null => default,
            _ => throw new JsonException($"A licence type must be a JSON string, not {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, LicenseType value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
