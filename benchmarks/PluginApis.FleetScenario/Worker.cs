using System.Diagnostics;
using System.Globalization;
using System.Net;
using PluginApis.Http;
using PluginApis.Quota.Redis;
using PluginTests.Client;
using StackExchange.Redis;

namespace PluginApis.FleetScenario;

/// <summary>
/// One worker process: a real <see cref="PluginTestsClient"/> calls GetPlugin on the emulator, its quota throttle drawing on
/// the Redis store or the in-process default, until its time or count is up. Prints <c>ready</c>, waits for
/// <c>go</c> on stdin, prints <c>mode</c> lines when the store leaves or rejoins the shared schedule, and a <c>summary</c>.
/// </summary>
internal static class Worker
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(Args args)
    {
        var offset = TimeSpan.FromSeconds(args.Number("clock-offset", 0));
        TimeProvider time = offset == TimeSpan.Zero ? TimeProvider.System : new OffsetClock(offset);
        var lane = args.Text("lane", "interactive") == "batch" ? QuotaLane.Batch : QuotaLane.Interactive;
        using var redis = args.Text("redis", "none") is "none" ? null : await Connect(args.Text("redis", ""));
        var shared = redis is null ? null
            : new RedisQuotaStore(redis, new RedisQuotaStoreOptions { TimeProvider = time, PacingMargin = args.Number("margin", 0.03) });
        var store = new TimedQuotaStore(shared ?? (IQuotaStore)new InProcessQuotaStore(time));
        var baseAddress = new Uri(args.Text("base", ""));
        using var client = Client(args.Text("key", ""), baseAddress, store, time, lane);
        var stats = new WorkerStats();

        // Warm up connections and JIT outside the measured run: one call through the same store on another key (own quota).
        using (var warm = Client(args.Text("warmup-key", ""), baseAddress, store, time, lane))
        {
            await OneCall(warm, store, new WorkerStats());
        }

        Console.WriteLine("ready");
        await Console.In.ReadLineAsync();
        var go = Stopwatch.GetTimestamp();
        var seconds = args.Number("seconds", 0);
        var remaining = args.Int("count", int.MaxValue);
        var interval = TimeSpan.FromMilliseconds(args.Number("interval-ms", 0));
        using var stop = new CancellationTokenSource();
        var watcher = shared is not null ? WatchMode(shared, go, stop.Token) : Task.CompletedTask;

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

                await OneCall(client, store, stats);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, args.Int("concurrency", 1)).Select(Loop));
        var elapsed = Stopwatch.GetElapsedTime(go);
        await stop.CancelAsync();
        await watcher;
        Console.WriteLine(stats.Summary(elapsed));
        return 0;
    }

    /// <summary>A real PluginTests client whose quota throttle draws on <paramref name="store"/>; one attempt per call, so every answer is seen.</summary>
    private static PluginTestsClient Client(string key, Uri baseAddress, IQuotaStore store, TimeProvider time, QuotaLane lane)
    {
        var options = new PluginTestsClientOptions { ApiKey = key, BaseAddress = baseAddress };
        options.Resilience.QuotaStore = store;
        options.Resilience.QuotaLane = lane;
        options.Resilience.TimeProvider = time;
        options.Resilience.MaxRetryAttempts = 0;
        options.Resilience.MaxRateLimitWait = MaxWait;
        return new PluginTestsClient(options);
    }

    private static async Task OneCall(PluginTestsClient client, TimedQuotaStore store, WorkerStats stats)
    {
        var start = Stopwatch.GetTimestamp();
        store.TakeElapsed();
        HttpStatusCode status;
        try
        {
            await client.GetPluginAsync("wporg", "akismet");
            status = HttpStatusCode.OK;
        }
        catch (RateLimitExceededException ex) when (string.IsNullOrEmpty(ex.ResponseBody))
        {
            stats.Refused();   // refused locally: a wait beyond MaxRateLimitWait
            return;
        }
        catch (ApiException ex)
        {
            status = ex.StatusCode;
        }
        catch (HttpRequestException)
        {
            stats.Failed();
            return;
        }

        stats.Answered(status, Stopwatch.GetElapsedTime(start), store.TakeElapsed());
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
