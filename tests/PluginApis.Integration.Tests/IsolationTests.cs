using PluginTests.Client;
using WunderUpdates.Client;
using static PluginApis.Integration.Tests.Clients;

namespace PluginApis.Integration.Tests;

/// <summary>The other user's key neither sees nor changes the demo user's data; the answer is 404, never 403.</summary>
public sealed class IsolationTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private EmulatorHost Emulator => fixture.Emulator;

    [Fact]
    public async Task PluginTests_other_key_cannot_see_or_delete_demo_plugins()
    {
        using var demo = NewPluginTests(Emulator);
        using var other = NewPluginTests(Emulator, EmulatorKeys.PluginTestsOther);

        Assert.DoesNotContain(await other.ListUserPluginsAsync(Ct), p => p.Directory == "demo");
        Assert.Contains(await other.ListUserPluginsAsync(Ct), p => p.Slug == "other-secret-plugin");
        await ExpectPluginNotFound(() => other.GetPluginAsync("demo", "demo-private-plugin", Ct));
        await ExpectPluginNotFound(() => other.ListReportsAsync("demo", "demo-private-plugin", Ct));
        await ExpectPluginNotFound(() => other.ListEntitiesAsync("demo", "demo-private-plugin", EntityCollection.Options, Ct));
        await ExpectPluginNotFound(() => other.DeletePluginAsync("demo", "demo-private-plugin", Ct));
        await ExpectPluginNotFound(() => other.EnqueueTestAsync(new EnqueueTestRequest("demo", "demo-private-plugin"), Ct));
        await ExpectPluginNotFound(() => demo.GetPluginAsync("other", "other-secret-plugin", Ct));

        Assert.Equal("demo-private-plugin", (await demo.GetPluginAsync("demo", "demo-private-plugin", Ct)).Slug);
        Assert.Contains(await demo.ListUserPluginsAsync(Ct), p => p.Slug == "demo-private-plugin");
    }

    [Fact]
    public async Task PluginTests_other_key_cannot_see_or_delete_demo_webhooks_and_jobs()
    {
        using var demo = NewPluginTests(Emulator);
        using var other = NewPluginTests(Emulator, EmulatorKeys.PluginTestsOther);
        var hook = await demo.CreateWebhookAsync(new Uri("https://example.com/it/isolated"), WebhookEventType.TestFinished, Ct);

        var otherHooks = await other.ListWebhooksAsync(Ct);
        Assert.Contains(otherHooks, w => w.Id == "wh_other0001");
        Assert.DoesNotContain(otherHooks, w => w.Id == "wh_demo0001" || w.Id == hook.Id);
        foreach (var id in new[] { "wh_demo0001", hook.Id! })
        {
            var get = await Assert.ThrowsAsync<PluginTestsException>(() => other.GetWebhookAsync(id, Ct));
            Assert.Equal((HttpStatusCode.NotFound, PluginTestsErrorCode.WebhookNotFound), (get.StatusCode, get.Code));
            var delete = await Assert.ThrowsAsync<PluginTestsException>(() => other.DeleteWebhookAsync(id, Ct));
            Assert.Equal((HttpStatusCode.NotFound, PluginTestsErrorCode.WebhookNotFound), (delete.StatusCode, delete.Code));
        }

        Assert.Equal(hook.Url, (await demo.GetWebhookAsync(hook.Id!, Ct)).Url);
        Assert.Contains(await demo.ListWebhooksAsync(Ct), w => w.Id == "wh_demo0001");
        await demo.DeleteWebhookAsync(hook.Id!, Ct);

        // The other key may not read the queue at all (like most real keys); the demo key sees only its own jobs.
        var queue = await Assert.ThrowsAsync<PluginTestsException>(() => other.ListQueueAsync(Ct));
        Assert.Equal((HttpStatusCode.Forbidden, PluginTestsErrorCode.Forbidden), (queue.StatusCode, queue.Code));
        Assert.DoesNotContain(await demo.ListQueueAsync(Ct), j => j.Id == "job_other0001");
    }

    [Fact]
    public async Task WunderUpdates_other_key_cannot_see_or_change_demo_plugins_versions_and_keys()
    {
        using var demo = NewWunderUpdates(Emulator);
        using var other = NewWunderUpdates(Emulator, EmulatorKeys.WunderUpdatesOther);

        var otherPlugins = await other.ListPluginsAsync(Ct);
        Assert.Equal(["other-secret"], otherPlugins.Select(p => p.Slug));
        Assert.DoesNotContain(await demo.ListPluginsAsync(Ct), p => p.Slug == "other-secret");
        Assert.Equal(EmulatorKeys.WunderUpdatesOtherAccountPrefix, (await other.GetAccountAsync(Ct)).Account.Prefix);

        await ExpectNotFound(() => other.GetPluginAsync("demo-pro", Ct));
        await ExpectNotFound(() => other.UpdateLicenseAsync("demo-pro", License.NoLicense, Ct));
        await ExpectNotFound(() => other.DeletePluginAsync("demo-pro", Ct));
        await ExpectNotFound(() => other.ListVersionsAsync("demo-pro", Ct));
        await ExpectNotFound(() => other.GetVersionAsync("demo-pro", "1.0.0", Ct));
        await ExpectNotFound(() => other.DeleteVersionAsync("demo-pro", "1.0.0", Ct));
        await ExpectNotFound(() => other.ListLicenseKeysAsync("demo-pro", Ct));
        await ExpectNotFound(() => other.GetLicenseKeyAsync("demo-pro", EmulatorKeys.DemoLicenseKey, Ct));
        await ExpectNotFound(() => other.DeleteLicenseKeyAsync("demo-pro", EmulatorKeys.DemoLicenseKey, Ct));
        await ExpectNotFound(() => other.AddLicenseKeyAsync("demo-pro", new LicenseKey("OTHER-WAS-HERE"), Ct));
        await ExpectNotFound(() => other.ReplaceLicenseKeysAsync("demo-pro", [], Ct));
        await ExpectNotFound(() => demo.GetPluginAsync("other-secret", Ct));

        var pro = await demo.GetPluginAsync("demo-pro", Ct);
        Assert.Equal(LicenseType.StaticKeys, pro.License!.Type);
        Assert.Equal(3, (await demo.ListVersionsAsync("demo-pro", Ct)).Count);
        var keys = await demo.ListLicenseKeysAsync("demo-pro", Ct);
        Assert.Contains(keys, k => k.Key == EmulatorKeys.DemoLicenseKey);
        Assert.DoesNotContain(keys, k => k.Key == "OTHER-WAS-HERE");
    }

    [Fact]
    public async Task WunderUpdates_same_slug_in_two_accounts_stays_apart()
    {
        // Its own emulator: this test creates data the other tests of the class would see.
        await using var emulator = await EmulatorHost.StartAsync(cancellationToken: Ct);
        using var demo = NewWunderUpdates(emulator);
        using var other = NewWunderUpdates(emulator, EmulatorKeys.WunderUpdatesOther);

        await other.CreatePluginAsync("demo-pro", License.NoLicense, Ct);
        using (var stream = new MemoryStream(TestZip.Bytes("demo-pro", "7.0.0")))
        {
            await other.UploadVersionAsync("demo-pro", stream, cancellationToken: Ct);
        }

        Assert.Equal(["7.0.0"], (await other.ListVersionsAsync("demo-pro", Ct)).Select(v => v.Version));
        Assert.Equal(["2.0.0-beta.1", "1.1.0", "1.0.0"], (await demo.ListVersionsAsync("demo-pro", Ct)).Select(v => v.Version));
        Assert.Equal(LicenseType.StaticKeys, (await demo.GetPluginAsync("demo-pro", Ct)).License!.Type);
        Assert.Equal("7.0.0", (await other.CheckForUpdateAsync(EmulatorKeys.WunderUpdatesOtherAccountPrefix, "demo-pro", cancellationToken: Ct)).Version);
        Assert.Equal("1.1.0", (await demo.CheckForUpdateAsync(EmulatorKeys.WunderUpdatesDemoAccountPrefix, "demo-pro", cancellationToken: Ct)).Version);

        await other.DeletePluginAsync("demo-pro", Ct);
        Assert.Equal(3, (await demo.ListVersionsAsync("demo-pro", Ct)).Count);
    }

    private static async Task ExpectPluginNotFound(Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<PluginTestsException>(call);
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal(PluginTestsErrorCode.PluginNotFound, ex.Code);
    }

    private static async Task ExpectNotFound(Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<WunderUpdatesException>(call);
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
    }
}
