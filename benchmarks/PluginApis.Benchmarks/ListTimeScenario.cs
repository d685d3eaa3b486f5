using System.Diagnostics;
using System.Globalization;
using PluginApis.Benchmarks.Infrastructure;
using PluginTests.Client;

namespace PluginApis.Benchmarks;

/// <summary>
/// <c>--list-time [N] [pairs]</c>: the time of one enumeration of N plugin tables, raw <c>DeserializeAsyncEnumerable</c>
/// against <c>ListPluginTablesAsync</c>, in alternating child processes (which side goes first alternates too), medians
/// per side. A 1M enumeration takes about a second, so a BenchmarkDotNet row has only a handful of samples and the host's
/// load decides it; pairs of processes run back to back share the load.
/// </summary>
internal static class ListTimeScenario
{
    private const int WarmUpEntries = 20_000;

    public static int Run(int n, int pairs, Report report)
    {
        Console.WriteLine($"List time: {pairs} alternating pairs of child processes, one enumeration of {n:N0} entries each (after a {WarmUpEntries:N0}-entry warm-up).");
        var raw = new List<double>();
        var sdk = new List<double>();
        var ratios = new List<double>();
        for (var pair = 0; pair < pairs; pair++)
        {
            var order = pair % 2 == 0 ? new[] { "raw", "sdk" } : ["sdk", "raw"];
            var seconds = order.ToDictionary(side => side, side => Child.Run("--list-time-child", side, n.ToString(CultureInfo.InvariantCulture)).D("seconds"));
            raw.Add(seconds["raw"]);
            sdk.Add(seconds["sdk"]);
            ratios.Add(seconds["sdk"] / seconds["raw"]);
            Console.WriteLine($"  pair {pair + 1,2}: raw {seconds["raw"]:0.000} s, SDK {seconds["sdk"]:0.000} s, {ratios[^1]:0.00}×");
        }

        report.Add($"Large lists: time of one {n:N0}-entry enumeration, alternating child processes ({pairs} pairs)",
        [
            "| Entries | raw median (s) | SDK median (s) | SDK / raw (medians) | per-pair ratios: median (min–max) |",
            "|---:|---:|---:|---:|---:|",
            $"| {n:N0} | {Stats.Median(raw):0.000} | {Stats.Median(sdk):0.000} | {Stats.Median(sdk) / Stats.Median(raw):0.00}× | {Stats.Median(ratios):0.00}× ({ratios.Min():0.00}–{ratios.Max():0.00}) |",
        ]);
        return 0;
    }

    /// <summary>The child: a warm-up enumeration, then one timed enumeration of N entries; one RESULT line.</summary>
    public static async Task<int> ChildAsync(string side, int n)
    {
        await ReadAsync(side, WarmUpEntries);
        var watch = Stopwatch.StartNew();
        var sum = await ReadAsync(side, n);
        var seconds = watch.Elapsed.TotalSeconds;
        if (sum != Lists.Expected(n))
        {
            throw new InvalidOperationException($"{side} N={n} read the wrong entries.");
        }

        Child.Report(("side", side), ("n", n), ("seconds", seconds.ToString("0.0000", CultureInfo.InvariantCulture)));
        return 0;
    }

    private static async Task<long> ReadAsync(string side, int n)
    {
        switch (side)
        {
            case "raw":
                return await Lists.RawAsync(n);
            case "sdk":
                using (var handler = new CannedHandler(() => new SyntheticTablesStream(n)))
                using (var client = new PluginTestsClient(new PluginTestsClientOptions { ApiKey = Samples.ApiKey, BaseAddress = new Uri(Samples.PluginTestsBase) }, handler))
                {
                    return await Lists.SdkAsync(client);
                }

            default:
                throw new ArgumentException($"Unknown side '{side}' (raw, sdk).", nameof(side));
        }
    }
}
