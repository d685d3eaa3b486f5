using System.Net;
using System.Net.Http.Headers;

namespace PluginApis.Benchmarks.Infrastructure;

/// <summary>
/// The in-memory transport both sides of a benchmark share: it serialises the request body (as a socket handler
/// would) and answers every request with the same canned status, JSON body and the service's rate-limit headers.
/// </summary>
internal sealed class CannedHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly HttpStatusCode _status;
    private readonly byte[]? _body;
    private readonly Func<Stream>? _streamFactory;

    public CannedHandler(HttpStatusCode status, byte[] body)
    {
        _status = status;
        _body = body;
    }

    public CannedHandler(Func<Stream> streamFactory)
    {
        _status = HttpStatusCode.OK;
        _streamFactory = streamFactory;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            await content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        return Respond(request);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Content?.CopyTo(Stream.Null, null, cancellationToken);
        return Respond(request);
    }

    private HttpResponseMessage Respond(HttpRequestMessage request)
    {
        HttpContent body = _body is not null ? new ByteArrayContent(_body) : new StreamContent(_streamFactory!(), 16 * 1024);
        body.Headers.ContentType = Json;
        var response = new HttpResponseMessage(_status) { Content = body, RequestMessage = request };
        // The service's headers, with a quota no benchmark can spend: the SDK counts requests against the announced
        // remaining quota and would (rightly) hold calls back once a canned "599 left" had been used up within the window.
        response.Headers.TryAddWithoutValidation("RateLimit-Limit", "1000000000, 1000000000;w=60");
        response.Headers.TryAddWithoutValidation("Ratelimit-Remaining", "999999999");
        response.Headers.TryAddWithoutValidation("Ratelimit-Reset", "60");
        return response;
    }
}
