using Microsoft.AspNetCore.Http;
using PluginApis.Emulator.Json;

namespace PluginApis.Emulator;

/// <summary>The two services' error bodies.</summary>
internal static class Errors
{
    /// <summary>PluginTests (documented): <c>{"error":{"message":"...","code":"..."}}</c>.</summary>
    public static IResult Pt(int status, string code, string message) =>
        Results.Json(new PtErrorBody(new PtError(message, code)), EmulatorJson.Context.PtErrorBody, statusCode: status);

    public static IResult PtPluginNotFound() => Pt(StatusCodes.Status404NotFound, "plugin_not_found", "Plugin not found.");

    public static IResult PtValidation(string message) => Pt(StatusCodes.Status400BadRequest, "validation_error", message);

    public static IResult PtForbidden(string message) => Pt(StatusCodes.Status403Forbidden, "forbidden", message);

    /// <summary>WunderUpdates (the project's guess): <c>{"status":N,"message":"..."}</c>.</summary>
    public static IResult Wu(int status, string message) =>
        Results.Json(new WuStatusMessage(status, message), EmulatorJson.Context.WuStatusMessage, statusCode: status);

    public static IResult WuNotFound(string message) => Wu(StatusCodes.Status404NotFound, message);

    public static IResult WuBadRequest(string message) => Wu(StatusCodes.Status400BadRequest, message);

    /// <summary>The error body of whichever service owns <paramref name="service"/>.</summary>
    public static IResult For(Service service, int status, string ptCode, string message) =>
        service == Service.PluginTests ? Pt(status, ptCode, message) : Wu(status, message);

    public static string PtCodeFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "invalid_api_key",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => "not_found",
        StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
        StatusCodes.Status413PayloadTooLarge => "payload_too_large",
        StatusCodes.Status429TooManyRequests => "rate_limit_exceeded",
        >= 500 => "internal_error",
        _ => "bad_request",
    };
}

internal enum Service
{
    None,
    PluginTests,
    WunderUpdates,
}
