using System.Globalization;
using System.Text;

namespace PluginApis.Reliability.Tests.Hostile;

/// <summary>Scripts for a <see cref="HostileServer"/>: the hostile answers of issue #12 and a few honest ones.</summary>
internal static class HostileAnswers
{
    /// <summary>A PluginTests user (<c>GetCurrentUserAsync</c>).</summary>
    public const string PtUser = """{"id":"user_demo","name":"Demo User"}""";

    /// <summary>A WunderUpdates plugin list (<c>ListPluginsAsync</c>).</summary>
    public const string WuPlugins = """{"status":200,"plugins":[{"slug":"demo-pro","license":{"type":"static-keys"},"versions":[]}]}""";

    /// <summary>A PluginTests queue job (<c>EnqueueTestAsync</c>): what a followed 302/303 would have turned into a result.</summary>
    public const string PtJob = """{"id":"job_from_elsewhere","status":"queued"}""";

    /// <summary>A WunderUpdates created plugin (<c>CreatePluginAsync</c>).</summary>
    public const string WuCreated = """{"status":200,"data":[{"slug":"from-elsewhere","license":{"type":"no-license"},"versions":[]}]}""";

    public static Func<RawExchange, Task> Json(int status, string json, params (string Name, string Value)[] headers) =>
        x => x.RespondJsonAsync(status, json, headers);

    /// <summary>The n-th request gets the n-th answer; the last one repeats.</summary>
    public static Func<RawExchange, Task> Sequence(params Func<RawExchange, Task>[] answers) =>
        x => answers[Math.Min(x.Index, answers.Length - 1)](x);

    /// <summary>A redirect whose <c>Location</c> is computed from the request (e.g. to copy its query, key included).</summary>
    public static Func<RawExchange, Task> Redirect(int status, Func<RawRequest, string> location) =>
        x => x.RespondJsonAsync(status, """{"moved":true}""", ("Location", location(x.Request)));

    /// <summary>Never answers.</summary>
    public static Func<RawExchange, Task> Stall() => x => x.StallAsync();

    /// <summary>Headers and the first <paramref name="prefix"/> of a body, then nothing more until the server stops.</summary>
    public static Func<RawExchange, Task> StallAfter(int status, string prefix) => async x =>
    {
        await x.ReadBodyAsync();
        x.KeepAlive = false;
        await x.WriteHeadAsync(status, ("Content-Type", "application/json"), ("Transfer-Encoding", "chunked"));
        var bytes = Encoding.UTF8.GetBytes(prefix);
        await x.WriteAsync($"{bytes.Length:x}\r\n{prefix}\r\n");
        await x.StallAsync();
    };

    /// <summary>
    /// A body that never ends (chunked, or a <c>Content-Length</c> it never reaches): filler written until the client stops
    /// reading and closes the connection.
    /// </summary>
    public static Func<RawExchange, Task> EndlessBody(int status, long? contentLength = null) => async x =>
    {
        await x.ReadBodyAsync();
        x.KeepAlive = false;
        var framing = contentLength is { } length
            ? ("Content-Length", length.ToString(CultureInfo.InvariantCulture))
            : ("Transfer-Encoding", "chunked");
        await x.WriteHeadAsync(status, ("Content-Type", "application/json"), framing);
        var filler = Encoding.ASCII.GetBytes("[" + string.Concat(Enumerable.Repeat("\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",", 2000)));
        var chunk = contentLength is null ? Encoding.ASCII.GetBytes($"{filler.Length:x}\r\n").Concat(filler).Concat("\r\n"u8.ToArray()).ToArray() : filler;
        while (!x.Stopping.IsCancellationRequested)
        {
            await x.WriteAsync(chunk);
        }
    };

    /// <summary>A body sent with a <c>Content-Encoding</c> (a bomb when small <paramref name="encoded"/> bytes expand enormously).</summary>
    public static Func<RawExchange, Task> Encoded(int status, string contentEncoding, byte[] encoded) => async x =>
    {
        await x.ReadBodyAsync();
        await x.WriteHeadAsync(status, ("Content-Type", "application/json"), ("Content-Encoding", contentEncoding),
            ("Content-Length", encoded.Length.ToString(CultureInfo.InvariantCulture)));
        await x.WriteAsync(encoded);
    };

    /// <summary>
    /// Refuses as soon as the head has arrived (never sends <c>100 Continue</c>), then reads whatever the client still sends
    /// until it closes, so a body sent anyway is counted.
    /// </summary>
    public static Func<RawExchange, Task> EarlyRefusal(int status, string json) => async x =>
    {
        x.KeepAlive = false;
        var body = Encoding.UTF8.GetBytes(json);
        await x.WriteHeadAsync(status, ("Content-Type", "application/json"), ("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture)));
        await x.WriteAsync(body);
        await x.DrainAsync();
    };
}
