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
    /// Turns redirects and cookies off on a caller's transport (a <see cref="SocketsHttpHandler"/> or <see cref="HttpClientHandler"/>
    /// at the end of its chain): the key would otherwise follow a redirect to another origin, and cookies a server set would be
    /// sent back (an API client is stateless). Other transports are left as they are.
    /// </summary>
    /// <exception cref="ArgumentException">The transport follows redirects or keeps cookies and has already sent requests, so it can no longer be changed.</exception>
    public static void DisableRedirectsAndCookies(HttpMessageHandler transport, string paramName)
    {
        try
        {
            switch (Leaf(transport))
            {
                // Only what is on is set (a handler already used throws on any setter).
                case SocketsHttpHandler sockets:
                    if (sockets.AllowAutoRedirect)
                    {
                        sockets.AllowAutoRedirect = false;
                    }

                    if (sockets.UseCookies)
                    {
                        sockets.UseCookies = false;
                    }

                    break;
                case HttpClientHandler client:
                    if (client.AllowAutoRedirect)
                    {
                        client.AllowAutoRedirect = false;
                    }

                    if (client.UseCookies)
                    {
                        client.UseCookies = false;
                    }

                    break;
            }
        }
        catch (InvalidOperationException ex)
        {
            throw new ArgumentException(
                "The transport follows redirects or keeps cookies, and it has already been used, so the SDK cannot turn them off: " +
                "pass a handler with AllowAutoRedirect = false and UseCookies = false. The SDK never follows redirects (a 3xx answer " +
                "becomes an ApiException, so the API key never leaves its origin) and sends no cookies back.",
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
