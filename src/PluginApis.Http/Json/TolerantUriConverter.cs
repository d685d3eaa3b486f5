using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginApis.Http.Json;

/// <summary>
/// A guessed URL: a string, kept as an absolute URI when it is one and as a relative one otherwise (callers that need an
/// absolute http(s) URL check <see cref="Uri.IsAbsoluteUri"/>). <c>null</c>, <c>false</c> and an empty string read as null;
/// a number, <c>true</c>, an object or an array fail.
/// </summary>
internal sealed class TolerantUriConverter : JsonConverter<Uri?>
{
    public override bool HandleNull => true;

    public override Uri? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (JsonScalars.IsNone(ref reader))
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonScalars.Unreadable("a URL", ref reader);
        }

        var text = reader.GetString()!.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var uri) ? uri : throw new JsonException("Expected a URL; the text is not one.");
    }

    public override void Write(Utf8JsonWriter writer, Uri? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value.OriginalString);
        }
    }
}
