using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PluginApis.Benchmarks.Infrastructure;
using PluginApis.Emulator;
using PluginTests.Client;

namespace PluginApis.Benchmarks;

/// <summary>
/// <c>--socket [pairs] [calls]</c>: per-call time of <c>GetPluginAsync</c> over a real loopback socket against the emulator,
/// for hand-written <c>HttpClient</c> code, the SDK and a bare Refit client, each in its own child process; the sides
/// rotate so that load that comes and goes hits them alike. The emulator runs in this (parent) process, rate limiting off.
/// </summary>
internal static class SocketProbeScenario
{
    private static readonly string[] Sides = ["raw", "sdk", "refit"];

    public static async Task<int> RunAsync(int pairs, int calls, Report report)
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { EnableRateLimiting = false });
        var url = emulator.PluginTestsBaseAddress.AbsoluteUri;
        Console.WriteLine($"Per-call time over loopback (emulator at {url}), {pairs} rounds of child processes, {calls:N0} timed calls each.");
        var times = Sides.ToDictionary(s => s, _ => new List<double>());
        for (var round = 0; round < pairs; round++)
        {
            // Rotate the order: each side goes first, second and third equally often.
            foreach (var side in Sides.Skip(round % Sides.Length).Concat(Sides.Take(round % Sides.Length)))
            {
                times[side].Add(Child.Run("--socket-child", url, side, calls.ToString(CultureInfo.InvariantCulture)).D("us"));
            }

            Console.WriteLine($"  round {round + 1,2}: " + string.Join(", ", Sides.Select(s => $"{s} {times[s][^1]:0.0} µs")));
        }

        var raw = Stats.Median(times["raw"]);
        var table = new List<string>
        {
            "| Client | median µs per call | vs raw | vs bare Refit |",
            "|---|---:|---:|---:|",
        };
        table.AddRange(Sides.Select(s => $"| {Name(s)} | {Stats.Median(times[s]):0.0} | {Stats.Median(times[s]) / raw:0.00}× | {Stats.Median(times[s]) / Stats.Median(times["refit"]):0.00}× |"));
        report.Add($"GetPluginAsync over a loopback socket to the emulator ({pairs} rounds × {calls:N0} calls, medians)", table);
        return 0;
    }

    /// <summary>The child: one side, warmed up, then <paramref name="calls"/> sequential calls timed.</summary>
    public static async Task<int> ChildAsync(string url, string side, int calls)
    {
        var baseAddress = new Uri(url);
        using var sockets = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var raw = new HttpClient(sockets, disposeHandler: false);
        using var refitHttp = new HttpClient(sockets, disposeHandler: false) { BaseAddress = baseAddress };
        var refit = Refit.RestService.ForGenerated<IBareRefitPluginTests>(refitHttp, Refit.RefitSettings.ForJsonContext(RawJsonContext.Default));
        using var sdk = new PluginTestsClient(new PluginTestsClientOptions { ApiKey = EmulatorKeys.PluginTestsDemo, BaseAddress = baseAddress }, sockets);
        Func<Task> run = side switch
        {
            "raw" => async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url + "plugins/wporg/akismet?apiKey=" + Uri.EscapeDataString(EmulatorKeys.PluginTestsDemo));
                using var response = await raw.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                response.EnsureSuccessStatusCode();
                await using var stream = await response.Content.ReadAsStreamAsync();
                _ = await JsonSerializer.DeserializeAsync(stream, RawJsonContext.Default.Plugin) ?? throw new JsonException("null");
            },
            "sdk" => () => sdk.GetPluginAsync("wporg", "akismet"),
            "refit" => () => refit.GetPlugin("wporg", "akismet", EmulatorKeys.PluginTestsDemo),
            _ => throw new ArgumentException($"Unknown side '{side}' (raw, sdk, refit).", nameof(side)),
        };

        // Warm until tiered compilation has settled: the SDK has far more code to JIT than the raw loop (Polly, Refit, the
        // converters), and a short warm-up measured that background compilation, not the calls (1.26× at 5,000 warm-up
        // calls, 1.03× at 20,000).
        for (var i = 0; i < (calls < 1_000 ? 100 : Math.Max(calls / 2, 20_000)); i++)
        {
            await run();
        }

        var items = ThreadPool.CompletedWorkItemCount;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            await run();
        }

        var elapsed = watch.Elapsed;
        Child.Report(
            ("side", side),
            ("us", (elapsed.TotalMicroseconds / calls).ToString("0.00", CultureInfo.InvariantCulture)),
            ("items", ((ThreadPool.CompletedWorkItemCount - items) / (double)calls).ToString("0.00", CultureInfo.InvariantCulture)));
        return 0;
    }

    private static string Name(string side) => side switch
    {
        "raw" => "raw `HttpClient` + STJ (baseline)",
        "sdk" => "SDK `GetPluginAsync`",
        _ => "bare Refit generated client",
    };
}
