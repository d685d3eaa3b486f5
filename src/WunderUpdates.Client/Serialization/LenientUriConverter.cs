using System.Text.Json;
using System.Text.Json.Serialization;

namespace WunderUpdates.Client.Serialization;

/// <summary>
/// Reads an absolute http(s) URL; anything else (an empty string, <c>false</c>, a relative path) becomes null instead of failing
/// the whole response — update servers often send <c>""</c> or <c>false</c> where no download is allowed.
/// </summary>
internal sealed class LenientUriConverter : JsonConverter<Uri?>
{
    public override bool HandleNull => true;

    public override Uri? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return Uri.TryCreate(reader.GetString(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;
        }

        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, Uri? value, JsonSerializerOptions options)
    {
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
