namespace PluginApis.Http;

/// <summary>
/// The one place the SDK's handler chain is made: the resilience handler (retries, throttling, timeouts). The API key is
/// not a handler's job: <see cref="ApiConnection"/> puts it into each request it builds.
/// Clients built with a constructor chain the handlers over a transport; under <c>IHttpClientFactory</c> the same handlers are added to the factory's chain.
/// </summary>
public static class ApiHandlerChain
{
    /// <summary>Creates the SDK handlers, outermost first.</summary>
    /// <param name="options">Retry, wait and timeout settings.</param>
    /// <param name="tracker">The client's rate-limit memory.</param>
    public static IReadOnlyList<DelegatingHandler> CreateHandlers(ApiResilienceOptions options, RateLimitTracker tracker) =>
        [new ResilienceHandler(options, tracker)];

    /// <summary>Links the handlers in order over <paramref name="transport"/> and returns the outermost.</summary>
    /// <param name="handlers">The handlers, outermost first.</param>
    /// <param name="transport">The innermost handler that sends over the network (or a test double).</param>
    public static HttpMessageHandler Link(IReadOnlyList<DelegatingHandler> handlers, HttpMessageHandler transport)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(transport);
        var inner = transport;
        for (var i = handlers.Count - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = inner;
            inner = handlers[i];
        }

        return inner;
    }

    /// <summary>The transport used when the caller supplies none: a pooled <see cref="SocketsHttpHandler"/>.</summary>
    public static HttpMessageHandler CreateDefaultTransport() => new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
    };
}
