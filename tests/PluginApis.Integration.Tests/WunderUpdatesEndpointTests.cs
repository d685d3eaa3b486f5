using WunderUpdates.Client;
using static PluginApis.Integration.Tests.Clients;

namespace PluginApis.Integration.Tests;

/// <summary>Every WunderUpdates endpoint through <see cref="WunderUpdatesClient"/>, against the emulator over loopback.</summary>
public sealed class WunderUpdatesEndpointTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private EmulatorHost Emulator => fixture.Emulator;

    [Fact]
    public async Task Plugins_list_with_licences_and_versions()
    {
        using var client = NewWunderUpdates(Emulator);
        var plugins = await client.ListPluginsAsync(Ct);
        var pro = Assert.Single(plugins, p => p.Slug == "demo-pro");
        Assert.Equal(LicenseType.StaticKeys, pro.License!.Type);
        Assert.Equal(["2.0.0-beta.1", "1.1.0", "1.0.0"], pro.Versions.Select(v => v.Version).OrderDescending(StringComparer.Ordinal));
        var lemon = Assert.Single(plugins, p => p.Slug == "demo-lemon");
        Assert.Equal(LicenseType.LemonSqueezy, lemon.License!.Type);
        Assert.Equal([12345L], lemon.License.Products);
        Assert.Equal(LicenseType.NoLicense, Assert.Single(plugins, p => p.Slug == "demo-free").License!.Type);
        Assert.Equal(100_000, client.LastRateLimit?.Limit);
    }

    [Fact]
    public async Task Plugin_create_get_update_licence_delete()
    {
        using var client = NewWunderUpdates(Emulator);
        var createdBefore = Emulator.Stats.PluginsCreated;
        var created = await client.CreatePluginAsync("it-crud", License.LemonSqueezy(111, 222), Ct);
        Assert.Equal("it-crud", created.Slug);
        Assert.Equal(LicenseType.LemonSqueezy, created.License!.Type);
        Assert.Equal([111L, 222L], created.License.Products);
        Assert.Empty(created.Versions);
        Assert.Equal(createdBefore + 1, Emulator.Stats.PluginsCreated);

        var fetched = await client.GetPluginAsync("it-crud", Ct);
        Assert.Equal([111L, 222L], fetched.License!.Products);

        var updated = await client.UpdateLicenseAsync("it-crud", License.NoLicense, Ct);
        Assert.Equal(LicenseType.NoLicense, updated.License!.Type);
        Assert.Empty(updated.License.Products);
        Assert.Equal(LicenseType.NoLicense, (await client.GetPluginAsync("it-crud", Ct)).License!.Type);

        var duplicate = await Assert.ThrowsAsync<WunderUpdatesException>(() => client.CreatePluginAsync("it-crud", License.StaticKeys, Ct));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        await client.DeletePluginAsync("it-crud", Ct);
        var gone = await Assert.ThrowsAsync<WunderUpdatesException>(() => client.GetPluginAsync("it-crud", Ct));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(404, gone.ReportedStatus);
        Assert.False(string.IsNullOrWhiteSpace(gone.ServerMessage));
        Assert.DoesNotContain(await client.ListPluginsAsync(Ct), p => p.Slug == "it-crud");
    }

    [Fact]
    public async Task Versions_list_newest_first_and_get_one()
    {
        using var client = NewWunderUpdates(Emulator);
        var versions = await client.ListVersionsAsync("demo-pro", Ct);
        Assert.Equal(["2.0.0-beta.1", "1.1.0", "1.0.0"], versions.Select(v => v.Version));
        Assert.Equal(["demo-pro-2.0.0-beta.1.zip", "demo-pro-1.1.0.zip", "demo-pro-1.0.0.zip"], versions.Select(v => v.File));

        var version = await client.GetVersionAsync("demo-pro", "1.1.0", Ct);
        Assert.Equal("1.1.0", version.Version);
        Assert.Equal("demo-pro-1.1.0.zip", version.File);

        var missing = await Assert.ThrowsAsync<WunderUpdatesException>(() => client.GetVersionAsync("demo-pro", "9.9.9", Ct));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Upload_from_a_file_and_from_a_stream_then_delete()
    {
        using var client = NewWunderUpdates(Emulator);
        await client.CreatePluginAsync("it-upload", License.NoLicense, Ct);
        var uploadedBefore = Emulator.Stats.VersionsUploaded;

        using var zip = TestZip.File("it-upload", "3.1.4", paddingBytes: 300_000);
        var reports = new List<long>();
        var fromFile = await client.UploadVersionAsync("it-upload", zip.Path, new SyncProgress(reports.Add), Ct);
        Assert.Equal("Zip archive uploaded successfully.", fromFile.Message);
        Assert.Equal("3.1.4", fromFile.Archive!.Version);
        Assert.Equal(PluginVersionSource.PluginHeader, fromFile.Archive.VersionSource);
        Assert.Equal(new FileInfo(zip.Path).Length, fromFile.Size);
        Assert.True(reports.Count > 1, "progress is reported per chunk");
        Assert.Equal(new FileInfo(zip.Path).Length, reports[^1]);
        Assert.Equal(reports.Order(), reports);

        using var stream = new MemoryStream(TestZip.Bytes("it-upload", "3.2.0-rc.1"));
        var fromStream = await client.UploadVersionAsync("it-upload", stream, progress: null, Ct);
        Assert.Equal("3.2.0-rc.1", fromStream.Archive!.Version);
        Assert.Equal(uploadedBefore + 2, Emulator.Stats.VersionsUploaded);

        Assert.Equal(["3.2.0-rc.1", "3.1.4"], (await client.ListVersionsAsync("it-upload", Ct)).Select(v => v.Version));
        Assert.Equal("it-upload-3.1.4.zip", (await client.GetVersionAsync("it-upload", "3.1.4", Ct)).File);

        // The same version again replaces it.
        await client.UploadVersionAsync("it-upload", zip.Path, cancellationToken: Ct);
        Assert.Equal(2, (await client.ListVersionsAsync("it-upload", Ct)).Count);

        await client.DeleteVersionAsync("it-upload", "3.2.0-rc.1", Ct);
        Assert.Equal(["3.1.4"], (await client.ListVersionsAsync("it-upload", Ct)).Select(v => v.Version));
        await client.DeletePluginAsync("it-upload", Ct);
    }

    [Fact]
    public async Task Invalid_zip_is_refused_before_sending()
    {
        using var client = NewWunderUpdates(Emulator);
        var requests = Emulator.Stats.Requests;
        using var wrongFolder = new MemoryStream(TestZip.Bytes("other-folder", "1.0.0"));
        var ex = await Assert.ThrowsAsync<InvalidPluginArchiveException>(() => client.UploadVersionAsync("demo-free", wrongFolder, cancellationToken: Ct));
        Assert.Equal(InvalidPluginArchiveReason.SlugMismatch, ex.Reason);
        Assert.Equal(requests, Emulator.Stats.Requests);
    }

    [Fact]
    public async Task Account_and_account_licence()
    {
        using var client = NewWunderUpdates(Emulator);
        var details = await client.GetAccountAsync(Ct);
        Assert.Equal(EmulatorKeys.WunderUpdatesDemoAccountPrefix, details.Account.Prefix);
        Assert.Equal(0, details.Account.ActivationUsage);
        Assert.Equal(1, details.Account.ActivationLimit);
        Assert.Empty(details.Products.Themes);
        Assert.Contains(details.Products.Plugins, p => p.GetProperty("slug").GetString() == "demo-pro");

        var licence = await client.GetAccountLicenseAsync(Ct);
        Assert.Equal(10, licence.Limit);
        Assert.Equal(99999999, licence.Expires);

        await client.ActivateAccountLicenseAsync("WU-PLAN-IT-0001", Ct);
    }

    [Fact]
    public async Task Tokens_list_create_and_the_new_token_works_as_a_key()
    {
        using var client = NewWunderUpdates(Emulator);
        Assert.Contains(await client.ListTokensAsync(Ct), t => t.Name == "ci");

        var token = await client.CreateTokenAsync("it-token", 30, Ct);
        Assert.Equal("it-token", token.Name);
        Assert.Equal(30, token.ExpiresInDays);
        Assert.False(string.IsNullOrEmpty(token.Value));
        Assert.DoesNotContain(token.Value!, token.ToString(), StringComparison.Ordinal);

        var listed = Assert.Single(await client.ListTokensAsync(Ct), t => t.Name == "it-token");
        Assert.True(listed.Expires!.ExpiresAt > DateTimeOffset.UtcNow.AddDays(29), $"expires {listed.Expires}");

        using var withToken = NewWunderUpdates(Emulator, token.Value!);
        Assert.Contains(await withToken.ListPluginsAsync(Ct), p => p.Slug == "demo-pro");

        var duplicate = await Assert.ThrowsAsync<WunderUpdatesException>(() => client.CreateTokenAsync("it-token", -1, Ct));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }

    [Fact]
    public async Task Seeded_licence_keys()
    {
        using var client = NewWunderUpdates(Emulator);
        var keys = await client.ListLicenseKeysAsync("demo-pro", Ct);
        Assert.Contains(keys, k => k.Key == EmulatorKeys.DemoLicenseKey && k.Expires is null);
        Assert.Contains(keys, k => k.Key == "DEMO-PRO-EXPIRED-0001" && k.Expires == new DateOnly(2020, 1, 1));

        var key = await client.GetLicenseKeyAsync("demo-pro", EmulatorKeys.DemoLicenseKey, Ct);
        Assert.Equal(EmulatorKeys.DemoLicenseKey, key.Key);
        Assert.Null(key.Expires);

        var notStaticKeys = await Assert.ThrowsAsync<WunderUpdatesException>(() => client.ListLicenseKeysAsync("demo-lemon", Ct));
        Assert.Equal(HttpStatusCode.BadRequest, notStaticKeys.StatusCode);
    }

    [Fact]
    public async Task Licence_keys_replace_add_get_delete()
    {
        using var client = NewWunderUpdates(Emulator);
        await client.CreatePluginAsync("it-keys", License.StaticKeys, Ct);
        var writes = Emulator.Stats.LicenseKeyWrites;

        await client.ReplaceLicenseKeysAsync("it-keys", [new LicenseKey("IT-A"), new LicenseKey("IT-B", new DateOnly(2030, 12, 31))], Ct);
        Assert.Equal(["IT-A", "IT-B"], (await client.ListLicenseKeysAsync("it-keys", Ct)).Select(k => k.Key).Order(StringComparer.Ordinal));

        await client.AddLicenseKeyAsync("it-keys", new LicenseKey("IT-C", new DateOnly(2031, 1, 1)), Ct);
        await client.AddLicenseKeyAsync("it-keys", new LicenseKey("IT-C", new DateOnly(2032, 6, 30)), Ct); // PUT: the same key again → one key, new expiry
        var keys = await client.ListLicenseKeysAsync("it-keys", Ct);
        Assert.Equal(3, keys.Count);
        Assert.Equal(new DateOnly(2032, 6, 30), Assert.Single(keys, k => k.Key == "IT-C").Expires);

        Assert.Equal(new DateOnly(2030, 12, 31), (await client.GetLicenseKeyAsync("it-keys", "IT-B", Ct)).Expires);

        await client.DeleteLicenseKeyAsync("it-keys", "IT-C", Ct);
        Assert.Equal(["IT-A", "IT-B"], (await client.ListLicenseKeysAsync("it-keys", Ct)).Select(k => k.Key).Order(StringComparer.Ordinal));
        var gone = await Assert.ThrowsAsync<WunderUpdatesException>(() => client.GetLicenseKeyAsync("it-keys", "IT-C", Ct));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        await client.ReplaceLicenseKeysAsync("it-keys", [], Ct);
        Assert.Empty(await client.ListLicenseKeysAsync("it-keys", Ct));
        Assert.True(Emulator.Stats.LicenseKeyWrites >= writes + 5);
        await client.DeletePluginAsync("it-keys", Ct);
    }

    [Fact]
    public async Task Public_update_check_by_channel_and_licence_key()
    {
        using var client = NewWunderUpdates(Emulator);
        const string prefix = EmulatorKeys.WunderUpdatesDemoAccountPrefix;

        var stable = await client.CheckForUpdateAsync(prefix, "demo-pro", licenseKey: EmulatorKeys.DemoLicenseKey, cancellationToken: Ct);
        Assert.Equal("1.1.0", stable.Version);
        Assert.True(stable.License!.Valid);
        Assert.NotNull(stable.DownloadLink);
        Assert.False(string.IsNullOrEmpty(stable.PluginName));
        Assert.NotNull(stable.Sections);

        Assert.Equal("1.1.0", (await client.CheckForUpdateAsync(prefix, "demo-pro", ReleaseChannel.Stable, EmulatorKeys.DemoLicenseKey, Ct)).Version);
        Assert.Equal("1.1.0", (await client.CheckForUpdateAsync(prefix, "demo-pro", ReleaseChannel.Rc, EmulatorKeys.DemoLicenseKey, Ct)).Version);
        Assert.Equal("2.0.0-beta.1", (await client.CheckForUpdateAsync(prefix, "demo-pro", ReleaseChannel.Beta, EmulatorKeys.DemoLicenseKey, Ct)).Version);
        Assert.Equal("2.0.0-beta.1", (await client.CheckForUpdateAsync(prefix, "demo-pro", ReleaseChannel.Alpha, EmulatorKeys.DemoLicenseKey, Ct)).Version);

        var expired = await client.CheckForUpdateAsync(prefix, "demo-pro", ReleaseChannel.Stable, "DEMO-PRO-EXPIRED-0001", Ct);
        Assert.False(expired.License!.Valid);
        Assert.Null(expired.DownloadLink);
        var noKey = await client.CheckForUpdateAsync(prefix, "demo-pro", cancellationToken: Ct);
        Assert.False(noKey.License!.Valid);
        Assert.Null(noKey.DownloadLink);

        var free = await client.CheckForUpdateAsync(prefix, "demo-free", ReleaseChannel.Rc, cancellationToken: Ct);
        Assert.Equal("1.0.1-rc.1", free.Version);
        Assert.True(free.License!.Valid);
        Assert.NotNull(free.DownloadLink);

        var lemon = await client.CheckForUpdateAsync(prefix, "demo-lemon", licenseKey: EmulatorKeys.DemoLemonSqueezyLicenseKey, cancellationToken: Ct);
        Assert.Equal("0.9.0", lemon.Version);
        Assert.True(lemon.License!.Valid);

        // The download link serves the release ZIP.
        using var http = new HttpClient();
        var bytes = await http.GetByteArrayAsync(stable.DownloadLink, Ct);
        using var zip = new MemoryStream(bytes);
        Assert.Equal("1.1.0", PluginArchive.Inspect(zip).Version);

        var unknown = await Assert.ThrowsAsync<WunderUpdatesException>(() =>
            client.CheckForUpdateAsync(prefix, "no-such-plugin", ReleaseChannel.Beta, "SECRET-CUSTOMER-KEY", Ct));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain("SECRET-CUSTOMER-KEY", unknown.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raw_get_reads_any_path()
    {
        using var client = NewWunderUpdates(Emulator);
        using var document = await client.SendRawAsync(HttpMethod.Get, "plugins/demo-pro", Ct);
        Assert.Equal(200, document!.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("demo-pro", document.RootElement.GetProperty("plugin").GetProperty("slug").GetString());
    }

    /// <summary>Unlike <see cref="Progress{T}"/>, reports on the calling thread, so all reports are in when the call returns.</summary>
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
