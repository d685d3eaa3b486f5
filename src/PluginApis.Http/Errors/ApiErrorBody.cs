using System.Text;
using System.Text.Json;

namespace PluginApis.Http;

/// <summary>Helpers for reading error bodies defensively: capped text and tolerant JSON lookups.</summary>
internal static class ApiErrorBody
{
    /// <summary>The most characters of a body kept on an exception.</summary>
    public const int MaxBodyLength = 4096;

    /// <summary>At most <see cref="MaxBodyLength"/> characters of a body already in memory (read within the attempt); never throws.</summary>
    public static string? ReadCapped(HttpContent? content)
    {
        if (content is null)
        {
            return null;
        }

        try
        {
            using var stream = content.ReadAsStream();
            if (stream.CanSeek)
            {
                stream.Position = 0;
            }

            var buffer = new byte[MaxBodyLength * 4];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer.AsSpan(total))) > 0)
            {
                total += read;
            }

            return Decode(buffer, total);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or NotSupportedException or InvalidOperationException or HttpRequestException)
        {
            return null;
        }
    }

    private static string? Decode(byte[] buffer, int total)
    {
        if (total == 0)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, total);
        return text.Length > MaxBodyLength ? text[..MaxBodyLength] + "…(truncated)" : text;
    }

    /// <summary>Parses a body as a JSON object; false for anything else (HTML, empty, truncated).</summary>
    /// <param name="body">The body text.</param>
    /// <param name="root">The root object when parsing succeeded; dispose the returned document.</param>
    public static JsonDocument? TryParseObject(string? body, out JsonElement root)
    {
        root = default;
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                return null;
            }

            root = document.RootElement;
            return document;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string-valued (or number-valued) property of an object, or null.</summary>
    /// <param name="element">The object.</param>
    /// <param name="name">The property name.</param>
    public static string? GetString(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }
}
