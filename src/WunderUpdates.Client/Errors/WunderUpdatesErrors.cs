using System.Globalization;
using System.Text.Json;
using PluginApis.Http;

namespace WunderUpdates.Client;

/// <summary>
/// How WunderUpdates error bodies are read. Undocumented, so read defensively: <c>message</c> (string), <c>error</c>
/// (a string, or an object with <c>message</c>/<c>code</c>) and <c>status</c>; anything else (HTML, empty, truncated)
/// yields no code or message and the raw body stays on the exception.
/// </summary>
internal static class WunderUpdatesErrors
{
    public static ApiServiceDefinition Service { get; } = new()
    {
        Name = WunderUpdatesOperations.Service,
        KeyPlacement = ApiKeyPlacement.Header(WunderUpdatesClient.ApiKeyHeaderName),
        ParseError = body =>
        {
            var (code, message, _) = Parse(body);
            return new ApiErrorInfo(code, message);
        },
        CreateException = (text, response, info) =>
            new WunderUpdatesException(text, response, info.Code, info.Message, Parse(response.Body).Status),
    };

    public static (string? Code, string? Message, int? Status) Parse(string? body)
    {
        using var document = ApiErrorBody.TryParseObject(body, out var root);
        if (document is null)
        {
            return default;
        }

        string? code = null;
        var message = ApiErrorBody.GetString(root, "message");
        if (root.TryGetProperty("error", out var error))
        {
            switch (error.ValueKind)
            {
                case JsonValueKind.String:
                    var text = error.GetString();
                    if (LooksLikeCode(text))
                    {
                        code = text;
                    }
                    else
                    {
                        message ??= text;
                    }

                    break;
                case JsonValueKind.Object:
                    message ??= ApiErrorBody.GetString(error, "message");
                    code = ApiErrorBody.GetString(error, "code");
                    break;
            }
        }

        code ??= ApiErrorBody.GetString(root, "code");
        int? status = int.TryParse(ApiErrorBody.GetString(root, "status"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : null;
        return (Blank(code), Blank(message), status);
    }

    // "plugin_not_found" or "NotFound" is a code; "Plugin not found." is a message.
    private static bool LooksLikeCode(string? text) =>
        !string.IsNullOrEmpty(text) && text.Length <= 64 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
