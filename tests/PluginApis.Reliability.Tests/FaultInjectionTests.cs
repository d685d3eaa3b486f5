using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using PluginApis.Emulator;
using PluginApis.Http;
using PluginTests.Client;
using WunderUpdates.Client;
using WuPlugin = WunderUpdates.Client.Plugin;

namespace PluginApis.Reliability.Tests;

/// <summary>
/// Thousands of calls over every endpoint of both clients through a seeded fault injector in front of the real emulator:
/// each call ends in correct data or a documented exception, no non-idempotent POST is processed twice, and every call
/// whose faults were within the retry budget succeeds.
/// </summary>
public sealed class FaultInjectionTests
{
    /// <summary>Override with RELIABILITY_SEED / RELIABILITY_CALLS to reproduce or extend a run.</summary>
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("RELIABILITY_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20261123;

    private static readonly int TotalCalls = int.TryParse(Environment.GetEnvironmentVariable("RELIABILITY_CALLS"), CultureInfo.InvariantCulture, out var c) ? c : 2400;

    private const int Lanes = 8;
    private const double FaultRate = 0.3;
    private const int MaxRetries = 3;

    private static readonly string[] SideEffects = ["TestQueueJobsCreated", "WebhooksCreated", "PluginsCreated", "TokensCreated"];

    [Fact]
    public async Task Every_call_ends_in_correct_data_or_a_documented_exception_and_no_POST_is_processed_twice()
    {
        await using var emu = await Rig.StartEmulatorAsync();
        using var sockets = Rig.Sockets();

        // Fixtures through a clean client (no faults): one static-keys plugin with a release per lane.
        var expectedTables = 0;
        using (var clean = Rig.Pt(emu, sockets))
        {
            await foreach (var _ in clean.ListPluginTablesAsync(ActiveInstalls.AtLeast500, Rig.Ct))
            {
                expectedTables++;
            }
        }

        using (var clean = Rig.Wu(emu, sockets))
        {
            for (var lane = 0; lane < Lanes; lane++)
            {
                await clean.CreatePluginAsync(Fixture(lane), License.StaticKeys, Rig.Ct);
                await clean.UploadVersionAsync(Fixture(lane), new MemoryStream(Rig.PluginZip(Fixture(lane), "1.0.0")), cancellationToken: Rig.Ct);
                await clean.AddLicenseKeyAsync(Fixture(lane), new LicenseKey($"FIX-{lane}-KEY"), Rig.Ct);
            }
        }

        var before = Counters(emu.Stats);
        var records = new ConcurrentBag<CallRecord>();
        var handlers = new List<FaultInjectionHandler>();
        var clock = Stopwatch.StartNew();
        var lanes = Enumerable.Range(0, Lanes).Select(lane =>
        {
            var handler = new FaultInjectionHandler(Seed + lane, FaultRate) { InnerHandler = sockets };
            handlers.Add(handler);
            return Task.Run(() => RunLaneAsync(lane, emu, handler, TotalCalls / Lanes, expectedTables, records));
        }).ToList();
        await Task.WhenAll(lanes).WaitAsync(TimeSpan.FromSeconds(90), Rig.Ct);
        clock.Stop();

        var after = Counters(emu.Stats);
        var all = records.ToList();
        var injected = handlers.SelectMany(h => h.Injected).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));

