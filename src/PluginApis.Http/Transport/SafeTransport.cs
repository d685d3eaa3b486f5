using System.Net;

namespace PluginApis.Http;

/// <summary>
/// The transport the SDK uses when the caller brings none, and the checks on one a caller brings: an API client follows
/// no redirects (the key would travel with them to another origin), keeps no cookies (it is stateless) and does not
/// decompress on its own (the SDK decompresses within the body cap, so a compressed bomb cannot exhaust memory). A
/// caller's socket handler gets its redirects turned off.
/// </summary>
internal static class SafeTransport
{
    /// <summary>A pooled socket handler with redirects, cookies and automatic decompression off.</summary>
    public static SocketsHttpHandler Create() => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        Expect100ContinueTimeout = TimeSpan.FromSeconds(2),
    };

    /// <summary>Makes a handler the factory built for the SDK safe in the same way (it belongs to the SDK's chain, so it may be changed).</summary>
    public static void Harden(HttpMessageHandler handler)
    {
        switch (Leaf(handler))
        {
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                sockets.UseCookies = false;
                break;
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                client.UseCookies = false;
                break;
        }
    }

    /// <summary>
    /// Turns redirects off on a caller's transport (a <see cref="SocketsHttpHandler"/> or <see cref="HttpClientHandler"/> at the
    /// end of its chain): the key would otherwise follow a redirect to another origin. Other transports are left as they are.
    /// </summary>
    /// <exception cref="ArgumentException">The transport follows redirects and has already sent requests, so it can no longer be changed.</exception>
    public static void DisableRedirects(HttpMessageHandler transport, string paramName)
    {
        try
        {
            switch (Leaf(transport))
            {
                case SocketsHttpHandler { AllowAutoRedirect: true } sockets:
                    sockets.AllowAutoRedirect = false;
                    break;
                case HttpClientHandler { AllowAutoRedirect: true } client:
                    client.AllowAutoRedirect = false;
                    break;
            }
        }
        catch (InvalidOperationException ex)
        {
            throw new ArgumentException(
                "The transport follows redirects, which would carry the API key to another origin, and it has already been used, so the SDK cannot turn them off: " +
                "pass a handler with AllowAutoRedirect = false. The SDK never follows redirects; a 3xx answer becomes an ApiException.",
                paramName,
                ex);
        }
    }

    private static HttpMessageHandler Leaf(HttpMessageHandler handler)
    {
        while (handler is DelegatingHandler { InnerHandler: { } inner })
        {
            handler = inner;
        }

        return handler;
    }
}
