using System.Text.Json;
using PluginApis.Http;

namespace PluginTests.Client;

/// <summary>The PluginTests parts of the shared pipeline: its name, the <c>apiKey</c> query parameter, the error-body reader and the exception type.</summary>
internal static class PluginTestsService
{
    public static ApiServiceDefinition Definition { get; } = new()
    {
        Name = PluginTestsOperations.Service,
        KeyPlacement = ApiKeyPlacement.Query("apiKey"),
        ParseError = ParseError,
        CreateException = static (message, response, info) => new PluginTestsException(message, response, info.Code, info.Message),
    };

    /// <summary>Reads <c>{"error":{"message":"...","code":"..."}}</c>; tolerates a string <c>error</c>, top-level fields and non-JSON bodies.</summary>
    internal static ApiErrorInfo ParseError(string? body)
    {
        using var document = ApiErrorBody.TryParseObject(body, out var root);
        if (document is null)
        {
            return default;
        }

        string? code = null, message = null;
        if (root.TryGetProperty("error", out var error))
        {
            if (error.ValueKind == JsonValueKind.Object)
            {
                code = ApiErrorBody.GetString(error, "code");
                message = ApiErrorBody.GetString(error, "message");
            }
            else if (error.ValueKind == JsonValueKind.String)
            {
                message = error.GetString();
            }
        }

        code ??= ApiErrorBody.GetString(root, "code");
        message ??= ApiErrorBody.GetString(root, "message");
        return new ApiErrorInfo(string.IsNullOrEmpty(code) ? null : code, string.IsNullOrEmpty(message) ? null : message);
    }
}
