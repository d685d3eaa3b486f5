using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PluginApis.Emulator.Tests;

/// <summary>A request the <see cref="LoopbackServer"/> received.</summary>
internal sealed record ReceivedRequest(string Method, string Path, string? ContentType, string? Event, string? UserAgent, byte[] Body);

/// <summary>
/// A real HTTP server on a free loopback port, standing in for a webhook receiver or a ZIP host: <see cref="Serve"/> answers a
/// path with a status and body; <see cref="Hang"/> makes a path wait until the server stops. Every request is recorded.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (int Status, byte[] Body)> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _hanging = new(StringComparer.Ordinal);
    private readonly Channel<ReceivedRequest> _received = Channel.CreateUnbounded<ReceivedRequest>();
    private readonly CancellationTokenSource _stopping = new();

    private LoopbackServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = new LoopbackServer(builder.Build());
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync(T.Ct);
        server.BaseAddress = new Uri(server._app.Urls.First() + "/");
        return server;
    }

    public Uri Url(string path) => new(BaseAddress, path.TrimStart('/'));

    public void Serve(string path, int status, byte[] body) => _answers["/" + path.TrimStart('/')] = (status, body);

    public void Hang(string path) => _hanging["/" + path.TrimStart('/')] = true;

    /// <summary>The next request received (waits for it; fails the test when the test is cancelled).</summary>
    public async Task<ReceivedRequest> NextAsync() => await _received.Reader.ReadAsync(T.Ct);

    /// <summary>Requests received so far that were not yet taken by <see cref="NextAsync"/>.</summary>
    public List<ReceivedRequest> Drain()
    {
        var list = new List<ReceivedRequest>();
        while (_received.Reader.TryRead(out var request))
        {
            list.Add(request);
        }

        return list;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var path = context.Request.Path.Value ?? "/";
        _received.Writer.TryWrite(new ReceivedRequest(context.Request.Method, path, context.Request.ContentType,
            context.Request.Headers["X-PluginTests-Event"].FirstOrDefault(), context.Request.Headers.UserAgent.FirstOrDefault(), body.ToArray()));
        if (_hanging.ContainsKey(path))
        {
            try
            {
                await Task.Delay(Timeout.Infinite, CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, context.RequestAborted).Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var (status, bytes) = _answers.TryGetValue(path, out var answer) ? answer : (context.Request.Method == "POST" ? 204 : 404, []);
        context.Response.StatusCode = status;
        if (bytes.Length > 0)
        {
            context.Response.ContentType = "application/zip";
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }
}
