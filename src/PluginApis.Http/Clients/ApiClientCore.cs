using Refit;

namespace PluginApis.Http;

/// <summary>
/// What one client instance is made of: the HttpClient whose chain ends in the key handler and the transport, the caller
/// that runs calls through the pipeline, and a lifetime that stops streamed responses when the client is disposed.
/// Built the same way for the constructors and for dependency injection (where the factory owns the HttpClient's handlers).
/// </summary>
internal sealed class ApiClientCore : IDisposable
{
    private readonly bool _ownsHttpClient;
    private readonly CancellationTokenSource _lifetime = new();
    private int _disposed;

    private ApiClientCore(HttpClient httpClient, bool ownsHttpClient, ApiCaller caller)
    {
        HttpClient = httpClient;
        _ownsHttpClient = ownsHttpClient;
        Caller = caller;
    }

    /// <summary>The client's HttpClient (base address set, no timeout of its own: the pipeline times out).</summary>
    public HttpClient HttpClient { get; }

    /// <summary>Runs the client's calls.</summary>
    public ApiCaller Caller { get; }

    /// <summary>Cancelled when the client is disposed.</summary>
    public CancellationToken Lifetime => _lifetime.Token;

    /// <summary>
    /// Builds a client without dependency injection: validates the options, then chains the key handler over
    /// <paramref name="transport"/> (a caller's handler, left open when the client is disposed) or a new safe socket handler.
    /// </summary>
    /// <exception cref="ArgumentException">An option is invalid, or the transport follows redirects or keeps cookies and was already used.</exception>
    public static ApiClientCore Create(ApiClientOptions options, ApiServiceDefinition service, HttpMessageHandler? transport)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        if (transport is not null)
        {
            SafeTransport.DisableRedirectsAndCookies(transport, nameof(transport));
        }

        HttpMessageHandler inner = transport is null ? SafeTransport.Create() : new CallerOwnedTransport(transport);
        var chain = new ApiKeyHandler(service.KeyPlacement, options.ApiKey, options.BaseAddress) { InnerHandler = inner };
        var httpClient = new HttpClient(chain, disposeHandler: true) { BaseAddress = options.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        return new ApiClientCore(httpClient, ownsHttpClient: true, new ApiCaller(service, options));
    }

    /// <summary>Builds a client over an <see cref="IHttpClientFactory"/> client whose chain the registration set up.</summary>
    public static ApiClientCore FromFactory(HttpClient httpClient, ApiCaller caller)
    {
        httpClient.BaseAddress ??= caller.Options.BaseAddress;
        httpClient.Timeout = Timeout.InfiniteTimeSpan;
        return new ApiClientCore(httpClient, ownsHttpClient: false, caller);
    }

    /// <summary>Refit settings for a service's generated interface: JSON only through <paramref name="context"/>, no Refit exception ever thrown.</summary>
    public static RefitSettings RefitSettingsFor(System.Text.Json.Serialization.JsonSerializerContext context)
    {
        var settings = RefitSettings.ForJsonContext(context);

        // JSON bodies are serialized once, synchronously, into a buffer with a Content-Length: sent again as they are on a retry.
        settings.RequestBodySerialization = RequestBodySerializationMode.Buffered;
        settings.ExceptionFactory = static _ => ValueTask.FromResult<Exception?>(null);
        settings.TransportExceptionFactory = ApiTransportFailure.Wrap;
        return settings;
    }

    /// <summary>Stops streamed responses and releases an owned HttpClient; a second call does nothing.</summary>
    public void Dispose()
    {
        // Idempotent: a client resolved from a container may be disposed by its user and again by the container.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _lifetime.Cancel();
        _lifetime.Dispose();
        if (_ownsHttpClient)
        {
            HttpClient.Dispose();
        }
    }

    // Forwards to a caller-owned transport without disposing it when the client is disposed.
    private sealed class CallerOwnedTransport(HttpMessageHandler transport) : DelegatingHandler(transport)
    {
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2215:Dispose methods should call base class dispose", Justification = "base.Dispose would dispose the caller's transport, which the caller owns.")]
        protected override void Dispose(bool disposing)
        {
        }
    }
}
