namespace PluginApis.Http;

/// <summary>
/// The service answered with a success status but a body the SDK could not read as the expected JSON
/// (empty, truncated, HTML, or a shape the model does not match). The raw body (capped, redacted) and the JSON path are kept;
/// the raw call of each client reads any path as a <c>JsonDocument</c> when a model guessed wrong.
/// </summary>
public class InvalidResponseException : ApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message (already redacted).</param>
    /// <param name="response">The response details.</param>
    /// <param name="jsonPath">Where in the JSON reading failed, if known.</param>
    /// <param name="innerException">The parsing error.</param>
    /// <exception cref="ArgumentNullException"><paramref name="response"/> is null.</exception>
    public InvalidResponseException(string message, ApiErrorResponse response, string? jsonPath, Exception? innerException)
        : base(message, response, errorCode: null, serverMessage: null, innerException)
    {
        JsonPath = jsonPath;
    }

    /// <summary>The JSON path at which reading failed, if known (e.g. <c>$.plugins[3].slug</c>).</summary>
    public string? JsonPath { get; }
}
