using System.Collections.Concurrent;
using System.Net;

namespace PluginTests.Client.Tests;

/// <summary>Answers every request from a script indexed by the request number, recording when (fake time) each arrived.</summary>
internal sealed class ScriptedReportsTransport(TimeProvider time, Func<int, HttpResponseMessage> script) : HttpMessageHandler
{
    private readonly ConcurrentQueue<(DateTimeOffset At, string Path)> _requests = new();

    public IReadOnlyList<(DateTimeOffset At, string Path)> Requests => _requests.ToArray();

    public static HttpResponseMessage Reports(string reportsJson, params (string Name, string Value)[] headers) =>
        Responses.Json(HttpStatusCode.OK, "{\"reports\":[" + reportsJson + "]}", headers);

    public static (string, string)[] Quota(int limit, int remaining, int resetSeconds) =>
        [("RateLimit-Limit", limit.ToString()), ("Ratelimit-Remaining", remaining.ToString()), ("Ratelimit-Reset", resetSeconds.ToString())];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var index = _requests.Count;
        _requests.Enqueue((time.GetUtcNow(), request.RequestUri!.AbsolutePath));
        return Task.FromResult(script(index));
    }
}
