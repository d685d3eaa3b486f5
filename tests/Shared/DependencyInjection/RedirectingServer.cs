using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PluginApis.Tests.Shared;

/// <summary>
/// A real HTTP/1.1 server on a free loopback port that answers every request with <c>302 Found</c> to
/// <c>/elsewhere</c> on itself and records each request line: a client that follows redirects sends a second request.
/// </summary>
internal sealed class RedirectingServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<string> _requestLines = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;

    public RedirectingServer()
    {
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>The request lines received so far (<c>GET /path?query HTTP/1.1</c>).</summary>
    public IReadOnlyList<string> RequestLines => [.. _requestLines];

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            using var connection = await _listener.AcceptTcpClientAsync(_stopping.Token);
            try
            {
                await AnswerAsync(connection.GetStream());
            }
            catch (IOException)
            {
                // the client went away mid-request: its request line, if any, is recorded; serve the next one
            }
        }
    }

    private async Task AnswerAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        var requestLine = await reader.ReadLineAsync(_stopping.Token);
        _requestLines.Enqueue(requestLine ?? string.Empty);
        while (!string.IsNullOrEmpty(await reader.ReadLineAsync(_stopping.Token)))
        {
            // headers: read and ignore; a request without a body ends with the empty line
        }

        var answer = $"HTTP/1.1 302 Found\r\nLocation: {BaseAddress}elsewhere\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), _stopping.Token);
    }
}
