using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginApis.Http.Json;

/// <summary>
/// A guessed count or number: a whole number sent as a number (<c>12</c>, <c>12.0</c>) or as a numeric string
/// (<c>"12"</c>, <c>"1,200"</c>). <c>null</c>, <c>false</c> and an empty string read as null; a fraction, a non-numeric
/// string, <c>true</c>, an object or an array fail.
/// </summary>
internal sealed class TolerantInt64Converter : JsonConverter<long?>
{
    public override bool HandleNull => true;

    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
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

    /// <summary>The shared reading rule of <see cref="TolerantInt64Converter"/> and <see cref="TolerantInt32Converter"/>.</summary>
    internal static long? ReadValue(ref Utf8JsonReader reader)
    {
        if (JsonScalars.IsNone(ref reader) || (reader.TokenType == JsonTokenType.String && string.IsNullOrWhiteSpace(reader.GetString())))
        {
            return null;
        }

        return JsonScalars.TryReadInteger(ref reader, out var value) ? value : throw JsonScalars.Unreadable("a whole number", ref reader);
    }
}
