using System.Diagnostics;
using System.Net;
using PluginApis.Benchmarks.Infrastructure;
using PluginApis.Http;
using PluginTests.Client;

namespace PluginApis.Benchmarks;

/// <summary>
/// <c>--probe [calls]</c>: where the per-call time goes. Times GetPluginAsync with parts of the pipeline switched off
/// (interleaved rounds, median per variant) next to the raw call. A diagnostic, not a result.
/// </summary>
internal static class ProbeScenario
{
    public static async Task<int> RunAsync(int calls)
    {
        using var handler = new CannedHandler(HttpStatusCode.OK, Samples.Plugin);
        var get = new GetPluginBenchmarks();
        get.Setup();
        PluginTestsClient Client(Action<ApiResilienceOptions> configure)
        {
            var options = new PluginTestsClientOptions { ApiKey = Samples.ApiKey, BaseAddress = new Uri(Samples.PluginTestsBase) };
            configure(options.Resilience);
            return new PluginTestsClient(options, handler);
        }

        var variants = new (string Name, Func<Task> Call)[]
        {
            ("raw", get.Raw),
            ("SDK default", get.Sdk),
            ("SDK no timeouts", Wrap(Client(r => { r.AttemptTimeout = Timeout.InfiniteTimeSpan; r.TotalTimeout = Timeout.InfiniteTimeSpan; }))),
            ("SDK no timeouts, no retry, no throttle", Wrap(Client(r => { r.AttemptTimeout = Timeout.InfiniteTimeSpan; r.TotalTimeout = Timeout.InfiniteTimeSpan; r.MaxRetryAttempts = 0; r.ProactiveThrottling = false; }))),
        };
        var samples = variants.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < 9; round++)
        {
            for (var v = 0; v < variants.Length; v++)
            {
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < calls; i++)
                {
                    await variants[v].Call();
                }

                samples[v].Add(watch.Elapsed.TotalNanoseconds / calls);
            }
        }

        var raw = samples[0].Order().ElementAt(samples[0].Count / 2);
        for (var v = 0; v < variants.Length; v++)
        {
            var median = samples[v].Order().ElementAt(samples[v].Count / 2);
            Console.WriteLine($"{variants[v].Name,-45} {median,8:0} ns  {median / raw:0.00}×");
        }

        get.Cleanup();
        return 0;

        static Func<Task> Wrap(PluginTestsClient client) => () => client.GetPluginAsync("wporg", "akismet");
    }

    /// <summary>
    /// <c>--loop raw|sdk [calls]</c>: one variant alone in this process (300,000 warm-up calls, then the timed calls), so
    /// that a sampling profiler (<c>perf record</c> with <c>DOTNET_PerfMapEnabled=1</c>) sees only that path.
    /// </summary>
    public static async Task<int> LoopAsync(string variant, int calls)
    {
        var get = new GetPluginBenchmarks();
        get.Setup();
        Func<Task> call = variant switch
        {
            "raw" => get.Raw,
            "sdk" => get.Sdk,
            _ => throw new ArgumentException($"--loop takes raw or sdk (was '{variant}').", nameof(variant)),
        };
        for (var i = 0; i < 300_000; i++)
        {
            await call();
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            await call();
        }

        Console.WriteLine($"{variant} {watch.Elapsed.TotalNanoseconds / calls:0} ns per call ({calls} calls)");
        get.Cleanup();
        return 0;
    }
}
