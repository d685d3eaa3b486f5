using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace PluginApis.Reliability.Tests.Hostile;

/// <summary>
/// A raw HTTP/1.1 server on a free loopback port (a <see cref="TcpListener"/>, no framework in between) whose answers are a
/// script: each request is handed to <c>answer</c> as a <see cref="RawExchange"/>, which may write anything — an early
/// 413 while the client is still sending, a stall mid-body, a body that never ends, a compressed bomb, cookies, redirects
/// anywhere. It records every request with its headers, the body bytes that arrived and the bytes it managed to write.
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<RawExchange, Task> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<RawRequest> _requests = [];
    private readonly List<Task> _connections = [];
    private readonly Channel<RawRequest> _stalls = Channel.CreateUnbounded<RawRequest>();
    private readonly Task _accepting;
    private long _bytesWritten;
    private int _connectionCount;

    private HostileServer(Func<RawExchange, Task> answer, IPAddress address)
    {
        _answer = answer;
        _listener = new TcpListener(address, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>Starts a server on 127.0.0.1 (or <paramref name="address"/>) answering every request with <paramref name="answer"/>.</summary>
    public static HostileServer Start(Func<RawExchange, Task> answer, IPAddress? address = null) => new(answer, address ?? IPAddress.Loopback);

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri Root => new($"http://{((IPEndPoint)_listener.LocalEndpoint).Address}:{Port}/");

    public Uri PluginTestsBase => new(Root, "api/v1/");

    public Uri WunderUpdatesBase => new(Root, "v1/");

    public IReadOnlyList<RawRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>
    /// Response bytes the server handed to the kernel: never less than what the client read, and more by at most the socket
    /// buffers and the one write in progress.
    /// </summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>Request body bytes received, all requests together.</summary>
    public long BodyBytesReceived => Requests.Sum(r => r.BodyBytes);

    /// <summary>Waits (at most 30 s, a hang guard) until an answer stalls, and returns its request.</summary>
    public async Task<RawRequest> NextStallAsync() =>
        await _stalls.Reader.ReadAsync(_stop.Token).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    internal void Stalled(RawRequest request) => _stalls.Writer.TryWrite(request);

    internal void Wrote(int count) => Interlocked.Add(ref _bytesWritten, count);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Task[] running;
        lock (_connections)
        {
            running = [.. _connections, _accepting];
        }

        await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(30));
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                socket.NoDelay = true;
                socket.SendBufferSize = 64 * 1024; // keeps what the kernel buffers, and so BytesWritten, close to what the client read
                var connection = new RawConnection(this, socket, Interlocked.Increment(ref _connectionCount));
                lock (_connections)
                {
                    _connections.Add(ServeAsync(connection));
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(RawConnection connection)
    {
        await Task.Yield();
        using (connection)
        {
            try
            {
                while (await connection.ReadHeadAsync(_stop.Token) is { } request)
                {
                    int index;
                    lock (_requests)
                    {
                        index = _requests.Count;
                        _requests.Add(request);
                    }

                    var exchange = new RawExchange(connection, request, index, _stop.Token);
                    await _answer(exchange);
                    await exchange.FinishAsync();
                    if (!exchange.KeepAlive)
                    {
                        break;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away (as a client that stops reading does), or the server stopped.
            }
        }
    }
}
