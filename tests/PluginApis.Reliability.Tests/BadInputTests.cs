using System.Net;
using PluginApis.Emulator;
using PluginApis.Http;
using PluginTests.Client;
using WunderUpdates.Client;

namespace PluginApis.Reliability.Tests;

/// <summary>
/// Hostile caller input: each value is either refused with an ArgumentException before any request, or reaches the server as
/// exactly one path segment holding exactly that value (checked on the request line and, end to end, by the emulator's echo).
/// </summary>
public sealed class BadInputTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly Uri Base = new("http://127.0.0.1:9/");

    public static TheoryData<string, string?> SegmentValues() => new()
    {
        { "slash", "a/b" },
        { "dot-dot", ".." },
        { "dot", "." },
        { "question mark", "a?b=c" },
        { "hash", "a#b" },
        { "escaped slash", "%2F" },
        { "escaped escape", "a%252Fb" },
        { "percent", "100%" },
        { "space", "a b" },
        { "plus and semicolon", "a+b;c=d" },
        { "tab", "a\tb" },
        { "control characters", "a\u0001\u001fb\u007f" },
        { "nul", "a\0b" },
        { "non-ASCII", "über-plugin-日本語" },
        { "emoji", "plugin-😀" },
        { "backslash", "a\\..\\b" },
        { "10,000 characters", new string('x', 10_000) },
        { "empty", "" },
        { "whitespace", " \t " },
        { "null", null },
    };

    // Blank values, and "." and "..", which URI merging would fold into another endpoint (issue #11).
    private static bool MustBeRefused(string? value) => string.IsNullOrWhiteSpace(value) || value is "." or "..";

    /// <summary>Every client method that puts caller values into path segments, with the segments it must produce.</summary>
    private static IEnumerable<(string Name, Func<PluginTestsClient, WunderUpdatesClient, string, Task> Call, Func<string, string[]> Segments)> Callers()
    {
        yield return ("PT.GetPlugin(directory)", (pt, _, v) => pt.GetPluginAsync(v, "akismet"), v => ["api", "v1", "plugins", v, "akismet"]);
        yield return ("PT.GetPlugin(slug)", (pt, _, v) => pt.GetPluginAsync("wporg", v), v => ["api", "v1", "plugins", "wporg", v]);
        yield return ("PT.ListReports", (pt, _, v) => pt.ListReportsAsync("wporg", v), v => ["api", "v1", "plugins", "wporg", v, "reports"]);
        yield return ("PT.GetReport", (pt, _, v) => pt.GetReportAsync("wporg", "akismet", v), v => ["api", "v1", "plugins", "wporg", "akismet", "reports", v]);
        yield return ("PT.ListEntities", (pt, _, v) => pt.ListEntitiesAsync(v, "akismet", EntityCollection.Tables), v => ["api", "v1", "plugins", v, "akismet", "tables"]);
        yield return ("PT.DeletePlugin", (pt, _, v) => pt.DeletePluginAsync("demo", v), v => ["api", "v1", "plugins", "demo", v]);
        yield return ("PT.GetWebhook", (pt, _, v) => pt.GetWebhookAsync(v), v => ["api", "v1", "user", "webhooks", v]);
        yield return ("PT.DeleteWebhook", (pt, _, v) => pt.DeleteWebhookAsync(v), v => ["api", "v1", "user", "webhooks", v]);
        yield return ("WU.GetPlugin", (_, wu, v) => wu.GetPluginAsync(v), v => ["v1", "plugins", v]);
        yield return ("WU.UpdateLicense", (_, wu, v) => wu.UpdateLicenseAsync(v, License.StaticKeys), v => ["v1", "plugins", v]);
        yield return ("WU.DeletePlugin", (_, wu, v) => wu.DeletePluginAsync(v), v => ["v1", "plugins", v]);
        yield return ("WU.ListVersions", (_, wu, v) => wu.ListVersionsAsync(v), v => ["v1", "plugins", v, "versions"]);
        yield return ("WU.UploadVersion", (_, wu, v) => wu.UploadVersionAsync(v, new MemoryStream([1, 2, 3]), null), v => ["v1", "plugins", v, "versions"]);
        yield return ("WU.GetVersion", (_, wu, v) => wu.GetVersionAsync("demo-pro", v), v => ["v1", "plugins", "demo-pro", "versions", v]);
        yield return ("WU.DeleteVersion", (_, wu, v) => wu.DeleteVersionAsync(v, "1.0.0"), v => ["v1", "plugins", v, "versions", "1.0.0"]);
        yield return ("WU.ListLicenseKeys", (_, wu, v) => wu.ListLicenseKeysAsync(v), v => ["v1", "plugins", v, "license", "keys"]);
        yield return ("WU.GetLicenseKey", (_, wu, v) => wu.GetLicenseKeyAsync("demo-pro", v), v => ["v1", "plugins", "demo-pro", "license", "keys", v]);
        yield return ("WU.DeleteLicenseKey", (_, wu, v) => wu.DeleteLicenseKeyAsync("demo-pro", v), v => ["v1", "plugins", "demo-pro", "license", "keys", v]);
        yield return ("WU.CheckForUpdate(prefix)", (_, wu, v) => wu.CheckForUpdateAsync(v, "demo-pro"), v => ["v1", "public", v, "plugins", "demo-pro"]);
        yield return ("WU.CheckForUpdate(slug)", (_, wu, v) => wu.CheckForUpdateAsync("demo1234", v), v => ["v1", "public", "demo1234", "plugins", v]);
    }

    [Theory]
    [MemberData(nameof(SegmentValues))]
    public async Task A_path_value_is_refused_before_any_request_or_sent_as_exactly_one_segment(string label, string? value)
    {
        _ = label;
        foreach (var (name, call, segments) in Callers())
        {
            var transport = new RecordingTransport();
            using var pt = new PluginTestsClient(new PluginTestsClientOptions { ApiKey = "k", BaseAddress = new Uri(Base, "api/v1/") }, transport);
            using var wu = new WunderUpdatesClient(new WunderUpdatesClientOptions { ApiKey = "k", BaseAddress = new Uri(Base, "v1/"), InspectArchivesBeforeUpload = false }, transport);

            Exception? thrown = null;
            try
            {
                await call(pt, wu, value!);
            }
            catch (Exception ex)
            {
                thrown = ex;
            }

            if (MustBeRefused(value))
            {
                Assert.True(thrown is ArgumentException, $"{name}: expected an ArgumentException for '{value}', got {thrown?.GetType().Name ?? "success"}");
                Assert.True(transport.Targets.Count == 0, $"{name}: a request was sent for a refused value");
                continue;
            }

            Assert.True(thrown is ApiException, $"{name}: expected the stub's 404, got {thrown}");
            var target = Assert.Single(transport.Targets);
            var path = target.Split('?')[0];
            var expected = segments(value!);
            var raw = path.TrimStart('/').Split('/');
            Assert.True(expected.Length == raw.Length, $"{name}: '{target}' has {raw.Length} segments, expected {expected.Length}");
            Assert.Equal(expected, raw.Select(Uri.UnescapeDataString));
            Assert.True(target.IndexOf('#') < 0, $"{name}: a fragment would be cut off: {target}");
        }
    }

    [Theory]
    [MemberData(nameof(SegmentValues))]
    public async Task The_emulator_receives_exactly_the_value(string label, string? value)
    {
        _ = label;
        if (MustBeRefused(value))
        {
            return;
        }

        var emu = fixture.Emulator;
        using var sockets = Rig.Sockets();
        using var wu = Rig.Wu(emu, sockets, r => r.MaxRetryAttempts = 0);

        var plugin = await Assert.ThrowsAsync<WunderUpdatesException>(() => wu.GetPluginAsync(value!, Rig.Ct));
        var version = await Assert.ThrowsAsync<WunderUpdatesException>(() => wu.GetVersionAsync("demo-pro", value!, Rig.Ct));

        if (value!.Length > 8000 || value.Contains('\0', StringComparison.Ordinal))
        {
            // Longer than Kestrel's request line (8 KiB), or a NUL byte, which Kestrel refuses in any path: the server says no
            // (414 / 400), the client still throws its typed error, and the server stays up.
            Assert.Equal(value.Length > 8000 ? HttpStatusCode.RequestUriTooLong : HttpStatusCode.BadRequest, plugin.StatusCode);
            Assert.Contains(await wu.ListPluginsAsync(Rig.Ct), p => p.Slug == "demo-pro");
            return;
        }

        Assert.Equal(HttpStatusCode.NotFound, plugin.StatusCode);
        Assert.Equal($"Plugin {value} not found.", plugin.ServerMessage);
        Assert.Equal(HttpStatusCode.NotFound, version.StatusCode);
        Assert.Equal($"Version {value} of demo-pro not found.", version.ServerMessage);
    }

    [Fact]
    public async Task A_licence_key_with_query_syntax_reaches_the_server_as_one_query_value()
    {
        var emu = fixture.Emulator;
        using var sockets = Rig.Sockets();
        using var wu = Rig.Wu(emu, sockets);

        var info = await wu.CheckForUpdateAsync(EmulatorKeys.WunderUpdatesDemoAccountPrefix, "demo-pro", licenseKey: "x&key=" + EmulatorKeys.DemoLicenseKey + "#", cancellationToken: Rig.Ct);
        var valid = await wu.CheckForUpdateAsync(EmulatorKeys.WunderUpdatesDemoAccountPrefix, "demo-pro", licenseKey: EmulatorKeys.DemoLicenseKey, cancellationToken: Rig.Ct);

        Assert.False(info.License?.Valid);
        Assert.True(valid.License?.Valid);
    }

    public static TheoryData<string, Func<PluginTestsClient, WunderUpdatesClient, Task>> RefusedCalls() => new()
    {
        { "priority 0", (pt, _) => pt.EnqueueTestAsync(new EnqueueTestRequest("wporg", "akismet") { Priority = 0 }) },
        { "priority 501", (pt, _) => pt.EnqueueTestAsync(new EnqueueTestRequest("wporg", "akismet") { Priority = 501 }) },
        { "priority int.MinValue", (pt, _) => pt.EnqueueTestAsync(new EnqueueTestRequest("wporg", "akismet") { Priority = int.MinValue }) },
        { "direct without URL", (pt, _) => pt.EnqueueTestAsync(new EnqueueTestRequest("demo", "x") { PackageSource = PackageSource.Direct }) },
        { "direct with ftp URL", (pt, _) => pt.EnqueueTestAsync(new EnqueueTestRequest("demo", "x") { PackageSource = PackageSource.Direct, DownloadUrl = new Uri("ftp://example.com/x.zip") }) },
        { "direct with relative URL", (pt, _) => pt.EnqueueTestAsync(new EnqueueTestRequest("demo", "x") { PackageSource = PackageSource.Direct, DownloadUrl = new Uri("/x.zip", UriKind.Relative) }) },
        { "direct with file URL", (pt, _) => pt.EnqueueTestAsync(new EnqueueTestRequest("demo", "x") { PackageSource = PackageSource.Direct, DownloadUrl = new Uri("file:///etc/passwd") }) },
        { "stable with URL", (pt, _) => pt.EnqueueTestAsync(new EnqueueTestRequest("wporg", "akismet") { DownloadUrl = new Uri("https://example.com/x.zip") }) },
        { "undefined PackageSource", (pt, _) => pt.EnqueueTestAsync(new EnqueueTestRequest("wporg", "akismet") { PackageSource = (PackageSource)7 }) },
        { "enqueue blank slug", (pt, _) => pt.EnqueueTestAsync(new EnqueueTestRequest("wporg", " ")) },
        { "enqueue null request", (pt, _) => pt.EnqueueTestAsync(null!) },
        { "webhook ftp URL", (pt, _) => pt.CreateWebhookAsync(new Uri("ftp://example.com/hook")) },
        { "webhook relative URL", (pt, _) => pt.CreateWebhookAsync(new Uri("hooks/x", UriKind.Relative)) },
        { "webhook javascript URL", (pt, _) => pt.CreateWebhookAsync(new Uri("javascript:alert(1)")) },
        { "webhook null URL", (pt, _) => pt.CreateWebhookAsync(null!) },
        { "undefined WebhookEventType", (pt, _) => pt.CreateWebhookAsync(new Uri("https://example.com/h"), (WebhookEventType)9) },
        { "undefined EntityCollection", (pt, _) => pt.ListEntitiesAsync("wporg", "akismet", (EntityCollection)99) },
        { "undefined ActiveInstalls", (pt, _) => pt.ListPluginTablesAsync((ActiveInstalls)7).GetAsyncEnumerator().MoveNextAsync().AsTask() },
        { "raw absolute URL", (pt, _) => pt.SendRawAsync(HttpMethod.Get, "https://evil.example/steal") },
        { "raw protocol-relative URL", (pt, _) => pt.SendRawAsync(HttpMethod.Get, "//evil.example/steal") },
        { "WU raw absolute URL", (_, wu) => wu.SendRawAsync(HttpMethod.Get, "https://evil.example/steal") },
        { "WU raw protocol-relative URL", (_, wu) => wu.SendRawAsync(HttpMethod.Get, "//evil.example/steal") },
        { "101 product ids", (_, wu) => wu.CreatePluginAsync("p", License.LemonSqueezy(Enumerable.Range(1, 101).Select(i => (long)i).ToArray())) },
        { "10,000 product ids", (_, wu) => wu.UpdateLicenseAsync("p", License.LemonSqueezy(Enumerable.Range(1, 10_000).Select(i => (long)i).ToArray())) },
        { "no product ids", (_, wu) => wu.CreatePluginAsync("p", License.LemonSqueezy()) },
        { "product id 0", (_, wu) => wu.CreatePluginAsync("p", License.LemonSqueezy(0)) },
        { "negative product id", (_, wu) => wu.CreatePluginAsync("p", License.LemonSqueezy(12345, -1)) },
        { "null licence", (_, wu) => wu.CreatePluginAsync("p", null!) },
        { "blank plugin slug", (_, wu) => wu.CreatePluginAsync("  ", License.StaticKeys) },
        { "undefined ReleaseChannel", (_, wu) => wu.CheckForUpdateAsync("demo1234", "demo-pro", (ReleaseChannel)42) },
        { "blank licence key query", (_, wu) => wu.CheckForUpdateAsync("demo1234", "demo-pro", licenseKey: " ") },
        { "token name empty", (_, wu) => wu.CreateTokenAsync("", 30) },
        { "token name upper case", (_, wu) => wu.CreateTokenAsync("CI", 30) },
        { "token name with space", (_, wu) => wu.CreateTokenAsync("my token", 30) },
        { "token name with slash", (_, wu) => wu.CreateTokenAsync("a/b", 30) },
        { "token name with underscore", (_, wu) => wu.CreateTokenAsync("a_b", 30) },
        { "token name non-ASCII", (_, wu) => wu.CreateTokenAsync("über", 30) },
        { "token name 65 characters", (_, wu) => wu.CreateTokenAsync(new string('a', 65), 30) },
        { "token expires 0 days", (_, wu) => wu.CreateTokenAsync("ok", 0) },
        { "token expires 366 days", (_, wu) => wu.CreateTokenAsync("ok", 366) },
        { "token expires -2", (_, wu) => wu.CreateTokenAsync("ok", -2) },
        { "licence key list null", (_, wu) => wu.ReplaceLicenseKeysAsync("demo-pro", null!) },
        { "licence key list with null", (_, wu) => wu.ReplaceLicenseKeysAsync("demo-pro", [null!]) },
        { "licence key null", (_, wu) => wu.AddLicenseKeyAsync("demo-pro", null!) },
        { "upload unreadable stream", (_, wu) => wu.UploadVersionAsync("demo-pro", new UnreadableStream()) },
        { "upload null stream", (_, wu) => wu.UploadVersionAsync("demo-pro", (Stream)null!) },
        { "upload blank path", (_, wu) => wu.UploadVersionAsync("demo-pro", " ") },
        { "activate blank account licence", (_, wu) => wu.ActivateAccountLicenseAsync(" ") },
    };

    [Theory]
    [MemberData(nameof(RefusedCalls))]
    public async Task Invalid_arguments_are_refused_before_any_request(string label, Func<PluginTestsClient, WunderUpdatesClient, Task> call)
    {
        var transport = new RecordingTransport();
        using var pt = new PluginTestsClient(new PluginTestsClientOptions { ApiKey = "k", BaseAddress = new Uri(Base, "api/v1/") }, transport);
        using var wu = new WunderUpdatesClient(new WunderUpdatesClientOptions { ApiKey = "k", BaseAddress = new Uri(Base, "v1/") }, transport);

        var ex = await Record.ExceptionAsync(() => call(pt, wu));

        Assert.True(ex is ArgumentException, $"{label}: expected an ArgumentException, got {ex?.GetType().FullName ?? "success"}: {ex?.Message}");
        Assert.Empty(transport.Targets);
    }

    [Fact]
    public void A_licence_key_that_is_blank_is_refused_when_it_is_made()
    {
        Assert.ThrowsAny<ArgumentException>(() => new LicenseKey(" "));
        Assert.ThrowsAny<ArgumentException>(() => new LicenseKey(null!));
    }

    private sealed class UnreadableStream : MemoryStream
    {
        public override bool CanRead => false;
    }
}
