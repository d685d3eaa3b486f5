using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginApis.Http.Json;

/// <summary>
/// A guessed yes/no field: <c>true</c>/<c>false</c>, <c>1</c>/<c>0</c>, or the strings WordPress and PHP use
/// (<c>"1"</c>/<c>"0"</c>, <c>"true"</c>/<c>"false"</c>, <c>"yes"</c>/<c>"no"</c>, <c>"on"</c>/<c>"off"</c>,
/// <c>"auto-on"</c>/<c>"auto-off"</c>; any case). <c>null</c>, an empty string and <c>"auto"</c> (WordPress decides) read as
/// null; any other number or string, an object or an array fail.
/// </summary>
internal sealed class TolerantBooleanConverter : JsonConverter<bool?>
{
    public override bool HandleNull => true;

    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number when reader.TryGetInt32(out var number) && number is 0 or 1:
                return number == 1;
            case JsonTokenType.String:
                return FromText(reader.GetString()!.Trim());
            default:
                throw JsonScalars.Unreadable("true or false", ref reader);
        }
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } flag)
        {
            writer.WriteBooleanValue(flag);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static bool? FromText(string text) => text.ToUpperInvariant() switch
    {
        "" or "AUTO" => null,
        "1" or "TRUE" or "YES" or "ON" or "AUTO-ON" => true,
        "0" or "FALSE" or "NO" or "OFF" or "AUTO-OFF" => false,
        _ => throw new JsonException("Expected true or false (or 1/0, yes/no, on/off); the text is none of them."),
    };
}
