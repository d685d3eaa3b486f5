using WunderUpdates.Client;
using static PluginApis.Integration.Tests.Clients;
using PluginTestsClient = PluginTests.Client.PluginTestsClient;
using EnqueueTestRequest = PluginTests.Client.EnqueueTestRequest;
using PackageSource = PluginTests.Client.PackageSource;

namespace PluginApis.Integration.Tests;

/// <summary>What a release CI does: create the plugin, upload ZIPs, check what sites get, queue a test, clean up.</summary>
public sealed class ReleaseRoundTripTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Slug = "it-release";
    private const string Prefix = EmulatorKeys.WunderUpdatesDemoAccountPrefix;

    [Fact]
    public async Task Create_upload_check_for_update_test_delete()
    {
        var emulator = fixture.Emulator;
        using var wu = NewWunderUpdates(emulator);
        using var pt = NewPluginTests(emulator);

        var plugin = await wu.CreatePluginAsync(Slug, License.StaticKeys, Ct);
        Assert.Equal(Slug, plugin.Slug);
        await wu.AddLicenseKeyAsync(Slug, new LicenseKey("IT-CUSTOMER-0001"), Ct);

        // Nothing released yet: the update check has nothing to offer.
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<WunderUpdatesException>(() =>
            wu.CheckForUpdateAsync(Prefix, Slug, ReleaseChannel.Stable, "IT-CUSTOMER-0001", Ct))).StatusCode);

        using var stable = TestZip.File(Slug, "1.0.0", "IT Release");
        var sent = new List<long>();
        var upload = await wu.UploadVersionAsync(Slug, stable.Path, new SyncProgress(sent.Add), Ct);
        Assert.Equal("1.0.0", upload.Archive!.Version);
        Assert.Equal(new FileInfo(stable.Path).Length, sent[^1]);
        using (var beta = new MemoryStream(TestZip.Bytes(Slug, "1.1.0-beta.2", "IT Release")))
        {
            Assert.Equal("1.1.0-beta.2", (await wu.UploadVersionAsync(Slug, beta, cancellationToken: Ct)).Archive!.Version);
        }

        Assert.Equal(["1.1.0-beta.2", "1.0.0"], (await wu.ListVersionsAsync(Slug, Ct)).Select(v => v.Version));
        Assert.Equal($"{Slug}-1.0.0.zip", (await wu.GetVersionAsync(Slug, "1.0.0", Ct)).File);
        Assert.Equal(2, (await wu.GetPluginAsync(Slug, Ct)).Versions.Count);

        // What a WordPress site sees.
        var update = await wu.CheckForUpdateAsync(Prefix, Slug, ReleaseChannel.Stable, "IT-CUSTOMER-0001", Ct);
        Assert.Equal("1.0.0", update.Version);
        Assert.Equal("IT Release", update.PluginName);
        Assert.Equal("6.1", update.RequiresAtLeast);
        Assert.Equal("8.0", update.RequiresPhp);
        Assert.Equal("6.8", update.TestedUpTo);
        Assert.True(update.License!.Valid);
        Assert.NotNull(update.DownloadLink);
        using (var http = new HttpClient())
        {
            Assert.Equal(await File.ReadAllBytesAsync(stable.Path, Ct), await http.GetByteArrayAsync(update.DownloadLink, Ct));
        }

        Assert.Equal("1.1.0-beta.2", (await wu.CheckForUpdateAsync(Prefix, Slug, ReleaseChannel.Beta, "IT-CUSTOMER-0001", Ct)).Version);
        Assert.Equal("1.0.0", (await wu.CheckForUpdateAsync(Prefix, Slug, ReleaseChannel.Rc, "IT-CUSTOMER-0001", Ct)).Version);
        var noKey = await wu.CheckForUpdateAsync(Prefix, Slug, ReleaseChannel.Stable, cancellationToken: Ct);
        Assert.False(noKey.License!.Valid);
        Assert.Null(noKey.DownloadLink);
        var wrongKey = await wu.CheckForUpdateAsync(Prefix, Slug, ReleaseChannel.Stable, "IT-NOT-A-CUSTOMER", Ct);
        Assert.False(wrongKey.License!.Valid);

        // Queue a PluginTests run of the release ZIP straight from its download link.
        var job = await pt.EnqueueTestAsync(new EnqueueTestRequest(EmulatorKeys.PluginTestsDemoDirectory, Slug)
        {
            PackageSource = PackageSource.Direct,
            DownloadUrl = update.DownloadLink,
            Priority = 300,
        }, Ct);
        Assert.Equal(update.DownloadLink, job.DownloadUrl);
        Assert.Contains(await pt.ListQueueAsync(Ct), j => j.Id == job.Id);
        Assert.Contains(await pt.ListUserPluginsAsync(Ct), p => p.Slug == Slug);

        // Withdraw the beta: beta sites fall back to the stable release.
        await wu.DeleteVersionAsync(Slug, "1.1.0-beta.2", Ct);
        Assert.Equal(["1.0.0"], (await wu.ListVersionsAsync(Slug, Ct)).Select(v => v.Version));
        Assert.Equal("1.0.0", (await wu.CheckForUpdateAsync(Prefix, Slug, ReleaseChannel.Beta, "IT-CUSTOMER-0001", Ct)).Version);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<WunderUpdatesException>(() => wu.GetVersionAsync(Slug, "1.1.0-beta.2", Ct))).StatusCode);

        await wu.DeletePluginAsync(Slug, Ct);
        await pt.DeletePluginAsync(EmulatorKeys.PluginTestsDemoDirectory, Slug, Ct);

        Assert.DoesNotContain(await wu.ListPluginsAsync(Ct), p => p.Slug == Slug);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<WunderUpdatesException>(() => wu.GetPluginAsync(Slug, Ct))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<WunderUpdatesException>(() =>
            wu.CheckForUpdateAsync(Prefix, Slug, ReleaseChannel.Stable, "IT-CUSTOMER-0001", Ct))).StatusCode);
        Assert.Equal(2, emulator.Stats.VersionsUploaded);
        Assert.Equal(1, emulator.Stats.VersionsDeleted);
        Assert.Equal(1, emulator.Stats.PluginsDeleted);
    }

    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
