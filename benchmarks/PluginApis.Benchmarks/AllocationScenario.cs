using System.Net;
using System.Net.Http.Headers;
using PluginApis.Benchmarks.Infrastructure;
using PluginApis.Http;

namespace PluginApis.Benchmarks;

/// <summary>
/// <c>--alloc [calls]</c>: allocated bytes per call of the per-call-overhead benchmarks, measured on one thread without
/// timing (deterministic, so it is immune to a busy machine), plus the parts of the SDK path that can be called alone.
/// </summary>
internal static class AllocationScenario
{
    public static async Task<int> RunAsync(int calls, Report report, bool types = false)
    {
        if (types)
        {
            await SampleTypesAsync(calls);
        }

        var get = new GetPluginBenchmarks();
        var enqueue = new EnqueueTestBenchmarks();
        get.Setup();
        enqueue.Setup();
        try
        {
            var rows = new List<(string Name, double Raw, double Sdk, double Refit)>
            {
                ("GetPluginAsync", await PerCall(get.Raw, calls), await PerCall(get.Sdk, calls), await PerCall(get.Refit, calls)),
                ("EnqueueTestAsync", await PerCall(enqueue.Raw, calls), await PerCall(enqueue.Sdk, calls), await PerCall(enqueue.Refit, calls)),
            };

            using var response = new HttpResponseMessage(HttpStatusCode.OK);
            response.Headers.TryAddWithoutValidation("RateLimit-Limit", "600, 600;w=60");
            response.Headers.TryAddWithoutValidation("Ratelimit-Remaining", "599");
            response.Headers.TryAddWithoutValidation("Ratelimit-Reset", "60");
            var now = DateTimeOffset.UtcNow;
            var parse = Part(() => RateLimitInfo.Parse(response.Headers, now), calls);

            var lines = new List<string>
            {
                "| Call | raw (B/call) | SDK (B/call) | bare Refit (B/call) | SDK / raw | SDK / bare Refit |",
                "|---|---:|---:|---:|---:|---:|",
            };
            lines.AddRange(rows.Select(r => $"| {r.Name} | {r.Raw:0} | {r.Sdk:0} | {r.Refit:0} | {r.Sdk / r.Raw:0.00} | {r.Sdk / r.Refit:0.00} |"));
            lines.Add($"| (part) `RateLimitInfo.Parse` of the service's 3 headers | | {parse:0} | | | |");
            foreach (var line in lines)
            {
                Console.WriteLine(line);
            }

            report.Add("Allocated bytes per call (single thread, exact)", lines);
            return 0;
        }
        finally
        {
            get.Cleanup();
            enqueue.Cleanup();
        }
    }

    // Which types the SDK path allocates beyond the raw path (sampled; for finding what to remove).
    private static async Task SampleTypesAsync(int calls)
    {
        var get = new GetPluginBenchmarks();
        var enqueue = new EnqueueTestBenchmarks();
        get.Setup();
        enqueue.Setup();
        using var sampler = new AllocationSampler();
        foreach (var (name, call) in new (string, Func<Task>)[] { ("GetPlugin raw", get.Raw), ("GetPlugin SDK", get.Sdk), ("GetPlugin bare Refit", get.Refit), ("EnqueueTest raw", enqueue.Raw), ("EnqueueTest SDK", enqueue.Sdk), ("EnqueueTest bare Refit", enqueue.Refit) })
        {
            for (var i = 0; i < 1000; i++)
            {
                await call();
            }

            sampler.Start();
            for (var i = 0; i < calls * 10; i++)
            {
                await call();
            }

            Console.WriteLine($"{name}: allocation samples by type");
            foreach (var (type, count) in sampler.Stop())
            {
                Console.WriteLine($"  {count,6}  {type}");
            }
        }

        get.Cleanup();
        enqueue.Cleanup();
    }

    private static async Task<double> PerCall<T>(Func<Task<T>> call, int calls)
    {
        for (var i = 0; i < 200; i++)
        {
            await call();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++)
        {
            var task = call();
            if (!task.IsCompleted)
            {
                throw new InvalidOperationException("The in-memory call went asynchronous; the per-thread count would be wrong.");
            }

            await task;
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)calls;
    }

    private static double Part<T>(Func<T> call, int calls)
    {
        for (var i = 0; i < 200; i++)
        {
            call();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++)
        {
            call();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)calls;
    }

}
