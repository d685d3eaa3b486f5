using System.Net;

namespace PluginApis.Emulator.Tests;

public sealed class IsolationTests
{
    [Fact]
    public async Task PluginTests_other_users_plugin_is_invisible_and_undeletable()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        const string other = "plugins/other/other-secret-plugin";

        foreach (var path in new[] { other, other + "/reports", other + "/reports/0-9-0-2026-10-20", other + "/tables", other + "/options" })
        {
            using var response = await http.PtGet(path);
            await response.ExpectPtError(HttpStatusCode.NotFound, "plugin_not_found");
        }

        using (var delete = await http.PtDelete(other))
        {
            await delete.ExpectPtError(HttpStatusCode.NotFound, "plugin_not_found");
        }

        using (var mine = await http.PtGet("user/plugins"))
        {
            var slugs = (await mine.ExpectJson(HttpStatusCode.OK)).GetProperty("plugins").Strings("slug");
            Assert.Equal(["demo-private-plugin"], slugs);
        }

        // The owner still sees it.
        using var owner = await http.PtGet(other, EmulatorKeys.PluginTestsOther);
        Assert.Equal("other-secret-plugin", (await owner.ExpectJson(HttpStatusCode.OK)).GetProperty("slug").GetString());
        Assert.Equal(0, emu.Stats.PluginTestsPluginsDeleted);
    }

    [Fact]
    public async Task PluginTests_other_users_webhooks_and_jobs_are_invisible_and_undeletable()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);

        using (var get = await http.PtGet("user/webhooks/wh_other0001"))
        {
            await get.ExpectPtError(HttpStatusCode.NotFound, "webhook_not_found");
        }

        using (var delete = await http.PtDelete("user/webhooks/wh_other0001"))
        {
            await delete.ExpectPtError(HttpStatusCode.NotFound, "webhook_not_found");
        }

        using (var list = await http.PtGet("user/webhooks"))
        {
            Assert.Equal(["wh_demo0001"], (await list.ExpectJson(HttpStatusCode.OK)).GetProperty("webhooks").Strings("id"));
        }

        using (var queue = await http.PtGet("test-queue"))
        {
            Assert.Equal(["job_demo0001"], (await queue.ExpectJson(HttpStatusCode.OK)).GetProperty("jobs").Strings("id"));
        }

        using (var enqueue = await http.PtPost("test-queue",
                   """{"directory":"other","slug":"other-secret-plugin","packageSource":"direct","downloadUrl":"https://x.example/a.zip"}"""))
        {
            await enqueue.ExpectPtError(HttpStatusCode.NotFound, "plugin_not_found");
        }

        using var owner = await http.PtGet("user/webhooks/wh_other0001", EmulatorKeys.PluginTestsOther);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        Assert.Equal(0, emu.Stats.WebhooksDeleted);
        Assert.Equal(0, emu.Stats.TestQueueJobsCreated);
    }

    [Fact]
    public async Task WunderUpdates_other_accounts_plugin_versions_and_keys_are_invisible_and_undeletable()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);

        foreach (var path in new[]
                 {
                     "plugins/other-secret", "plugins/other-secret/versions", "plugins/other-secret/versions/3.0.0",
                     "plugins/other-secret/license/keys", "plugins/other-secret/license/keys/OTHER-SECRET-KEY-0001",
                 })
        {
            using var get = await http.WuGet(path);
            await get.ExpectWuError(HttpStatusCode.NotFound);
            using var delete = await http.Wu(HttpMethod.Delete, path);
            Assert.True(delete.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, path);
        }

        using (var upload = await http.WuUpload("other-secret", T.PluginZip("other-secret", "9.0.0")))
        {
            await upload.ExpectWuError(HttpStatusCode.NotFound);
        }

        using (var list = await http.WuGet("plugins"))
        {
            var slugs = (await list.ExpectJson(HttpStatusCode.OK)).GetProperty("plugins").Strings("slug");
            Assert.DoesNotContain("other-secret", slugs);
        }

        // Slugs are per account: the demo account may create its own "other-secret".
        using (var create = await http.WuJson(HttpMethod.Post, "plugins", """{"slug":"other-secret","license":{"type":"no-license"}}"""))
        {
            Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        }

        // The owner's plugin is untouched.
        using var owner = await http.WuGet("plugins/other-secret", EmulatorKeys.WunderUpdatesOther);
        var plugin = (await owner.ExpectJson(HttpStatusCode.OK)).GetProperty("plugin");
        Assert.Equal("static-keys", plugin.GetProperty("license").GetProperty("type").GetString());
        Assert.Equal(["3.0.0"], plugin.GetProperty("versions").Strings("version"));
        using var keys = await http.WuGet("plugins/other-secret/license/keys", EmulatorKeys.WunderUpdatesOther);
        Assert.Equal(["OTHER-SECRET-KEY-0001"], (await keys.ExpectJson(HttpStatusCode.OK)).GetProperty("keys").Strings("key"));
        Assert.Equal(0, emu.Stats.PluginsDeleted);
        Assert.Equal(0, emu.Stats.VersionsDeleted);
        Assert.Equal(0, emu.Stats.LicenseKeyWrites);
    }

    [Fact]
    public async Task Instances_do_not_share_state()
    {
        await using var first = await T.StartAsync();
        await using var second = await T.StartAsync();
        using var a = T.Client(first);
        using var b = T.Client(second);
        using (await a.Wu(HttpMethod.Delete, "plugins/demo-pro"))
        {
        }

        using var stillThere = await b.WuGet("plugins/demo-pro");
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        Assert.NotEqual(first.BaseAddress, second.BaseAddress);
    }
}
