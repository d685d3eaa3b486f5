using System.Net;

namespace PluginApis.Http;

/// <summary>A success body went past the cap within the attempt; never retried, turned into an <see cref="InvalidResponseException"/> for the caller.</summary>
internal sealed class ResponseBodyTooLargeException : Exception
{
    public ResponseBodyTooLargeException(HttpStatusCode statusCode, int limit)
        : base($"The response body is larger than the limit of {limit:N0} bytes (ApiClientOptions.MaxResponseBodySize); nothing beyond it was read.")
    {
        StatusCode = statusCode;
        Limit = limit;
    }

    public ResponseBodyTooLargeException()
    {
    }

    public ResponseBodyTooLargeException(string message)
        : base(message)
    {
    }

    public ResponseBodyTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The cap in bytes.</summary>
    public int Limit { get; }
}
