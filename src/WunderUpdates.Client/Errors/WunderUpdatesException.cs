using PluginApis.Http;

namespace WunderUpdates.Client;

/// <summary>
/// WunderUpdates answered with a non-success status (other than 429, which is <see cref="RateLimitExceededException"/>).
/// The service does not document its error body: <see cref="ApiException.ServerMessage"/> and <see cref="ApiException.ErrorCode"/>
/// are filled from <c>message</c> / <c>error</c> when the body is JSON; the raw body is always in <see cref="ApiException.ResponseBody"/>.
/// </summary>
public class WunderUpdatesException : ApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message (already redacted).</param>
    /// <param name="response">The response details.</param>
    /// <param name="errorCode">The error code from the body, if any.</param>
    /// <param name="serverMessage">The message from the body, if any.</param>
    /// <param name="reportedStatus">The <c>status</c> field of the body, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is null.</exception>
    public WunderUpdatesException(string message, ApiErrorResponse response, string? errorCode, string? serverMessage, int? reportedStatus = null)
        : base(message, response, errorCode, serverMessage)
    {
        ReportedStatus = reportedStatus;
    }

    /// <summary>The <c>status</c> the error body itself reports (usually equal to <see cref="ApiException.StatusCode"/>), or null.</summary>
    public int? ReportedStatus { get; }
}
