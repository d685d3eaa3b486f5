using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PluginApis.Benchmarks.Infrastructure;
using WunderUpdates.Client;

namespace PluginApis.Benchmarks;

/// <summary>
/// <c>--upload [MB] [rounds]</c>: a real plugin ZIP padded with a stored (incompressible) entry, uploaded from disk by
/// <c>UploadVersionAsync</c> and by a raw <see cref="StreamContent"/> POST to the same loopback sink (Kestrel in this
/// process, reading and discarding the body). Each upload runs in its own child process, which reports the growth of
/// its peak working set during the upload and its throughput.
/// </summary>
internal static class UploadScenario
{
    public const string Slug = "bench-plugin";
    public const string ApiKey = "wu-bench-0000000000000000000000000001";
    private static readonly byte[] SinkAnswer = """{"status":200,"message":"Zip archive uploaded successfully."}"""u8.ToArray();

    public static async Task<int> RunAsync(int megabytes, int rounds, Report report)
    {
        var dir = Path.Combine(Path.GetTempPath(), "pluginapis-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        try
        {
            var zip = Path.Combine(dir, "big.zip");
            var warmup = Path.Combine(dir, "warmup.zip");
            var watch = Stopwatch.StartNew();
            CreatePluginZip(zip, megabytes * 1024L * 1024);
            CreatePluginZip(warmup, 64 * 1024);
            var info = PluginArchive.Inspect(zip);
            info.EnsureSlug(Slug);
            var size = new FileInfo(zip).Length;
            Console.WriteLine($"Upload: {Memory.Mb(size)} MB plugin ZIP ({info.Slug} {info.Version}, stored padding) built in {watch.Elapsed.TotalSeconds:0.0} s; {rounds} round(s), raw and SDK alternating.");

            await using var sink = await Sink.StartAsync();
            var raw = new List<Dictionary<string, string>>();
            var sdk = new List<Dictionary<string, string>>();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var mode in round % 2 == 0 ? new[] { "raw", "sdk" } : ["sdk", "raw"])
                {
                    var r = Child.Run("--upload-child", mode, sink.BaseAddress, zip, warmup);
                    (mode == "raw" ? raw : sdk).Add(r);
                    Console.WriteLine($"  round {round + 1} {mode}: {r.D("mbps"):0.0} MB/s, peak WS growth {Memory.Mb((long)r.D("growth"))} MB (peak {Memory.Mb((long)r.D("peak"))} MB, reset={r["reset"]})");
                }
            }

            if (sink.BytesReceived < 2 * rounds * size)
            {
                throw new InvalidOperationException($"The sink received {sink.BytesReceived} bytes, expected at least {2 * rounds * size}.");
            }

            double Median(List<Dictionary<string, string>> rs, string key) => rs.Select(r => r.D(key)).Order().ElementAt(rs.Count / 2);
            var rawMbps = Median(raw, "mbps");
            var sdkMbps = Median(sdk, "mbps");
            var rawGrowth = raw.Max(r => r.D("growth"));
            var sdkGrowth = sdk.Max(r => r.D("growth"));
            report.Add($"Upload of a {Memory.Mb(size)} MB release ZIP to a loopback sink (median of {rounds} child process(es) each; growth = worst)", new List<string>
            {
                "| Uploader | Throughput (MB/s, median) | Throughput ratio | Peak working-set growth (MB, worst) | Peak working set (MB) |",
                "|---|---:|---:|---:|---:|",
                $"| raw `StreamContent` (baseline) | {rawMbps:0.0} | 1.00 | {Memory.Mb((long)rawGrowth)} | {Memory.Mb((long)raw.Max(r => r.D("peak")))} |",
                $"| SDK `UploadVersionAsync` (inspection on) | {sdkMbps:0.0} | {sdkMbps / rawMbps:0.00} | {Memory.Mb((long)sdkGrowth)} | {Memory.Mb((long)sdk.Max(r => r.D("peak")))} |",
            });
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The child: a warm-up upload of a tiny ZIP (JIT, connection), then the measured upload.</summary>
    public static async Task<int> ChildAsync(string mode, string baseAddress, string zip, string warmup)
    {
        Func<string, Task<string?>> upload;
        IDisposable owner;
        if (mode == "sdk")
        {
            var client = new WunderUpdatesClient(new WunderUpdatesClientOptions { ApiKey = ApiKey, BaseAddress = new Uri(baseAddress + "v1/") });
            owner = client;
            upload = async path => (await client.UploadVersionAsync(Slug, path)).Message;
        }
        else if (mode == "raw")
        {
            var http = new HttpClient();
            owner = http;
            upload = async path =>
            {
                await using var file = File.OpenRead(path);
                using var content = new StreamContent(file);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
                using var request = new HttpRequestMessage(HttpMethod.Post, baseAddress + "v1/plugins/" + Slug + "/versions") { Content = content };
                request.Headers.TryAddWithoutValidation("x-api-key", ApiKey);
                using var response = await http.SendAsync(request);
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadAsStringAsync();
            };
        }
        else
        {
            throw new ArgumentException($"Unknown mode '{mode}' (raw, sdk).", nameof(mode));
        }

        using (owner)
        {
            await upload(warmup);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var reset = Memory.TryResetPeak();
            var before = Memory.WorkingSet();
            var watch = Stopwatch.StartNew();
            var message = await upload(zip);
            watch.Stop();
            var peak = Memory.PeakWorkingSet();
            if (message is null || !message.Contains("uploaded", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("Unexpected answer: " + message);
            }

            var bytes = new FileInfo(zip).Length;
            Child.Report(("mode", mode), ("bytes", bytes), ("seconds", watch.Elapsed.TotalSeconds), ("mbps", bytes / 1024.0 / 1024.0 / watch.Elapsed.TotalSeconds),
                ("before", before), ("peak", peak), ("growth", Math.Max(0, peak - before)), ("reset", reset));
        }

        return 0;
    }

    /// <summary>Writes a valid plugin ZIP (main file, readme) padded to about <paramref name="bytes"/> with a stored random entry.</summary>
    public static void CreatePluginZip(string path, long bytes)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        Write(zip, $"{Slug}/{Slug}.php", "<?php\n/**\n * Plugin Name: Bench Plugin\n * Description: Padding for the upload benchmark.\n * Version: 1.0.0\n * Requires at least: 6.0\n * Requires PHP: 7.4\n */\n");
        Write(zip, $"{Slug}/readme.txt", "=== Bench Plugin ===\nRequires at least: 6.0\nTested up to: 6.8\nStable tag: 1.0.0\n\nPadding for the upload benchmark.\n");
        var padding = zip.CreateEntry($"{Slug}/assets/padding.bin", CompressionLevel.NoCompression);
        using var stream = padding.Open();
        var random = new Random(42);
        var buffer = new byte[1 << 20];
        for (var left = Math.Max(0, bytes - 1024); left > 0; left -= buffer.Length)
        {
            random.NextBytes(buffer);
            stream.Write(buffer, 0, (int)Math.Min(buffer.Length, left));
        }

        static void Write(ZipArchive zip, string name, string text)
        {
            using var s = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            s.Write(Encoding.UTF8.GetBytes(text));
        }
    }

    /// <summary>A tiny Kestrel sink on 127.0.0.1: reads and discards any request body and answers the WunderUpdates upload JSON.</summary>
    private sealed class Sink : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private long _bytes;

        private Sink(WebApplication app) => _app = app;

        public string BaseAddress { get; private set; } = string.Empty;

        public long BytesReceived => Interlocked.Read(ref _bytes);

        public static async Task<Sink> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = null);
            var app = builder.Build();
            var sink = new Sink(app);
            app.Run(sink.HandleAsync);
            await app.StartAsync();
            sink.BaseAddress = app.Urls.First().TrimEnd('/') + "/";
            return sink;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        private async Task HandleAsync(HttpContext context)
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                Interlocked.Add(ref _bytes, read);
            }

            context.Response.ContentType = "application/json";
            context.Response.Headers["RateLimit-Limit"] = "600, 600;w=60";
            context.Response.Headers["Ratelimit-Remaining"] = "599";
            context.Response.Headers["Ratelimit-Reset"] = "60";
            await context.Response.Body.WriteAsync(SinkAnswer, context.RequestAborted);
        }
    }
}
