using System.Diagnostics;
using System.Globalization;
using PluginApis.Benchmarks.Infrastructure;
using PluginTests.Client;

namespace PluginApis.Benchmarks;

/// <summary>
/// <c>--peak-memory [N...]</c>: for each size and each way of reading the list, one child process runs one enumeration
/// and reports its peak working set (VmHWM) and GC total allocated bytes. Streaming must stay flat; the buffered list grows.
/// </summary>
internal static class PeakMemoryScenario
{
    private static readonly string[] Modes = ["raw", "sdk", "list"];

    public static int Run(IReadOnlyList<int> sizes, Report report)
    {
        Console.WriteLine($"Peak memory of one enumeration, one child process per cell (sizes {string.Join(", ", sizes)}).");
        var results = new Dictionary<(string Mode, int N), Dictionary<string, string>>();
        foreach (var n in sizes)
        {
            foreach (var mode in Modes)
            {
                var r = Child.Run("--peak-memory-child", mode, n.ToString(CultureInfo.InvariantCulture));
                results[(mode, n)] = r;
                Console.WriteLine($"  {mode,-4} N={n,9:N0}: peak WS {Memory.Mb(long.Parse(r["peak"], CultureInfo.InvariantCulture))} MB, allocated {Memory.Mb(long.Parse(r["allocated"], CultureInfo.InvariantCulture))} MB, {r["seconds"]} s");
                if (long.Parse(r["sum"], CultureInfo.InvariantCulture) != Lists.Expected(n))
                {
                    throw new InvalidOperationException($"{mode} N={n} read the wrong entries.");
                }
            }
        }

        var table = new List<string>
        {
            "| Entries | raw stream peak WS (MB) | SDK stream peak WS (MB) | SDK / raw | SDK vs smallest N | buffered List<T> peak WS (MB) | SDK allocated (MB) | raw allocated (MB) |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|",
        };
        var first = sizes[0];
        foreach (var n in sizes)
        {
            var raw = results[("raw", n)];
            var sdk = results[("sdk", n)];
            var list = results[("list", n)];
            table.Add($"| {n:N0} | {Memory.Mb((long)raw.D("peak"))} | {Memory.Mb((long)sdk.D("peak"))} | {sdk.D("peak") / raw.D("peak"):0.00}× | " +
                      $"{sdk.D("peak") / results[("sdk", first)].D("peak"):0.00}× | {Memory.Mb((long)list.D("peak"))} | {Memory.Mb((long)sdk.D("allocated"))} | {Memory.Mb((long)raw.D("allocated"))} |");
        }

        report.Add("Large lists: peak memory (one process per cell)", table);
        return 0;
    }

    /// <summary>The child: one enumeration, then one RESULT line.</summary>
    public static async Task<int> ChildAsync(string mode, int n)
    {
        var watch = Stopwatch.StartNew();
        long sum;
        switch (mode)
        {
            case "raw":
                sum = await Lists.RawAsync(n);
                break;
            case "list":
                sum = await Lists.BufferedAsync(n);
                break;
            case "sdk":
                using (var handler = new CannedHandler(() => new SyntheticTablesStream(n)))
                using (var client = new PluginTestsClient(new PluginTestsClientOptions { ApiKey = Samples.ApiKey, BaseAddress = new Uri(Samples.PluginTestsBase) }, handler))
                {
                    sum = await Lists.SdkAsync(client);
                }

                break;
            default:
                throw new ArgumentException($"Unknown mode '{mode}' (raw, sdk, list).", nameof(mode));
        }

        Child.Report(("mode", mode), ("n", n), ("sum", sum), ("peak", Memory.PeakWorkingSet()), ("allocated", GC.GetTotalAllocatedBytes(precise: true)),
            ("seconds", watch.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)));
        return 0;
    }
}
