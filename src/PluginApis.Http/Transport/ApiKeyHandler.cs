namespace PluginApis.Http;

/// <summary>
/// The innermost SDK handler, just above the transport: the one place the API key is put into a request (the PluginTests
/// <c>apiKey</c> query parameter, the WunderUpdates <c>x-api-key</c> header), only for the origin it was configured for,
/// and taken out again when the response arrives, so the request a caller, a handler or an exception later sees holds no key.
/// Handlers added around the SDK's (e.g. with <c>AddHttpMessageHandler</c>) never see the key.
/// </summary>
internal sealed class ApiKeyHandler : DelegatingHandler
{
    /// <summary>The request option (a Refit <c>[Property]</c>) that marks a public endpoint, called without the key.</summary>
    public const string AnonymousOption = "PluginApis.Anonymous";

    private static readonly HttpRequestOptionsKey<bool> Anonymous = new(AnonymousOption);

    private readonly ApiKeyPlacement _placement;
    private readonly string _apiKey;
    private readonly string _keyQuery;
    private readonly Uri _origin;
    private readonly string _originPrefix;

    /// <summary>Creates the handler for one key and the base address it belongs to.</summary>
    public ApiKeyHandler(ApiKeyPlacement placement, string apiKey, Uri baseAddress)
    {
        _placement = placement;
        _apiKey = apiKey;
        _keyQuery = placement.InQuery ? Uri.EscapeDataString(placement.Name) + "=" + Uri.EscapeDataString(apiKey) : string.Empty;
        _origin = new Uri(baseAddress.GetLeftPart(UriPartial.Authority));
        _originPrefix = _origin.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) + "/";
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var shown = request.RequestUri;
        if (shown is null || (request.Options.TryGetValue(Anonymous, out var anonymous) && anonymous))
        {
            return base.SendAsync(request, cancellationToken);
        }

        if (!IsAtOrigin(shown))
        {
            // Only the SDK builds these requests, always under the base address: anything else is a bug, and the key stays home.
            throw new InvalidOperationException("The request is not for the configured base address; the API key is not sent to another origin.");
        }

        if (_placement.InQuery)
        {
            var text = shown.OriginalString;
            request.RequestUri = new Uri(text.Contains('?', StringComparison.Ordinal)
                ? Join(WithoutParameter(text, _placement.Name), _keyQuery)
                : string.Concat(text, "?", _keyQuery));
        }
        else
        {
            request.Headers.TryAddWithoutValidation(_placement.Name, _apiKey);
        }

        Task<HttpResponseMessage> sent;
        try
        {
            sent = base.SendAsync(request, cancellationToken);
        }
        catch
        {
            Restore(request, shown);
            throw;
        }

        if (sent.IsCompleted)
        {
            // Answered at once (an in-memory transport): no frame of our own.
            Restore(request, shown);
            return sent;
        }

        return RestoreAfterAsync(sent, request, shown);
    }

    // The requests the SDK builds start with the base address's scheme and authority followed by "/": that text alone
    // settles the origin, without parsing the whole URI. Anything else is compared component by component.
    private bool IsAtOrigin(Uri uri) =>
        (uri.IsAbsoluteUri && uri.OriginalString.StartsWith(_originPrefix, StringComparison.OrdinalIgnoreCase))
        || Uri.Compare(uri, _origin, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0;

    // A raw call's own query may name the key parameter: the key is set once, by this handler.
    private static string WithoutParameter(string uriText, string name)
    {
        var q = uriText.IndexOf('?', StringComparison.Ordinal);
        var kept = uriText[(q + 1)..].Split('&').Where(part =>
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            return part.Length > 0 && !Uri.UnescapeDataString(eq < 0 ? part : part[..eq]).Equals(name, StringComparison.Ordinal);
        });
        return uriText[..(q + 1)] + string.Join('&', kept);
    }

    private static string Join(string uriText, string parameter) =>
        string.Concat(uriText, uriText.EndsWith('?') ? string.Empty : "&", parameter);

    private async Task<HttpResponseMessage> RestoreAfterAsync(Task<HttpResponseMessage> sent, HttpRequestMessage request, Uri shown)
    {
        try
        {
            return await sent.ConfigureAwait(false);
        }
        finally
        {
            Restore(request, shown);
        }
    }

    // Whatever happened, nothing kept of the request holds the key any more.
    private void Restore(HttpRequestMessage request, Uri shown)
    {
        request.RequestUri = shown;
        if (!_placement.InQuery)
        {
            request.Headers.Remove(_placement.Name);
        }
    }
}
