using System.Net;

namespace PluginApis.Http;

/// <summary>
/// A call reached the service and it answered with a non-success status (or a body the SDK could not read).
/// Carries the status, the service's error code and message, the raw body (capped, secrets redacted) and the rate-limit state.
/// Never contains the API key.
/// </summary>
public class ApiException : Exception
{
    /// <summary>Creates the exception from the response it describes.</summary>
    /// <param name="message">The message shown to the caller (already redacted).</param>
    /// <param name="response">The response details.</param>
    /// <param name="errorCode">The service's machine-readable error code, if any.</param>
    /// <param name="serverMessage">The service's human-readable message, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is null.</exception>
    public ApiException(string message, ApiErrorResponse response, string? errorCode, string? serverMessage, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(response);
        StatusCode = response.StatusCode;
        RequestMethod = response.RequestMethod;
        RequestUri = response.RequestUri;
        ResponseBody = response.Body;
        RateLimit = response.RateLimit;
        ErrorCode = errorCode;
        ServerMessage = serverMessage;
    }

    /// <summary>The HTTP status the service answered with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The service's error code (e.g. <c>plugin_not_found</c>), or null when the body had none.</summary>
    public string? ErrorCode { get; }

    /// <summary>The service's own error message, or null when the body had none.</summary>
    public string? ServerMessage { get; }

    /// <summary>The response body as text, capped at <see cref="ApiErrorBody.MaxBodyLength"/> characters, secrets redacted.</summary>
    public string? ResponseBody { get; }

    /// <summary>The rate-limit headers of the response.</summary>
    public RateLimitInfo? RateLimit { get; }

    /// <summary>The HTTP method of the failed request.</summary>
    public string RequestMethod { get; }

    /// <summary>The request URI with the API key and other secrets redacted.</summary>
    public Uri? RequestUri { get; }

    /// <summary>Builds the standard message: request line, status, server message and code.</summary>
    /// <param name="response">The response.</param>
    /// <param name="errorCode">The error code, if any.</param>
    /// <param name="serverMessage">The server message, if any.</param>
    /// <returns>The message, e.g. <c>GET https://plugintests.com/api/v1/plugins/wporg/x failed with 404 (NotFound): Plugin not found. [plugin_not_found]</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The response's <see cref="ApiErrorResponse.RequestUri"/> is a relative URI.</exception>
    public static string FormatMessage(ApiErrorResponse response, string? errorCode, string? serverMessage)
    {
        ArgumentNullException.ThrowIfNull(response);
        var path = response.RequestUri?.AbsoluteUri ?? "(unknown URI)";
        var text = $"{response.RequestMethod} {path} failed with {(int)response.StatusCode} ({response.StatusCode})";
        if (!string.IsNullOrWhiteSpace(serverMessage))
        {
            text += ": " + serverMessage;
        }

        if (!string.IsNullOrWhiteSpace(errorCode))
        {
            text += $" [{errorCode}]";
        }

        return text;
    }
}
