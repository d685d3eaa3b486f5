namespace PluginApis.Http;

/// <summary>
/// Puts the API key into the query string (PluginTests: <c>apiKey</c>) exactly once per request, also across retries,
/// and takes it out of the request again once the call returns so that no stored URI holds it.
/// </summary>
public sealed class ApiKeyQueryHandler : DelegatingHandler
{
    private readonly string _parameterName;
    private readonly string _apiKey;
    private readonly string _querySuffix;

    /// <summary>Creates the handler.</summary>
    /// <param name="parameterName">The query parameter that carries the key.</param>
    /// <param name="apiKey">The API key.</param>
    public ApiKeyQueryHandler(string parameterName, string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parameterName);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _parameterName = parameterName;
        _apiKey = apiKey;
        _querySuffix = "?" + ApiUri.EscapeQuery(parameterName) + "=" + ApiUri.EscapeQuery(apiKey);
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var original = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        request.RequestUri = request is ApiHttpRequestMessage own && own.TryGetAbsoluteUri(original, out var text) && text.AsSpan().IndexOfAny('?', '#') < 0
            ? ApiUri.Create(string.Concat(text, _querySuffix)) // what WithQueryParameter makes of a URI without query, minus re-reading the URI
            : ApiUri.WithQueryParameter(original, _parameterName, _apiKey);

        Task<HttpResponseMessage> sent;
        try
        {
            sent = base.SendAsync(request, cancellationToken);
        }
        catch (Exception ex)
        {
            request.RequestUri = original;
            return Faulted(ex);
        }

        if (sent.IsCompleted)
        {
            // Finished already (an in-memory transport, a throttle refusal): restore the URI without an async frame.
            request.RequestUri = original;
            return sent;
        }

        return RestoreWhenDoneAsync(sent, request, original);
    }

    private static async Task<HttpResponseMessage> RestoreWhenDoneAsync(Task<HttpResponseMessage> sent, HttpRequestMessage request, Uri original)
    {
        try
        {
            return await sent.ConfigureAwait(false);
        }
        finally
        {
            request.RequestUri = original;
        }
    }

    // What an async method does with an exception thrown before its first await.
    private static Task<HttpResponseMessage> Faulted(Exception ex)
    {
        if (ex is OperationCanceledException canceled)
        {
            var source = new TaskCompletionSource<HttpResponseMessage>();
            source.SetCanceled(canceled.CancellationToken);
            return source.Task;
        }

        return Task.FromException<HttpResponseMessage>(ex);
    }
}
