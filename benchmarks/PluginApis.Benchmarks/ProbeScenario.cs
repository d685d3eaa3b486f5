using System.Diagnostics;
using System.Globalization;
using PluginApis.Benchmarks.Infrastructure;

namespace PluginApis.Benchmarks;

/// <summary>
/// <c>--probe [pairs] [calls]</c>: the per-call pairs of <see cref="OverheadBenchmarkBase"/> timed in separate child processes,
/// raw and SDK alternating (which goes first alternates too), so that load that comes and goes on a shared machine hits
/// both sides alike. Each child warms up, then times <c>calls</c> calls of one side; the medians over the pairs are compared.
/// The same child (<c>--probe-child get|enqueue raw|sdk [calls]</c>) is what to put under a profiler such as <c>perf record</c>.
/// </summary>
internal static class ProbeScenario
{
    private static readonly string[] Calls = ["get", "enqueue"];

    public static int Run(int pairs, int calls, Report report)
    {
        Console.WriteLine($"Per-call time, {pairs} alternating pairs of child processes, {calls:N0} timed calls each.");
        var table = new List<string>
        {
            "| Call | raw median (ns) | SDK median (ns) | SDK / raw (medians) | per-pair ratios: median (min–max) |",
            "|---|---:|---:|---:|---:|",
        };
        foreach (var call in Calls)
        {
            var raw = new List<double>();
            var sdk = new List<double>();
            var ratios = new List<double>();
            for (var pair = 0; pair < pairs; pair++)
            {
                // Alternate which side goes first, so a drift in load does not always favour the same side.
                var order = pair % 2 == 0 ? new[] { "raw", "sdk" } : ["sdk", "raw"];
                var times = order.ToDictionary(side => side, side => Child.Run("--probe-child", call, side, calls.ToString(CultureInfo.InvariantCulture)).D("ns"));
                raw.Add(times["raw"]);
                sdk.Add(times["sdk"]);
                ratios.Add(times["sdk"] / times["raw"]);
                Console.WriteLine($"  {call,-7} pair {pair + 1,2}: raw {times["raw"],6:0} ns, SDK {times["sdk"],6:0} ns, {ratios[^1]:0.00}×");
            }

            table.Add($"| {(call == "get" ? "GetPluginAsync" : "EnqueueTestAsync")} | {Stats.Median(raw):0} | {Stats.Median(sdk):0} | {Stats.Median(sdk) / Stats.Median(raw):0.00}× | " +
                      $"{Stats.Median(ratios):0.00}× ({ratios.Min():0.00}–{ratios.Max():0.00}) |");
        }

        report.Add($"Per-call time, alternating child processes ({pairs} pairs × {calls:N0} calls)", table);
        return 0;
    }

    /// <summary>The child: one side of one pair, warmed up, then timed; one RESULT line.</summary>
    public static async Task<int> ChildAsync(string call, string side, int calls)
    {
        OverheadBenchmarkBase benchmark = call switch
        {
            "get" => new GetPluginBenchmarks(),
            "enqueue" => new EnqueueTestBenchmarks(),
            _ => throw new ArgumentException($"Unknown call '{call}' (get, enqueue).", nameof(call)),
        };
        benchmark.Setup();
        Func<Task> run = (benchmark, side) switch
        {
            (GetPluginBenchmarks get, "raw") => get.Raw,
            (GetPluginBenchmarks get, "sdk") => get.Sdk,
            (EnqueueTestBenchmarks enqueue, "raw") => enqueue.Raw,
            (EnqueueTestBenchmarks enqueue, "sdk") => enqueue.Sdk,
            (GetPluginBenchmarks get, "refit") => get.Refit,
            (EnqueueTestBenchmarks enqueue, "refit") => enqueue.Refit,
            _ => throw new ArgumentException($"Unknown side '{side}' (raw, sdk, refit).", nameof(side)),
        };

        // Enough warm-up calls for tiered compilation (with dynamic PGO) to settle.
        for (var i = 0; i < Math.Max(calls / 4, 1_000); i++)
        {
            await run();
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            await run();
        }

        var ns = watch.Elapsed.TotalNanoseconds / calls;
        benchmark.Cleanup();
        Child.Report(("call", call), ("side", side), ("ns", ns.ToString("0.0", CultureInfo.InvariantCulture)));
        return 0;
    }
}
