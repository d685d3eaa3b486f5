using System.Diagnostics;
using System.Globalization;
using PluginApis.Emulator;
using PluginApis.Http;
using PluginApis.Quota.Redis;
using StackExchange.Redis;

namespace PluginApis.FleetScenario;

/// <summary>
/// The time the Redis store adds to a call: sequential GetPlugin calls against the emulator (a limit so high that nothing
/// waits), in alternating blocks with the in-process store and with the Redis store over a local redis-server.
/// </summary>
internal static class CostRun
{
    public static async Task<int> RunAsync(Args args)
    {
        var calls = args.Int("calls", 2000);
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { RateLimit = new EmulatorRateLimit { PermitLimit = 1_000_000, Window = TimeSpan.FromSeconds(60) } });
        await using var redis = new RedisProcess();
        await redis.StartAsync();
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Endpoint);
        using var http = new HttpClient { BaseAddress = emulator.PluginTestsBaseAddress };
        var path = $"plugins/wporg/akismet?apiKey={EmulatorKeys.PluginTestsDemo}";
        var scope = new QuotaScope("PluginTests", QuotaScope.HashKey(EmulatorKeys.PluginTestsDemo), "GetPlugin", QuotaLane.Interactive);
        IQuotaStore[] stores = [new InProcessQuotaStore(), new RedisQuotaStore(connection)];
        var total = new[] { new List<double>(), new List<double>() };
        var inStore = new[] { new List<double>(), new List<double>() };

        for (var block = 0; block < 2 * calls / 100 + 2; block++)
        {
            var which = block % 2;
            for (var i = 0; i < 100; i++)
            {
                var (all, store) = await OneCall(stores[which], scope, http, path);
                if (block >= 2)
                {
                    total[which].Add(all);
                    inStore[which].Add(store);
                }
            }
        }

        Console.WriteLine($"cost: {total[1].Count} sequential calls per store against the emulator, local redis-server, in alternating blocks of 100");
        Print("in-process store", total[0], inStore[0]);
        Print("Redis store     ", total[1], inStore[1]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  added by Redis: p50 {Pct(total[1], 0.5) - Pct(total[0], 0.5):F3} ms, p99 {Pct(total[1], 0.99) - Pct(total[0], 0.99):F3} ms " +
            $"(time inside the Redis store: p50 {Pct(inStore[1], 0.5):F3} ms, p99 {Pct(inStore[1], 0.99):F3} ms)"));
        return 0;
    }

    private static async Task<(double All, double Store)> OneCall(IQuotaStore store, QuotaScope scope, HttpClient http, string path)
    {
        var start = Stopwatch.GetTimestamp();
        var grant = await store.AcquireAsync(scope, TimeSpan.FromSeconds(60), default);
        while (!grant.Reserved || grant.Delay > TimeSpan.Zero)
        {
            await Task.Delay(grant.Delay);
            grant = grant.Reserved ? grant with { Delay = TimeSpan.Zero } : await store.AcquireAsync(scope, TimeSpan.FromSeconds(60), default);
        }

        var acquired = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(path);
        var info = RateLimitInfo.Parse(response.Headers, DateTimeOffset.UtcNow);
        var answered = Stopwatch.GetTimestamp();
        await store.RecordAsync(scope, grant, new QuotaObservation(info, false), default);
        var end = Stopwatch.GetTimestamp();
        return (Stopwatch.GetElapsedTime(start, end).TotalMilliseconds,
            (Stopwatch.GetElapsedTime(start, acquired) + Stopwatch.GetElapsedTime(answered, end)).TotalMilliseconds);
    }

    private static void Print(string name, List<double> total, List<double> store) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name}: call p50 {Pct(total, 0.5):F3} ms, p99 {Pct(total, 0.99):F3} ms; in the store p50 {Pct(store, 0.5):F3} ms, p99 {Pct(store, 0.99):F3} ms"));

    private static double Pct(List<double> values, double p) => WorkerStats.Percentile(values, p);
}
