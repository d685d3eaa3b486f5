using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginApis.Http.Json;

/// <summary>The 32-bit form of <see cref="TolerantInt64Converter"/> (same rule); a value outside <see cref="int"/> fails.</summary>
internal sealed class TolerantInt32Converter : JsonConverter<int?>
{
    public override bool HandleNull => true;

    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TolerantInt64Converter.ReadValue(ref reader) switch
        {
            null => null,
            >= int.MinValue and <= int.MaxValue and var value => (int)value,
            _ => throw new JsonException("Expected a whole number that fits in 32 bits."),
        };

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
