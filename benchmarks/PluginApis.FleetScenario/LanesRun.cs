using System.Globalization;
using PluginApis.Emulator;

namespace PluginApis.FleetScenario;

/// <summary>
/// One key, two processes: a batch of N calls on the batch lane (several at a time) and an interactive process calling at a
/// steady interval. How close the batch comes to the time the quota needs, and how long interactive calls wait.
/// </summary>
internal static class LanesRun
{
    public static async Task<int> RunAsync(Args args)
    {
        var (batch, limit, window) = (args.Int("batch", 600), args.Int("limit", 60), TimeSpan.FromSeconds(args.Number("window", 2)));
        var interval = args.Number("interval-ms", 1000);
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { RateLimit = new EmulatorRateLimit { PermitLimit = limit, Window = window } });
        await using var redis = new RedisProcess();
        await redis.StartAsync();
        var minimum = batch * window.TotalSeconds / limit;
        string[] common = ["--base", emulator.PluginTestsBaseAddress.ToString(), "--key", EmulatorKeys.PluginTestsDemo, "--warmup-key", EmulatorKeys.PluginTestsOther, "--redis", redis.Endpoint];
        using var batchWorker = new WorkerProcess(0, [.. common, "--lane", "batch", "--count", batch.ToString(CultureInfo.InvariantCulture), "--concurrency", args.Text("concurrency", "8")]);
        using var interactive = new WorkerProcess(1, [.. common, "--lane", "interactive", "--interval-ms", interval.ToString(CultureInfo.InvariantCulture),
            "--seconds", (minimum * 1.02).ToString(CultureInfo.InvariantCulture)]);
        await Task.WhenAll(batchWorker.Ready, interactive.Ready).WaitAsync(TimeSpan.FromMinutes(2));
        var limited0 = emulator.Stats.RateLimited;
        batchWorker.Go();
        interactive.Go();
        await Task.WhenAll(batchWorker.Exited, interactive.Exited);

        var took = batchWorker.Value("elapsed_ms") / 1000;
        var interactiveCalls = interactive.Value("ok") + interactive.Value("limited");
        var withInteractive = (batch + interactiveCalls) * window.TotalSeconds / limit;
        Console.WriteLine($"lanes: batch of {batch} calls ({args.Text("concurrency", "8")} at a time, batch lane) + interactive calls every {interval:0} ms, one key, {limit} per {window.TotalSeconds:0.#} s, Redis store");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  batch took {took:F2} s: {took / minimum - 1:+0.0%;-0.0%} over the {minimum:F2} s its {batch} calls need, " +
            $"{took / withInteractive - 1:+0.0%;-0.0%} over the {withInteractive:F2} s the quota needs for them and the {interactiveCalls:0} interactive calls"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  interactive calls: {interactiveCalls:0}, call time (quota wait included) p50 {interactive.Value("call_p50_ms"):F0} ms, p95 {interactive.Value("call_p95_ms"):F0} ms; " +
            $"429s: {emulator.Stats.RateLimited - limited0}"));
        return 0;
    }
}
