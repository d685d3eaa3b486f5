using System.Collections.Concurrent;

namespace PluginTests.Client.Tests;

/// <summary>Records every request that reaches the transport, then passes it on (to a MockHttp handler).</summary>
internal sealed class RecordingHandler(TimeProvider time, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly ConcurrentQueue<SentRequest> _requests = new();
    private readonly ConcurrentQueue<HttpResponseMessage> _responses = new();

    public IReadOnlyList<SentRequest> Requests => _requests.ToArray();

    public IReadOnlyList<HttpResponseMessage> Responses => _responses.ToArray();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        _requests.Enqueue(new SentRequest(request.Method, request.RequestUri!.OriginalString, body, request.Content?.Headers.ContentType?.ToString(), time.GetUtcNow(), request));
        var response = await base.SendAsync(request, cancellationToken);
        _responses.Enqueue(response);
        return response;
    }
}
