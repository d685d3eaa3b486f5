using PluginApis.Http;

namespace PluginTests.Client;

/// <summary>
/// PluginTests answered with an error status (other than 429, which is <see cref="RateLimitExceededException"/>).
/// <see cref="Code"/> holds the service's error code, <see cref="ApiException.ServerMessage"/> its message and
/// <see cref="ApiException.ResponseBody"/> the raw body — also when the body was HTML, empty or truncated.
/// </summary>
public class PluginTestsException : ApiException
{
    /// <summary>Creates the exception from the response it describes.</summary>
    /// <param name="message">The message shown to the caller (already redacted).</param>
    /// <param name="response">The response details.</param>
    /// <param name="errorCode">The service's error code, if any.</param>
    /// <param name="serverMessage">The service's message, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is null.</exception>
    public PluginTestsException(string message, ApiErrorResponse response, string? errorCode, string? serverMessage, Exception? innerException = null)
        : base(message, response, errorCode, serverMessage, innerException)
    {
        Code = errorCode is null ? default : new PluginTestsErrorCode(errorCode);
    }

    /// <summary>The service's error code, e.g. <see cref="PluginTestsErrorCode.PluginNotFound"/>; empty when the body had none.</summary>
    public PluginTestsErrorCode Code { get; }
}
