namespace PluginApis.Http;

/// <summary>
/// The rate limit was hit and the wait it asks for is longer than <see cref="ApiResilienceOptions.MaxRateLimitWait"/>
/// (or the retries ran out). <see cref="RetryAfter"/> tells when trying again makes sense.
/// </summary>
public class RateLimitExceededException : ApiException
{
    /// <summary>Creates the exception for a 429 response, or for a quota known to be spent when no request was sent.</summary>
    /// <param name="message">The message (already redacted).</param>
    /// <param name="response">The response details; status 429.</param>
    /// <param name="retryAfter">How long to wait before trying again, if known.</param>
    /// <param name="errorCode">The service's error code, if any.</param>
    /// <param name="serverMessage">The service's message, if any.</param>
    /// <param name="throttledLocally">True when the client did not send the request because it knew the quota was spent.</param>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is null.</exception>
    public RateLimitExceededException(string message, ApiErrorResponse response, TimeSpan? retryAfter, string? errorCode = null, string? serverMessage = null, bool throttledLocally = false)
        : base(message, response, errorCode, serverMessage)
    {
        RetryAfter = retryAfter;
        ThrottledLocally = throttledLocally;
    }

    /// <summary>How long to wait before the quota is available again, if known.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True when no request was sent: the client knew the quota was spent for longer than it may wait.</summary>
    public bool ThrottledLocally { get; }
}
