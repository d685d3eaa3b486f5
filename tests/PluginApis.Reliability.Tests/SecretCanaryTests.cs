using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PluginApis.Emulator;
using PluginApis.Http;
using PluginTests.Client;
using WunderUpdates.Client;

namespace PluginApis.Reliability.Tests;

/// <summary>
/// A canary API key on every endpoint's success, error and fault paths, with logging at Trace, every span and metric tag
/// recorded, and every exception and request URI kept: the key appears nowhere, raw or URL-escaped.
/// </summary>
public sealed class SecretCanaryTests
{
    private static readonly string[] Needles =
    [
        Rig.PluginTestsCanary, Rig.WunderUpdatesCanary,
        Uri.EscapeDataString(Rig.PluginTestsCanary), Uri.EscapeDataString(Rig.WunderUpdatesCanary),
        WebUtility.UrlEncode(Rig.PluginTestsCanary), WebUtility.UrlEncode(Rig.WunderUpdatesCanary),
        "7f3a+Zq9", "7f3a%2BZq9", "52d9+Xv7", "52d9%2BXv7", // fragments: a partial leak counts too
    ];

    [Fact]
    public async Task The_canary_key_appears_in_no_log_span_metric_exception_or_request_uri()
    {
        using var capture = new TelemetryCapture("PluginApis", "System.Net.Http");
        using var loggers = LoggerFactory.Create(b => b.AddProvider(capture).SetMinimumLevel(LogLevel.Trace));
        await using var emu = await Rig.StartEmulatorAsync();
        using var sockets = Rig.Sockets();
        var responses = new ResponseKeeper { InnerHandler = sockets };
        // Faults: every kind once per pass, in order, then clean calls.
        var faults = new FaultInjectionHandler(7, 0.5) { InnerHandler = responses };
        void Options(ApiResilienceOptions r)
        {
            Rig.Fast(r);
            r.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            r.LoggerFactory = loggers;
        }

        using var pt = Rig.Pt(emu, faults, Options);
        using var wu = Rig.Wu(emu, faults, Options);
        using var cleanPt = Rig.Pt(emu, responses, Options);
        using var cleanWu = Rig.Wu(emu, responses, Options);
        var exceptions = new List<Exception>();
        var calls = 0;

        async Task Run(Func<Task> call)
        {
            calls++;
            try
            {
                await call();
            }
            catch (Exception ex)
            {
                exceptions.Add(ex);
            }
        }

        for (var pass = 0; pass < 3; pass++)
        {
            // Success paths on the clean clients, fault paths (~50 % of attempts spoiled) on the others.
            foreach (var (p, w) in new[] { (cleanPt, cleanWu), (pt, wu) })
            {
                var tag = $"c{pass}-{(p == pt ? "f" : "s")}";
                await Run(() => p.GetRootAsync(Rig.Ct));
                await Run(() => p.GetPluginAsync("wporg", "akismet", Rig.Ct));
                await Run(() => p.ListReportsAsync("wporg", "akismet", Rig.Ct));
                await Run(() => p.GetReportAsync("wporg", "akismet", "5-3-1-2026-11-01", Rig.Ct));
                await Run(() => p.ListEntitiesAsync("wporg", "akismet", EntityCollection.Options, Rig.Ct));
                await Run(() => p.GetCurrentUserAsync(Rig.Ct));
                await Run(() => p.ListUserPluginsAsync(Rig.Ct));
                await Run(() => p.ListWebhooksAsync(Rig.Ct));
                await Run(async () =>
                {
                    var hook = await p.CreateWebhookAsync(new Uri($"https://hooks.example.com/{tag}"), null, Rig.Ct);
                    await p.GetWebhookAsync(hook.Id!, Rig.Ct);
                    await p.DeleteWebhookAsync(hook.Id!, Rig.Ct);
                });
                await Run(() => p.ListQueueAsync(Rig.Ct));
                await Run(() => p.EnqueueTestAsync(new EnqueueTestRequest("demo", $"canary-{tag}") { PackageSource = PackageSource.Direct, DownloadUrl = new Uri("https://example.com/c.zip") }, Rig.Ct));
                await Run(() => p.DeletePluginAsync("demo", $"canary-{tag}", Rig.Ct));
                await Run(async () =>
                {
                    await foreach (var _ in p.ListPluginTablesAsync(ActiveInstalls.AtLeast10, Rig.Ct))
                    {
                    }
                });
                await Run(() => p.SendRawAsync(HttpMethod.Get, "user?fields=all", Rig.Ct));

                // Error paths: 404, 403, 400, 405 and 409.
                await Run(() => p.GetPluginAsync("wporg", "no-such-plugin", Rig.Ct));
                await Run(() => p.DeletePluginAsync("wporg", "akismet", Rig.Ct));
                await Run(() => p.EnqueueTestAsync(new EnqueueTestRequest("wporg", "Not A Slug"), Rig.Ct));
                await Run(() => p.SendRawAsync(HttpMethod.Patch, "user", Rig.Ct));
                await Run(() => p.GetWebhookAsync("wh_other0001", Rig.Ct));

                await Run(() => w.ListPluginsAsync(Rig.Ct));
                await Run(async () =>
                {
                    var slug = $"canary-{tag}";
                    await w.CreatePluginAsync(slug, License.StaticKeys, Rig.Ct);
                    await w.GetPluginAsync(slug, Rig.Ct);
                    await w.UploadVersionAsync(slug, new MemoryStream(Rig.PluginZip(slug, "1.0.0")), cancellationToken: Rig.Ct);
                    await w.ListVersionsAsync(slug, Rig.Ct);
                    await w.GetVersionAsync(slug, "1.0.0", Rig.Ct);
                    await w.AddLicenseKeyAsync(slug, new LicenseKey("K-1"), Rig.Ct);
                    await w.ReplaceLicenseKeysAsync(slug, [new LicenseKey("K-2")], Rig.Ct);
                    await w.ListLicenseKeysAsync(slug, Rig.Ct);
                    await w.GetLicenseKeyAsync(slug, "K-2", Rig.Ct);
                    await w.DeleteLicenseKeyAsync(slug, "K-2", Rig.Ct);
                    await w.DeleteVersionAsync(slug, "1.0.0", Rig.Ct);
                    await w.UpdateLicenseAsync(slug, License.NoLicense, Rig.Ct);
                    await w.DeletePluginAsync(slug, Rig.Ct);
                });
                await Run(() => w.GetAccountAsync(Rig.Ct));
                await Run(() => w.GetAccountLicenseAsync(Rig.Ct));
                await Run(() => w.ActivateAccountLicenseAsync("ACCOUNT-" + tag, Rig.Ct));
                await Run(() => w.ListTokensAsync(Rig.Ct));
                await Run(() => w.CreateTokenAsync($"canary-{tag}", 1, Rig.Ct));
                await Run(() => w.CheckForUpdateAsync(EmulatorKeys.WunderUpdatesDemoAccountPrefix, "demo-pro", ReleaseChannel.Beta, EmulatorKeys.DemoLicenseKey, Rig.Ct));
                await Run(() => w.SendRawAsync(HttpMethod.Get, "account", Rig.Ct));

                await Run(() => w.GetPluginAsync("other-secret", Rig.Ct));
                await Run(() => w.CreatePluginAsync("demo-pro", License.StaticKeys, Rig.Ct));
                await Run(() => w.ListLicenseKeysAsync("demo-lemon", Rig.Ct));
                await Run(() => w.UploadVersionAsync("demo-pro", new MemoryStream([0x50, 0x4B, 1, 2]), cancellationToken: Rig.Ct));
                await Run(() => w.SendRawAsync(HttpMethod.Get, "no/such/route", Rig.Ct));
            }
        }

        // A refused wait (absurd Retry-After) and a local throttle refusal.
        using var absurd = new FaultInjectionHandler(1, 0) { InnerHandler = responses, Script = new([FaultKind.Before429Absurd, FaultKind.Before429Absurd]) };
        using var absurdPt = Rig.Pt(emu, absurd, Options);
        using var absurdWu = Rig.Wu(emu, absurd, Options);
        await Run(() => absurdPt.GetCurrentUserAsync(Rig.Ct));
        await Run(() => absurdWu.GetAccountAsync(Rig.Ct));

        // Cancellation by the caller.
        using (var cancelled = new CancellationTokenSource())
        {
            await cancelled.CancelAsync();
            await Run(() => cleanPt.GetCurrentUserAsync(cancelled.Token));
            await Run(() => cleanWu.GetAccountAsync(cancelled.Token));
        }

        foreach (var ex in exceptions)
        {
            capture.Add(ex.ToString());
            for (var e = ex; e is not null; e = e.InnerException)
            {
                capture.Add(e.Message);
                if (e is ApiException api)
                {
                    capture.Add($"{api.RequestUri} {api.ResponseBody} {api.ServerMessage} {api.ErrorCode}");
                }

                foreach (System.Collections.DictionaryEntry entry in e.Data)
                {
                    capture.Add($"{entry.Key}={entry.Value}");
                }
            }
        }

        foreach (var (request, response) in responses.Seen)
        {
            capture.Add($"request-uri {request.RequestUri}");
            capture.Add($"response-request-uri {response?.RequestMessage?.RequestUri}");
        }

        capture.Add($"last-rate-limit {pt.LastRateLimit} {wu.LastRateLimit}");

        var leaks = capture.Find(Needles);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Canary: {calls} calls, {exceptions.Count} exceptions ({string.Join(", ", exceptions.GroupBy(e => e.GetType().Name).Select(g => $"{g.Key} {g.Count()}"))}), " +
            $"{capture.LogLines} log lines, {capture.Spans} spans, {capture.Measurements} measurements, {responses.Seen.Count} requests kept; faults: {string.Join(", ", faults.Injected.Select(p => $"{p.Key} {p.Value}"))}; leaks: {leaks.Count}");
        Assert.True(leaks.Count == 0, "The key leaked:" + Environment.NewLine + string.Join(Environment.NewLine, leaks.Take(20)));
        Assert.True(capture.LogLines > 100 && capture.Spans > 100 && capture.Measurements > 100, "Too little telemetry was captured to prove anything.");
        Assert.True(faults.Injected.Count == Enum.GetValues<FaultKind>().Length - 1, "Not every fault kind was exercised.");
        Assert.Contains(exceptions, e => e is RateLimitExceededException);
        Assert.Contains(exceptions, e => e is OperationCanceledException);
        Assert.Contains(exceptions, e => e is PluginTestsException { StatusCode: HttpStatusCode.Forbidden });
        Assert.Contains(exceptions, e => e is WunderUpdatesException { StatusCode: HttpStatusCode.Conflict });
    }

    [Fact]
    public async Task Under_dependency_injection_the_http_client_factory_logs_do_not_carry_the_key()
    {
        using var capture = new TelemetryCapture("PluginApis", "System.Net.Http");
        await using var emu = await Rig.StartEmulatorAsync();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(capture).SetMinimumLevel(LogLevel.Trace));
        services.AddPluginTestsClient(o =>
        {
            o.ApiKey = Rig.PluginTestsCanary;
            o.BaseAddress = emu.PluginTestsBaseAddress;
            Rig.Fast(o.Resilience);
        });
        services.AddWunderUpdatesClient(o =>
        {
            o.ApiKey = Rig.WunderUpdatesCanary;
            o.BaseAddress = emu.WunderUpdatesBaseAddress;
            Rig.Fast(o.Resilience);
        });
        await using var provider = services.BuildServiceProvider();
        var pt = provider.GetRequiredService<IPluginTestsClient>();
        var wu = provider.GetRequiredService<IWunderUpdatesClient>();

        await pt.GetCurrentUserAsync(Rig.Ct);
        await pt.ListReportsAsync("wporg", "akismet", Rig.Ct);
        await Assert.ThrowsAsync<PluginTestsException>(() => pt.GetPluginAsync("wporg", "no-such-plugin", Rig.Ct));
        await pt.EnqueueTestAsync(new EnqueueTestRequest("wporg", "akismet"), Rig.Ct);
        await wu.ListPluginsAsync(Rig.Ct);
        await Assert.ThrowsAsync<WunderUpdatesException>(() => wu.GetPluginAsync("no-such-plugin", Rig.Ct));

        var factoryLines = capture.Texts.Where(t => t.Contains("System.Net.Http.HttpClient", StringComparison.Ordinal)).ToList();
        var leaks = capture.Find(Needles);
        TestContext.Current.TestOutputHelper?.WriteLine($"DI: {capture.LogLines} log lines ({factoryLines.Count} from the HttpClient factory, e.g. '{factoryLines.FirstOrDefault(l => l.Contains("apiKey", StringComparison.Ordinal) || l.Contains("?*", StringComparison.Ordinal))}'), {capture.Spans} spans; leaks: {leaks.Count}");
        Assert.NotEmpty(factoryLines);
        Assert.True(leaks.Count == 0, "The key leaked:" + Environment.NewLine + string.Join(Environment.NewLine, leaks.Take(20)));
    }

    /// <summary>Keeps every request and response the SDK's chain produced, to inspect their URIs after the calls returned.</summary>
    private sealed class ResponseKeeper : DelegatingHandler
    {
        private readonly List<(HttpRequestMessage, HttpResponseMessage?)> _seen = [];

        public IReadOnlyList<(HttpRequestMessage Request, HttpResponseMessage? Response)> Seen
        {
            get
            {
                lock (_seen)
                {
                    return [.. _seen];
                }
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage? response = null;
            try
            {
                response = await base.SendAsync(request, cancellationToken);
                return response;
            }
            finally
            {
                lock (_seen)
                {
                    _seen.Add((request, response));
                }
            }
        }
    }
}
