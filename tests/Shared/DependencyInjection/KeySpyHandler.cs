using System.Collections.Concurrent;

namespace PluginApis.Tests.Shared;

/// <summary>
/// A handler a user would add with <c>AddHttpMessageHandler</c>: it records, on the way out and on the way back, the request
/// URI, every request header and the URI of the response's request, so a test can show that none of them ever held the key.
/// </summary>
internal sealed class KeySpyHandler(string name, ConcurrentQueue<string> seen) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        seen.Enqueue($"{name} out: {Describe(request)}");
        var response = await base.SendAsync(request, cancellationToken);
        seen.Enqueue($"{name} back: {Describe(request)} | response for {response.RequestMessage?.RequestUri?.OriginalString}");
        return response;
    }

    private static string Describe(HttpRequestMessage request) =>
        request.Method + " " + request.RequestUri?.OriginalString + " | "
        + string.Join("; ", request.Headers.Select(h => h.Key + ": " + string.Join(",", h.Value)));
}
