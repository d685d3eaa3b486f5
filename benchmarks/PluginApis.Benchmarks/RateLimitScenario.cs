using System.Diagnostics;
using System.Net;
using System.Text.Json;
using PluginApis.Benchmarks.Infrastructure;
using PluginApis.Emulator;
using PluginTests.Client;

namespace PluginApis.Benchmarks;

/// <summary>
/// <c>--ratelimit [calls] [limit] [workers]</c>: <c>GetPluginAsync</c> N times against the emulator limited to L requests per
/// 1 s fixed window, sequentially and with W concurrent workers, for the SDK and for a naive HttpClient that retries a
/// 429 after a fixed 1 s. A fresh emulator per row, so every row starts with a fresh window.
/// </summary>
internal static class RateLimitScenario
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(int calls, int limit, int workers, Report report)
    {
        // The first window opens with the first request; ceil(N/L) windows are needed, and the last one opens
        // (ceil(N/L) - 1) windows after the first. Its requests can at best complete at once, so that is the floor.
        var windows = (calls + limit - 1) / limit;
        var minimum = (windows - 1) * Window.TotalSeconds;
        Console.WriteLine($"Rate limit: {calls} GetPluginAsync calls, emulator limit {limit} per {Window.TotalSeconds:0} s window; theoretical minimum {minimum:0.0} s ({windows} windows).");
        var lines = new List<string>
        {
            $"| Client | Concurrency | Completion (s) | vs minimum ({minimum:0.0} s) | 429s seen by client | 429s counted by emulator | 429 rate | Requests sent |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        };

        foreach (var (name, sdk) in new[] { ("SDK (PluginTestsClient)", true), ("naive HttpClient, fixed 1 s retry", false) })
        {
            foreach (var concurrency in new[] { 1, workers })
            {
                var row = await RunRowAsync(sdk, calls, limit, concurrency);
                var rate = row.Rejected * 100.0 / row.Sent;
                lines.Add($"| {name} | {(concurrency == 1 ? "sequential" : concurrency + " workers")} | {row.Seconds:0.00} | {row.Seconds / minimum:0.00}× | {row.Rejected} | {row.EmulatorRejected} | {rate:0.0} % | {row.Sent} |");
                Console.WriteLine($"  {name}, {(concurrency == 1 ? "sequential" : concurrency + " workers")}: {row.Seconds:0.00} s ({row.Seconds / minimum:0.00}× min), 429s {row.Rejected} (emulator {row.EmulatorRejected}), sent {row.Sent}");
            }
        }

        report.Add($"Rate-limit efficiency: {calls} calls, {limit} requests per 1 s window (theoretical minimum {minimum:0.0} s)", lines);
        return 0;
    }

    private static async Task<(double Seconds, long Rejected, long EmulatorRejected, long Sent)> RunRowAsync(bool sdk, int calls, int limit, int concurrency)
    {
        await using var emu = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            RateLimit = new EmulatorRateLimit { PermitLimit = limit, Window = Window },
        });
        using var counting = new CountingHandler { InnerHandler = new SocketsHttpHandler() };
        using var client = new PluginTestsClient(new PluginTestsClientOptions { ApiKey = EmulatorKeys.PluginTestsDemo, BaseAddress = emu.PluginTestsBaseAddress }, counting);
        using var naive = new HttpClient(counting, disposeHandler: false) { BaseAddress = emu.PluginTestsBaseAddress };
        var naivePath = "plugins/wporg/akismet?apiKey=" + Uri.EscapeDataString(EmulatorKeys.PluginTestsDemo);

        var next = 0;
        CountingHandler.Start = Stopwatch.GetTimestamp();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= calls)
            {
                var plugin = sdk ? await client.GetPluginAsync("wporg", "akismet") : await NaiveGetAsync(naive, naivePath);
                if (plugin.Slug != "akismet")
                {
                    throw new InvalidOperationException("Wrong plugin.");
                }
            }
        })));
        watch.Stop();
        if (CountingHandler.Trace && sdk && concurrency > 1)
        {
            foreach (var line in CountingHandler.Log)
            {
                Console.WriteLine(line);
            }
        }

        CountingHandler.Log.Clear();
        return (watch.Elapsed.TotalSeconds, counting.TooManyRequests, emu.Stats.RateLimited, counting.Sent);
    }

    private static async Task<Plugin> NaiveGetAsync(HttpClient http, string path)
    {
        while (true)
        {
            using var response = await http.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                continue;
            }

            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync();
            return await JsonSerializer.DeserializeAsync(stream, RawJsonContext.Default.Plugin) ?? throw new JsonException("null");
        }
    }

    /// <summary>Counts what goes over the wire, below every retry and throttle.</summary>
    private sealed class CountingHandler : DelegatingHandler
    {
        public static readonly bool Trace = Environment.GetEnvironmentVariable("BENCH_TRACE") == "1";
        public static readonly List<string> Log = [];
        public static long Start = Stopwatch.GetTimestamp();
        private long _sent;
        private long _tooMany;

        public long Sent => Interlocked.Read(ref _sent);

        public long TooManyRequests => Interlocked.Read(ref _tooMany);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _sent);
            var sentAt = Stopwatch.GetTimestamp();
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Interlocked.Increment(ref _tooMany);
            }

            if (Trace)
            {
                lock (Log)
                {
                    Log.Add($"{Stopwatch.GetElapsedTime(Start).TotalMilliseconds,8:0.0} sent {Stopwatch.GetElapsedTime(Start, sentAt).TotalMilliseconds,8:0.0} {(int)response.StatusCode} rem={string.Join(",", response.Headers.TryGetValues("Ratelimit-Remaining", out var r) ? r : [])} reset={string.Join(",", response.Headers.TryGetValues("Ratelimit-Reset", out var t) ? t : [])}");
                }
            }

            return response;
        }
    }
}