        // ---- the checks ----
        var problems = new List<string>();
        var leaks = 0;
        foreach (var call in all)
        {
            var faults = call.Attempts.Where(a => a.Kind != FaultKind.None).ToList();
            if (call.Exception is { } ex)
            {
                if (!Rig.IsDocumented(ex))
                {
                    problems.Add($"{call.Operation}: undocumented {ex.GetType().FullName}: {ex.Message} [{Describe(call)}]");
                }

                var text = ex.ToString() + (ex as ApiException)?.RequestUri + (ex as ApiException)?.ResponseBody;
                if (Leaks(text))
                {
                    leaks++;
                    problems.Add($"{call.Operation}: the API key leaked into the exception: {ex}");
                }
            }
            else if (!call.DataCorrect)
            {
                problems.Add($"{call.Operation}: succeeded with wrong data [{Describe(call)}]");
            }

            if (!call.Idempotent && call.Forwarded > 1)
            {
                problems.Add($"{call.Operation}: a non-idempotent POST was sent {call.Forwarded} times [{Describe(call)}]");
            }

            if (!call.Idempotent && call.Succeeded && call.Forwarded != 1)
            {
                problems.Add($"{call.Operation}: reported success but the server saw it {call.Forwarded} times");
            }

            // Within the retry budget and only faults the SDK is meant to ride out: the call must succeed.
            // A streamed body is handed out element by element: a connection lost mid-body surfaces (HttpRequestException), it is not retried.
            var streamed = call.Operation == "PT.ListPluginTables";
            var retryable = call.Idempotent
                ? faults.All(f => f.Kind.IsRetryableForIdempotent() && !(streamed && f.Kind == FaultKind.AfterBodyReset))
                : faults.All(f => f.Kind.IsRetryableForAll());
            var pausedScope = call.MayBeRefusedLocally && call.Exception is RateLimitExceededException { ThrottledLocally: true };
            if (call.PreconditionMet && retryable && faults.Count <= MaxRetries && !call.Succeeded && !IsDeleteOfProcessedDelete(call) && !pausedScope)
            {
                problems.Add($"{call.Operation}: faults within the retry budget, yet it failed: {call.Exception!.GetType().Name}: {call.Exception.Message} [{Describe(call)}]");
            }
        }

        foreach (var effect in SideEffects)
        {
            var calls = all.Where(r => r.SideEffect == effect).ToList();
            var confirmed = calls.Sum(r => r.Attempts.Count(a => a.Forwarded && a.ServerStatus is >= 200 and < 300));
            var unknown = calls.Sum(r => r.Attempts.Count(a => a.Forwarded && a.ServerStatus is null));
            var observed = after[effect] - before[effect];
            if (observed < confirmed || observed > confirmed + unknown)
            {
                problems.Add($"{effect}: the emulator counted {observed}, the transport saw {confirmed} processed (+{unknown} cut off mid-flight)");
            }
        }

