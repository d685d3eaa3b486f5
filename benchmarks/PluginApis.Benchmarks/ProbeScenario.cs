using System.Diagnostics;
using System.Globalization;
using PluginApis.Benchmarks.Infrastructure;

namespace PluginApis.Benchmarks;

/// <summary>
/// <c>--probe [rounds] [calls]</c>: the three sides of <see cref="OverheadBenchmarkBase"/> (raw, SDK, bare Refit) timed in
/// separate child processes, one after another in a rotating order, so that load that comes and goes on a shared machine
/// hits every side alike. Each child warms up, then times <c>calls</c> calls of one side; the ratios are taken within each
/// round and their medians reported. The same child (<c>--probe-child get|enqueue raw|sdk|refit [calls]</c>) is what to
/// put under a profiler such as <c>perf record</c>.
/// </summary>
internal static class ProbeScenario
{
    private static readonly string[] Calls = ["get", "enqueue"];

    public static int Run(int pairs, int calls, Report report)
    {
        Console.WriteLine($"Per-call time, {pairs} alternating rounds of child processes (raw, SDK, bare Refit), {calls:N0} timed calls each.");
        var table = new List<string>
        {
            "| Call | raw median (ns) | SDK median (ns) | bare Refit median (ns) | SDK / raw (per-round median, min–max) | SDK / bare Refit (per-round median, min–max) |",
            "|---|---:|---:|---:|---:|---:|",
        };
        string[] sides = ["raw", "sdk", "refit"];
        foreach (var call in Calls)
        {
            var times = sides.ToDictionary(side => side, _ => new List<double>());
            var overRaw = new List<double>();
            var overRefit = new List<double>();
            for (var round = 0; round < pairs; round++)
            {
                // Rotate which side goes first, so a drift in load does not always favour the same side.
                var order = Enumerable.Range(0, sides.Length).Select(i => sides[(i + round) % sides.Length]);
                var now = order.ToDictionary(side => side, side => Child.Run("--probe-child", call, side, calls.ToString(CultureInfo.InvariantCulture)).D("ns"));
                foreach (var side in sides)
                {
                    times[side].Add(now[side]);
                }

                overRaw.Add(now["sdk"] / now["raw"]);
                overRefit.Add(now["sdk"] / now["refit"]);
                Console.WriteLine($"  {call,-7} round {round + 1,2}: raw {now["raw"],6:0} ns, SDK {now["sdk"],6:0} ns, Refit {now["refit"],6:0} ns, SDK/raw {overRaw[^1]:0.00}×, SDK/Refit {overRefit[^1]:0.00}×");
            }

            table.Add($"| {(call == "get" ? "GetPluginAsync" : "EnqueueTestAsync")} | {Stats.Median(times["raw"]):0} | {Stats.Median(times["sdk"]):0} | {Stats.Median(times["refit"]):0} | " +
                      $"{Stats.Median(overRaw):0.00}× ({overRaw.Min():0.00}–{overRaw.Max():0.00}) | {Stats.Median(overRefit):0.00}× ({overRefit.Min():0.00}–{overRefit.Max():0.00}) |");
        }

        report.Add($"Per-call time, alternating child processes ({pairs} rounds × {calls:N0} calls)", table);
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
