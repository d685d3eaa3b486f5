namespace PluginApis.Http;

/// <summary>
/// Carries an exception the transport threw, together with the key-free URI of the request, from Refit's transport
/// exception hook to the attempt, which unwraps it. Never reaches a caller.
/// </summary>
internal sealed class ApiTransportFailure : Exception
{
    public ApiTransportFailure(Uri? requestUri, Exception inner)
        : base(inner.Message, inner) => RequestUri = requestUri;

    public ApiTransportFailure()
    {
    }

    public ApiTransportFailure(string message)
        : base(message)
    {
    }

    public ApiTransportFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The request URI without the API key (the key handler restored it before the hook ran).</summary>
    public Uri? RequestUri { get; }

    /// <summary>Refit's transport exception hook: keep the URI, pass the failure on unchanged otherwise.</summary>
    public static Exception Wrap(HttpRequestMessage request, Exception exception, CancellationToken cancellationToken) =>
        new ApiTransportFailure(request.RequestUri, exception);
}
