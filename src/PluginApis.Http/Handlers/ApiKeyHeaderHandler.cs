namespace PluginApis.Http;

/// <summary>
/// Sends the API key in a request header (WunderUpdates: <c>x-api-key</c>) and removes it from the request once the call returns.
/// </summary>
public sealed class ApiKeyHeaderHandler : DelegatingHandler
{
    private readonly string _headerName;
    private readonly string _apiKey;

    /// <summary>Creates the handler.</summary>
    /// <param name="headerName">The header that carries the key.</param>
    /// <param name="apiKey">The API key.</param>
    public ApiKeyHeaderHandler(string headerName, string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(headerName);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _headerName = headerName;
        _apiKey = apiKey;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ApiRequestMetadata.Get(request)?.Anonymous == true)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        request.Headers.Remove(_headerName);
        request.Headers.TryAddWithoutValidation(_headerName, _apiKey);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            request.Headers.Remove(_headerName);
        }
    }
}
