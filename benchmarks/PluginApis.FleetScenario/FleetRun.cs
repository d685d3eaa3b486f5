using System.Diagnostics;
using System.Globalization;
using PluginApis.Emulator;

namespace PluginApis.FleetScenario;

/// <summary>
/// N worker processes on one API key against the emulator with a compressed window: how much of the quota they use and how
/// many 429s they get, with the Redis store or with per-process throttling; optionally with faults: a quarter of the
/// workers killed with SIGKILL, Redis killed and restarted, one worker's clock 60 s ahead.
/// </summary>
internal static class FleetRun
{
    public static async Task<int> RunAsync(Args args)
    {
        var (count, limit, window, seconds) = (args.Int("workers", 16), args.Int("limit", 60), TimeSpan.FromSeconds(args.Number("window", 2)), args.Number("seconds", 30));
        var (shared, faults) = (!args.Has("no-redis"), args.Has("faults"));
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { RateLimit = new EmulatorRateLimit { PermitLimit = limit, Window = window } });
        await using var redis = new RedisProcess();
        if (shared)
        {
            await redis.StartAsync();
        }

        var workers = Enumerable.Range(0, count).Select(i => new WorkerProcess(i,
        [
            "--base", emulator.PluginTestsBaseAddress.ToString(), "--key", EmulatorKeys.PluginTestsDemo, "--warmup-key", EmulatorKeys.PluginTestsOther, "--redis", shared ? redis.Endpoint : "none",
            "--seconds", seconds.ToString(CultureInfo.InvariantCulture), "--margin", args.Text("margin", "0.03"),
            "--clock-offset", faults && i == 0 ? "60" : "0",
        ])).ToList();
        try
        {
            await Task.WhenAll(workers.Select(w => w.Ready)).WaitAsync(TimeSpan.FromMinutes(3));
            var (requests0, limited0) = (emulator.Stats.Requests, emulator.Stats.RateLimited);
            var clock = Stopwatch.StartNew();
            workers.ForEach(w => w.Go());
            var series = new List<(double T, long Ok, long Limited)>();
            var timeline = new Timeline();
            var injector = faults ? InjectFaultsAsync(workers, redis, seconds, clock, timeline) : Task.CompletedTask;
            var done = Task.WhenAll(workers.Select(w => w.Exited));
            while (!done.IsCompleted)
            {
                var (requests, limited) = (emulator.Stats.Requests - requests0, emulator.Stats.RateLimited - limited0);
                series.Add((clock.Elapsed.TotalSeconds, requests - limited, limited));
                await Task.WhenAny(done, Task.Delay(100));
            }

            await injector;
            var ok = emulator.Stats.Requests - requests0 - (emulator.Stats.RateLimited - limited0);
            var rateLimited = emulator.Stats.RateLimited - limited0;
            var capacity = limit * seconds / window.TotalSeconds;
            var report = new FleetReport(count, limit, window, seconds, shared, ok, rateLimited, capacity, workers, series, timeline);
            report.Print();
            return report.Passes(args) ? 0 : 1;
        }
        finally
        {
            workers.ForEach(w => w.Dispose());
        }
    }

    private static async Task InjectFaultsAsync(List<WorkerProcess> workers, RedisProcess redis, double seconds, Stopwatch clock, Timeline timeline)
    {
        await Until(clock, seconds * 0.3);
        timeline.Killed = clock.Elapsed.TotalSeconds;
        foreach (var worker in workers.Skip(1).Take(workers.Count / 4))
        {
            worker.Kill();
        }

        if (redis.Port == 0)
        {
            return;
        }

        await Until(clock, seconds * 0.55);
        timeline.RedisDown = clock.Elapsed.TotalSeconds;
        await redis.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        await redis.StartAsync();
        timeline.RedisUp = clock.Elapsed.TotalSeconds;
    }

    private static async Task Until(Stopwatch clock, double seconds)
    {
        var left = TimeSpan.FromSeconds(seconds) - clock.Elapsed;
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }
    }
}

/// <summary>When the faults happened, in seconds after the start.</summary>
internal sealed class Timeline
{
    public double? Killed { get; set; }

    public double? RedisDown { get; set; }

    public double? RedisUp { get; set; }
}
