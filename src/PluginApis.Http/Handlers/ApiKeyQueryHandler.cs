namespace PluginApis.Http;

/// <summary>
/// Puts the API key into the query string (PluginTests: <c>apiKey</c>) exactly once per request, also across retries,
/// and takes it out of the request again once the call returns so that no stored URI holds it.
/// </summary>
public sealed class ApiKeyQueryHandler : DelegatingHandler
{
    private readonly string _parameterName;
    private readonly string _apiKey;

    /// <summary>Creates the handler.</summary>
    /// <param name="parameterName">The query parameter that carries the key.</param>
    /// <param name="apiKey">The API key.</param>
    public ApiKeyQueryHandler(string parameterName, string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parameterName);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _parameterName = parameterName;
        _apiKey = apiKey;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var original = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        request.RequestUri = ApiUri.WithQueryParameter(original, _parameterName, _apiKey);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            request.RequestUri = original;
        }
    }
}
