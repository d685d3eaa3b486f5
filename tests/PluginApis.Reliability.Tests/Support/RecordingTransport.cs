using System.Net;
using System.Text;

namespace PluginApis.Reliability.Tests;

/// <summary>A transport that records the request target it would send and answers 404 with a JSON error body, without a network.</summary>
internal sealed class RecordingTransport : HttpMessageHandler
{
    private readonly List<string> _targets = [];

    public IReadOnlyList<string> Targets
    {
        get
        {
            lock (_targets)
            {
                return [.. _targets];
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_targets)
        {
            // What SocketsHttpHandler writes on the request line.
            _targets.Add(request.RequestUri!.PathAndQuery);
        }

        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            RequestMessage = request,
            Content = new StringContent("""{"status":404,"message":"Not found.","error":{"code":"not_found","message":"Not found."}}""", Encoding.UTF8, "application/json"),
        });
    }
}
