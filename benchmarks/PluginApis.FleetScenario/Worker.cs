using System.Diagnostics;
using System.Globalization;
using System.Net;
using PluginApis.Http;
using PluginApis.Quota.Redis;
using StackExchange.Redis;

namespace PluginApis.FleetScenario;

/// <summary>
/// One worker process: calls GetPlugin on the emulator in the loop the SDK's quota throttle runs (acquire → wait → send →
/// record), with the Redis store or the in-process default, until its time or count is up. Prints <c>ready</c>, waits for
/// <c>go</c> on stdin, prints <c>mode</c> lines when the store leaves or rejoins the shared schedule, and a <c>summary</c>.
/// </summary>
internal static class Worker
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(Args args)
    {
        var offset = TimeSpan.FromSeconds(args.Number("clock-offset", 0));
        TimeProvider time = offset == TimeSpan.Zero ? TimeProvider.System : new OffsetClock(offset);
        var key = args.Text("key", "");
        var lane = args.Text("lane", "interactive") == "batch" ? QuotaLane.Batch : QuotaLane.Interactive;
        using var redis = args.Text("redis", "none") is "none" ? null : await Connect(args.Text("redis", ""));
        IQuotaStore store = redis is null
            ? new InProcessQuotaStore(time)
            : new RedisQuotaStore(redis, new RedisQuotaStoreOptions { TimeProvider = time, PacingMargin = args.Number("margin", 0.03) });
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = new Uri(args.Text("base", "")) };
        var path = $"plugins/wporg/akismet?apiKey={Uri.EscapeDataString(key)}";
        var scope = new QuotaScope("PluginTests", QuotaScope.HashKey(key), "GetPlugin", lane);
        var stats = new WorkerStats();

        // Warm up connections and JIT outside the measured run: one call of the same loop on another key (own quota).
        var warmKey = args.Text("warmup-key", "");
        await OneCall(store, scope with { KeyId = QuotaScope.HashKey(warmKey + Environment.ProcessId) }, http,
            $"plugins/wporg/akismet?apiKey={Uri.EscapeDataString(warmKey)}", time, new WorkerStats());
        Console.WriteLine("ready");
        await Console.In.ReadLineAsync();
        var go = Stopwatch.GetTimestamp();
        var seconds = args.Number("seconds", 0);
        var remaining = args.Int("count", int.MaxValue);
        var interval = TimeSpan.FromMilliseconds(args.Number("interval-ms", 0));
        using var stop = new CancellationTokenSource();
        var watcher = store is RedisQuotaStore shared ? WatchMode(shared, go, stop.Token) : Task.CompletedTask;

        async Task Loop(int index)
        {
            var next = go;
            while (seconds <= 0 || Stopwatch.GetElapsedTime(go).TotalSeconds < seconds)
            {
                if (Interlocked.Decrement(ref remaining) < 0)
                {
                    return;
                }

                if (interval > TimeSpan.Zero)
                {
                    next += (long)(interval.TotalSeconds * Stopwatch.Frequency);
                    var early = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                    if (early > TimeSpan.Zero)
                    {
                        await Task.Delay(early, time);
                    }
                }

                await OneCall(store, scope, http, path, time, stats);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, args.Int("concurrency", 1)).Select(Loop));
        var elapsed = Stopwatch.GetElapsedTime(go);
        await stop.CancelAsync();
        await watcher;
        Console.WriteLine(stats.Summary(elapsed));
        return 0;
    }

    private static async Task OneCall(IQuotaStore store, QuotaScope scope, HttpClient http, string path, TimeProvider time, WorkerStats stats)
    {
        var wanted = Stopwatch.GetTimestamp();
        long storeTicks = 0;
        QuotaGrant grant;
        while (true)
        {
            var asked = Stopwatch.GetTimestamp();
            grant = await store.AcquireAsync(scope, MaxWait, default);
            storeTicks += Stopwatch.GetTimestamp() - asked;
            if (grant.Delay > MaxWait)
            {
                stats.Refused();
                await Task.Delay(TimeSpan.FromSeconds(1), time);
                return;
            }

            if (grant.Delay > TimeSpan.Zero)
            {
                await Task.Delay(grant.Delay, time);
            }

            if (grant.Reserved)
            {
                break;
            }
        }

        var waited = Stopwatch.GetElapsedTime(wanted);
        try
        {
            using var response = await http.GetAsync(path);
            var info = RateLimitInfo.Parse(response.Headers, time.GetUtcNow());
            var recorded = Stopwatch.GetTimestamp();
            await store.RecordAsync(scope, grant, new QuotaObservation(info, response.StatusCode == HttpStatusCode.TooManyRequests), default);
            storeTicks += Stopwatch.GetTimestamp() - recorded;
            stats.Answered(response.StatusCode, waited, TimeSpan.FromTicks(storeTicks * TimeSpan.TicksPerSecond / Stopwatch.Frequency));
        }
        catch (HttpRequestException)
        {
            await store.RecordAsync(scope, grant, QuotaObservation.NoResponse, default);
            stats.Failed();
        }
    }

    private static async Task WatchMode(RedisQuotaStore store, long go, CancellationToken stop)
    {
        var shared = true;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (store.IsShared != shared)
                {
                    shared = !shared;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mode {Stopwatch.GetElapsedTime(go).TotalMilliseconds:F0} {(shared ? "shared" : "fallback")}"));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task<ConnectionMultiplexer> Connect(string endpoint)
    {
        var options = ConfigurationOptions.Parse(endpoint);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 1000;
        options.ConnectRetry = 1;
        return await ConnectionMultiplexer.ConnectAsync(options);
    }
}