        var summary = Summary(all, injected, before, after, clock.Elapsed, leaks, problems.Count);
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "fault-run-summary.md"), summary, Rig.Ct);

        Assert.True(all.Count >= 2000, $"Only {all.Count} calls ran.");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(40)) + Environment.NewLine + summary);
    }

    // A DELETE whose first attempt was processed but whose answer was lost finds nothing on the retry: 404 is the honest answer.
    private static bool IsDeleteOfProcessedDelete(CallRecord call) =>
        call.Operation.Contains(".Delete", StringComparison.Ordinal)
        && call.Exception is ApiException { StatusCode: HttpStatusCode.NotFound }
        && call.Attempts.SkipLast(1).Any(a => a.Forwarded && a.ServerStatus is >= 200 and < 300);

    private static string Fixture(int lane) => $"rel-fixture-{lane}";

    private static bool Leaks(string? text) =>
        text is not null && (text.Contains(Rig.PluginTestsCanary, StringComparison.Ordinal) || text.Contains(Rig.WunderUpdatesCanary, StringComparison.Ordinal)
            || text.Contains(Uri.EscapeDataString(Rig.PluginTestsCanary), StringComparison.OrdinalIgnoreCase)
            || text.Contains(Uri.EscapeDataString(Rig.WunderUpdatesCanary), StringComparison.OrdinalIgnoreCase)
            || text.Contains("K3y", StringComparison.Ordinal));

    private static string Describe(CallRecord call) =>
        string.Join(" → ", call.Attempts.Select(a => $"{a.Kind}{(a.Forwarded ? $"(server {a.ServerStatus?.ToString(CultureInfo.InvariantCulture) ?? "?"})" : string.Empty)}"));

    private static Dictionary<string, long> Counters(EmulatorStats stats) => new()
    {
        ["TestQueueJobsCreated"] = stats.TestQueueJobsCreated,
        ["WebhooksCreated"] = stats.WebhooksCreated,
        ["PluginsCreated"] = stats.PluginsCreated,
        ["TokensCreated"] = stats.TokensCreated,
        ["VersionsUploaded"] = stats.VersionsUploaded,
        ["Requests"] = stats.Requests,
    };

    private static async Task RunLaneAsync(int lane, EmulatorHost emu, FaultInjectionHandler handler, int calls, int expectedTables, ConcurrentBag<CallRecord> records)
    {
        using var pt = Rig.Pt(emu, handler);
        using var wu = Rig.Wu(emu, handler);
        var zipPath = Path.Combine(Path.GetTempPath(), $"pluginapis-rel-{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(zipPath, Rig.PluginZip(Fixture(lane), "1.1.0"));
        try
        {
            var done = 0;
            var paused = new HashSet<string>(StringComparer.Ordinal);
            for (var round = 0; done < calls; round++)
            {
                foreach (var op in Round(lane, round, pt, wu, zipPath, expectedTables))
                {
                    // A 429 announcing a wait beyond MaxRateLimitWait pauses the operation in this client (its quota scope)
                    // for up to MaxRateLimitWait; then one request re-probes it. Later calls may be refused locally meanwhile.
                    var scope = op.Name.Split('(')[0];
                    var record = await RunAsync(op, paused.Contains(scope));
                    if (record.Attempts.Any(a => a.Kind == FaultKind.Before429Absurd))
                    {
                        paused.Add(scope);
                    }

                    records.Add(record);
                    if (++done >= calls)
                    {
                        break;
                    }
                }
            }
        }
        finally
        {
            File.Delete(zipPath);
        }
    }

    private static async Task<CallRecord> RunAsync(Op op, bool mayBeRefusedLocally)
    {
        var record = new CallRecord(op.Name, op.Idempotent, op.SideEffect) { PreconditionMet = op.Precondition?.Invoke() ?? true, MayBeRefusedLocally = mayBeRefusedLocally };
        FaultInjectionHandler.Current.Value = record;
        try
        {
            var result = await op.Call();
            // The raw calls answer null for an empty body (documented); every other success must carry the right data.
            var emptied = result is null && record.Attempts is [.., { Kind: FaultKind.AfterEmpty200 }];
            record.DataCorrect = emptied || (op.Check?.Invoke(result) ?? true);
            op.OnSuccess?.Invoke(result, record);
        }
        catch (Exception ex)
        {
            record.Exception = ex;
        }
        finally
        {
            FaultInjectionHandler.Current.Value = null;
            op.After?.Invoke(record);
        }

        return record;
    }

    private sealed record Op(string Name, bool Idempotent, Func<Task<object?>> Call)
    {
        public string? SideEffect { get; init; }

        public Func<object?, bool>? Check { get; init; }

        public Func<bool>? Precondition { get; init; }

        public Action<object?, CallRecord>? OnSuccess { get; init; }

        public Action<CallRecord>? After { get; init; }
    }

    private static Func<Task<object?>> Box<T>(Func<Task<T>> call) => async () => await call();

    private static Func<Task<object?>> Box(Func<Task> call) => async () =>
    {
        await call();
        return null;
    };

    /// <summary>One pass over every endpoint of both clients; later calls use what earlier ones created (when the server processed it).</summary>
    private static IEnumerable<Op> Round(int lane, int round, PluginTestsClient pt, WunderUpdatesClient wu, string zipPath, int expectedTables)
    {
        var ct = Rig.Ct;
        var tag = $"l{lane}-r{round}";
        var fixture = Fixture(lane);
        string? webhookId = null;
        var webhookProcessed = false;
        var directProcessed = false;
        var pluginProcessed = false;
        var keyAdded = false;
        var uploaded = false;
        var directSlug = $"rel-direct-{tag}";
        var newPlugin = $"rel-new-{tag}";

        // ---- PluginTests ----
        yield return new Op("PT.GetRoot", true, Box(() => pt.GetRootAsync(ct))) { Check = r => ((ServiceRoot)r!).Permissions.Contains("queue:read") };
        yield return new Op("PT.GetPlugin", true, Box(() => pt.GetPluginAsync("wporg", "akismet", ct))) { Check = r => ((PluginTests.Client.Plugin)r!).Slug == "akismet" };
        yield return new Op("PT.ListReports", true, Box(() => pt.ListReportsAsync("wporg", "akismet", ct))) { Check = r => HasSeededAkismetReports((IReadOnlyList<PluginReport>)r!) };
        yield return new Op("PT.GetReport", true, Box(() => pt.GetReportAsync("wporg", "akismet", "5-3-1-2026-11-01", ct))) { Check = r => ((PluginReport)r!).Slug == "5-3-1-2026-11-01" };
        yield return new Op("PT.ListEntities", true, Box(() => pt.ListEntitiesAsync("wporg", "akismet", round % 2 == 0 ? EntityCollection.Tables : EntityCollection.Options, ct)))
        {
            Check = r => ((IReadOnlyList<PluginEntity>)r!).Count == (round % 2 == 0 ? 1 : 3),
        };
        yield return new Op("PT.GetCurrentUser", true, Box(() => pt.GetCurrentUserAsync(ct))) { Check = r => ((PluginTestsUser)r!).Id == "user_demo" };
        yield return new Op("PT.ListUserPlugins", true, Box(() => pt.ListUserPluginsAsync(ct))) { Check = r => ((IReadOnlyList<PluginTests.Client.Plugin>)r!).Any(p => p.Slug == "demo-private-plugin") };
        yield return new Op("PT.ListWebhooks", true, Box(() => pt.ListWebhooksAsync(ct))) { Check = r => ((IReadOnlyList<Webhook>)r!).Any(w => w.Id == "wh_demo0001") };
        yield return new Op("PT.CreateWebhook", false, Box(() => pt.CreateWebhookAsync(new Uri($"https://hooks.example.com/{tag}"), WebhookEventType.TestFinished, ct)))
        {
            SideEffect = "WebhooksCreated",
            Check = r => ((Webhook)r!).Url?.AbsoluteUri == $"https://hooks.example.com/{tag}",
            OnSuccess = (r, _) => webhookId = ((Webhook)r!).Id,
            After = rec => webhookProcessed = rec.ServerProcessed,
        };
        yield return new Op("PT.GetWebhook", true, Box(() => pt.GetWebhookAsync(webhookId ?? "wh_demo0001", ct))) { Check = r => ((Webhook)r!).Id == (webhookId ?? "wh_demo0001") };
        yield return new Op("PT.DeleteWebhook", true, Box(() => pt.DeleteWebhookAsync(webhookId ?? $"wh_missing_{tag}", ct))) { Precondition = () => webhookId is not null && webhookProcessed };
        yield return new Op("PT.ListQueue", true, Box(() => pt.ListQueueAsync(ct))) { Check = r => ((IReadOnlyList<QueueJob>)r!).Any(j => j.Id == "job_demo0001") };
        yield return new Op("PT.EnqueueTest(stable)", false, Box(() => pt.EnqueueTestAsync(new EnqueueTestRequest("wporg", "akismet") { Priority = 1 + (round % 500) }, ct)))
        {
            SideEffect = "TestQueueJobsCreated",
            Check = r => ((QueueJob)r!).Slug == "akismet",
        };
        yield return new Op("PT.EnqueueTest(direct)", false, Box(() => pt.EnqueueTestAsync(
            new EnqueueTestRequest("demo", directSlug) { PackageSource = PackageSource.Direct, DownloadUrl = new Uri($"https://downloads.example.com/{directSlug}.zip") }, ct)))
        {
            SideEffect = "TestQueueJobsCreated",
            Check = r => ((QueueJob)r!).Slug == directSlug,
            After = rec => directProcessed = rec.ServerProcessed,
        };
        yield return new Op("PT.DeletePlugin", true, Box(() => pt.DeletePluginAsync("demo", directSlug, ct))) { Precondition = () => directProcessed };
        yield return new Op("PT.ListPluginTables", true, Box(async () =>
        {
            var n = 0;
            await foreach (var _ in pt.ListPluginTablesAsync(ActiveInstalls.AtLeast500, ct))
            {
                n++;
            }

            return n;
        }))
        {
            Check = r => (int)r! == expectedTables,
        };
        yield return new Op("PT.SendRaw", true, Box(() => pt.SendRawAsync(HttpMethod.Get, "user", ct)))
        {
            Check = r => r is System.Text.Json.JsonDocument d && d.RootElement.GetProperty("id").GetString() == "user_demo",
        };

        // ---- WunderUpdates ----
        yield return new Op("WU.ListPlugins", true, Box(() => wu.ListPluginsAsync(ct))) { Check = r => ((IReadOnlyList<WuPlugin>)r!).Any(p => p.Slug == fixture) };
        yield return new Op("WU.CreatePlugin", false, Box(() => wu.CreatePluginAsync(newPlugin, License.LemonSqueezy(12345), ct)))
        {
            SideEffect = "PluginsCreated",
            Check = r => ((WuPlugin)r!).Slug == newPlugin,
            After = rec => pluginProcessed = rec.ServerProcessed,
        };
        yield return new Op("WU.GetPlugin", true, Box(() => wu.GetPluginAsync(fixture, ct))) { Check = r => ((WuPlugin)r!).Slug == fixture };
        yield return new Op("WU.UpdateLicense", true, Box(() => wu.UpdateLicenseAsync(newPlugin, License.NoLicense, ct)))
        {
            Precondition = () => pluginProcessed,
            Check = r => ((WuPlugin)r!).License?.Type == LicenseType.NoLicense,
        };
        yield return new Op("WU.DeletePlugin", true, Box(() => wu.DeletePluginAsync(newPlugin, ct))) { Precondition = () => pluginProcessed };
        yield return new Op("WU.UploadVersion(stream)", true, Box(() => wu.UploadVersionAsync(fixture, new MemoryStream(Rig.PluginZip(fixture, "1.2.0")), cancellationToken: ct)))
        {
            Check = r => ((VersionUploadResult)r!).Archive?.Version == "1.2.0",
            After = rec => uploaded = rec.ServerProcessed,
        };
        yield return new Op("WU.UploadVersion(file)", true, Box(() => wu.UploadVersionAsync(fixture, zipPath, cancellationToken: ct)))
        {
            Check = r => ((VersionUploadResult)r!).Archive?.Version == "1.1.0",
        };
        yield return new Op("WU.ListVersions", true, Box(() => wu.ListVersionsAsync(fixture, ct))) { Check = r => ((IReadOnlyList<PluginVersion>)r!).Any(v => v.Version == "1.0.0") };
        yield return new Op("WU.GetVersion", true, Box(() => wu.GetVersionAsync(fixture, "1.0.0", ct))) { Check = r => ((PluginVersion)r!).Version == "1.0.0" };
        yield return new Op("WU.DeleteVersion", true, Box(() => wu.DeleteVersionAsync(fixture, "1.2.0", ct))) { Precondition = () => uploaded };
        yield return new Op("WU.GetAccount", true, Box(() => wu.GetAccountAsync(ct))) { Check = r => ((AccountDetails)r!).Account.Prefix == EmulatorKeys.WunderUpdatesDemoAccountPrefix };
        yield return new Op("WU.GetAccountLicense", true, Box(() => wu.GetAccountLicenseAsync(ct))) { Check = r => ((AccountLicense)r!).Limit == 10 };
        yield return new Op("WU.ActivateAccountLicense", false, Box(() => wu.ActivateAccountLicenseAsync($"ACCOUNT-LICENSE-{tag}", ct)));
        yield return new Op("WU.ListTokens", true, Box(() => wu.ListTokensAsync(ct))) { Check = r => ((IReadOnlyList<ApiToken>)r!).Any(t => t.Name == "ci") };
        yield return new Op("WU.CreateToken", false, Box(() => wu.CreateTokenAsync($"rel-{tag}", 30, ct))) { SideEffect = "TokensCreated" };
        yield return new Op("WU.ReplaceLicenseKeys", true, Box(() => wu.ReplaceLicenseKeysAsync(fixture, [new LicenseKey($"FIX-{lane}-KEY"), new LicenseKey($"R-{tag}", new DateOnly(2099, 1, 1))], ct)));
        yield return new Op("WU.AddLicenseKey", true, Box(() => wu.AddLicenseKeyAsync(fixture, new LicenseKey($"A-{tag}"), ct))) { After = rec => keyAdded = rec.ServerProcessed };
        yield return new Op("WU.ListLicenseKeys", true, Box(() => wu.ListLicenseKeysAsync(fixture, ct))) { Check = r => ((IReadOnlyList<LicenseKey>)r!).Any(k => k.Key == $"FIX-{lane}-KEY") };
        yield return new Op("WU.GetLicenseKey", true, Box(() => wu.GetLicenseKeyAsync(fixture, $"FIX-{lane}-KEY", ct))) { Check = r => ((LicenseKey)r!).Key == $"FIX-{lane}-KEY" };
        yield return new Op("WU.DeleteLicenseKey", true, Box(() => wu.DeleteLicenseKeyAsync(fixture, $"A-{tag}", ct))) { Precondition = () => keyAdded };
        yield return new Op("WU.CheckForUpdate", true, Box(() => wu.CheckForUpdateAsync(EmulatorKeys.WunderUpdatesDemoAccountPrefix, "demo-pro", ReleaseChannel.Beta, EmulatorKeys.DemoLicenseKey, ct)))
        {
            Check = r => ((PluginUpdateInfo)r!).Version == "2.0.0-beta.1",
        };
        yield return new Op("WU.SendRaw", true, Box(() => wu.SendRawAsync(HttpMethod.Get, "account", ct)))
        {
            Check = r => r is System.Text.Json.JsonDocument d && d.RootElement.GetProperty("account").GetProperty("prefix").GetString() == EmulatorKeys.WunderUpdatesDemoAccountPrefix,
        };
    }

    private static string Summary(List<CallRecord> all, Dictionary<FaultKind, int> injected, Dictionary<string, long> before, Dictionary<string, long> after, TimeSpan elapsed, int leaks, int problems)
    {
        var text = new StringBuilder();
        var attempts = all.Sum(r => r.Attempts.Count);
        text.AppendLine(CultureInfo.InvariantCulture, $"Fault run: seed {Seed}, {Lanes} lanes, fault rate {FaultRate:P0} per attempt, {elapsed.TotalSeconds:0.0} s");
        text.AppendLine(CultureInfo.InvariantCulture, $"Calls: {all.Count} over {all.Select(r => r.Operation).Distinct().Count()} operations; attempts at the transport: {attempts}; succeeded: {all.Count(r => r.Succeeded)}; failed: {all.Count(r => !r.Succeeded)}");
        text.AppendLine();
        text.AppendLine("| Fault injected | Count |");
        text.AppendLine("|---|---:|");
        foreach (var kind in Enum.GetValues<FaultKind>().Where(k => k != FaultKind.None))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {kind} | {injected.GetValueOrDefault(kind)} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| **total** | {injected.Values.Sum()} |");
        text.AppendLine();
        text.AppendLine("| Outcome | Calls |");
        text.AppendLine("|---|---:|");
        foreach (var group in all.GroupBy(r => r.Exception?.GetType().Name ?? "success").OrderByDescending(g => g.Count()))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key} | {group.Count()} |");
        }

        text.AppendLine();
        text.AppendLine("| Side effect (non-idempotent POST) | Calls | Server processed (emulator counter) | Transport saw processed | Sent more than once |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var effect in SideEffects)
        {
            var calls = all.Where(r => r.SideEffect == effect).ToList();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {effect} | {calls.Count} | {after[effect] - before[effect]} | {calls.Sum(r => r.Attempts.Count(a => a.Forwarded && a.ServerStatus is >= 200 and < 300))} | {calls.Count(r => r.Forwarded > 1)} |");
        }

        var posts = all.Where(r => !r.Idempotent).ToList();
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Non-idempotent POSTs: {posts.Count}; reported success: {posts.Count(r => r.Succeeded)}; fault after processing: {posts.Count(r => r.Attempts.Any(a => a.Kind.IsAfter()))}; never forwarded: {posts.Count(r => r.Forwarded == 0)}; sent twice: {posts.Count(r => r.Forwarded > 1)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"DELETEs retried after the first attempt was processed, answered 404: {all.Count(IsDeleteOfProcessedDelete)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Undocumented exceptions / wrong data / other problems: {problems}; key leaks: {leaks}");
        return text.ToString();
    }

    /// <summary>The two seeded reports are there; the akismet tests this run queues add more as they finish.</summary>
    private static bool HasSeededAkismetReports(IReadOnlyList<PluginReport> reports) =>
        reports.Any(r => r.Slug == "5-3-1-2026-11-01") && reports.Any(r => r.Slug == "5-3-2026-10-01");
}
