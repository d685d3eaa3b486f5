using System.Net;
using System.Text.Json;

namespace PluginApis.Emulator.Tests;

public sealed class PluginTestsShapeTests
{
    [Fact]
    public async Task Root_lists_resources_and_the_keys_permissions()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        foreach (var path in new[] { "api/v1", "api/v1/" })
        {
            using var response = await http.GetAsync($"{path}?apiKey={EmulatorKeys.PluginTestsDemo}", T.Ct);
            var json = await response.ExpectJson(HttpStatusCode.OK);
            Assert.Contains("/plugins/{directory}/{slug}", json.GetProperty("resources").EnumerateArray().Select(e => e.GetString()));
            Assert.Contains("queue:read", json.GetProperty("permissions").EnumerateArray().Select(e => e.GetString()));
        }

        using var other = await http.PtGet("", EmulatorKeys.PluginTestsOther);
        Assert.DoesNotContain("queue:read", (await other.ExpectJson(HttpStatusCode.OK)).GetProperty("permissions").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Plugin_reports_report_tables_and_options_shapes()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);

        using var plugin = await http.PtGet("plugins/wporg/akismet");
        var p = await plugin.ExpectJson(HttpStatusCode.OK);
        Assert.Equal("wporg", p.GetProperty("directory").GetString());
        Assert.Equal("akismet", p.GetProperty("slug").GetString());
        Assert.Equal("Akismet Anti-spam", p.GetProperty("name").GetString());
        Assert.Equal("5.3.1", p.GetProperty("version").GetString());
        Assert.Equal(6_000_000, p.GetProperty("activeInstalls").GetInt64());
        Assert.Equal("https://plugintests.com/plugins/wporg/akismet/latest", p.GetProperty("url").GetString());
        Assert.Equal("5-3-1-2026-11-01", p.GetProperty("latestReport").GetString());
        Assert.Equal("2026-11-01T10:00:00Z", p.GetProperty("testedAt").GetString());

        using var untested = await http.PtGet("plugins/wporg/hello-dolly");
        var u = await untested.ExpectJson(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, u.GetProperty("latestReport").ValueKind);
        Assert.Equal(JsonValueKind.Null, u.GetProperty("testedAt").ValueKind);

        using var reports = await http.PtGet("plugins/wporg/akismet/reports");
        var list = (await reports.ExpectJson(HttpStatusCode.OK)).GetProperty("reports");
        Assert.Equal(["5-3-1-2026-11-01", "5-3-2026-10-01"], list.Strings("slug"));

        using var report = await http.PtGet("plugins/wporg/akismet/reports/5-3-2026-10-01");
        var r = await report.ExpectJson(HttpStatusCode.OK);
        Assert.Equal("failed", r.GetProperty("status").GetString());
        Assert.Equal("5.3", r.GetProperty("pluginVersion").GetString());
        Assert.Equal("6.8", r.GetProperty("wordpressVersion").GetString());
        Assert.Equal("8.3", r.GetProperty("phpVersion").GetString());
        var error = r.GetProperty("errors")[0];
        Assert.Equal("php_warning", error.GetProperty("type").GetString());
        Assert.Equal(1253, error.GetProperty("line").GetInt32());
        Assert.Equal("https://plugintests.com/plugins/wporg/akismet/reports/5-3-2026-10-01", r.GetProperty("url").GetString());

        using var missingReport = await http.PtGet("plugins/wporg/akismet/reports/nope");
        await missingReport.ExpectPtError(HttpStatusCode.NotFound, "report_not_found");

        using var tables = await http.PtGet("plugins/wporg/wordpress-seo/tables");
        var t = (await tables.ExpectJson(HttpStatusCode.OK)).GetProperty("tables");
        Assert.Contains("wp_yoast_indexable", t.Strings("name"));
        Assert.True(t[0].GetProperty("columns").GetArrayLength() > 0);

        using var options = await http.PtGet("plugins/wporg/akismet/options");
        var o = (await options.ExpectJson(HttpStatusCode.OK)).GetProperty("options");
        Assert.Equal("akismet_key", o[0].GetProperty("name").GetString());
        Assert.True(o[0].GetProperty("autoload").GetBoolean());

        using var badCollection = await http.PtGet("plugins/wporg/akismet/comments");
        Assert.Equal(HttpStatusCode.NotFound, badCollection.StatusCode);

        using var missing = await http.PtGet("plugins/wporg/no-such-plugin");
        await missing.ExpectPtError(HttpStatusCode.NotFound, "plugin_not_found");
    }

    [Fact]
    public async Task User_and_user_plugins()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        using var user = await http.PtGet("user");
        var u = await user.ExpectJson(HttpStatusCode.OK);
        Assert.Equal("Demo User", u.GetProperty("name").GetString());
        Assert.Equal("demo@example.com", u.GetProperty("email").GetString());
        Assert.Equal(EmulatorKeys.PluginTestsDemoDirectory, u.GetProperty("directory").GetString());

        using var own = await http.PtGet("plugins/demo/demo-private-plugin");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Delete_plugin_own_is_204_wporg_is_403()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        using (var wporg = await http.PtDelete("plugins/wporg/akismet"))
        {
            await wporg.ExpectPtError(HttpStatusCode.Forbidden, "forbidden");
        }

        using (var own = await http.PtDelete("plugins/demo/demo-private-plugin"))
        {
            Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
            Assert.Empty(await own.Content.ReadAsByteArrayAsync(T.Ct));
        }

        using var gone = await http.PtGet("plugins/demo/demo-private-plugin");
        await gone.ExpectPtError(HttpStatusCode.NotFound, "plugin_not_found");
        Assert.Equal(1, emu.Stats.PluginTestsPluginsDeleted);
    }

    [Fact]
    public async Task Webhooks_create_get_list_delete()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        using var created = await http.PtPost("user/webhooks", """{"url":"https://ci.example.com/hook","eventType":"first_test_finished"}""");
        var hook = await created.ExpectJson(HttpStatusCode.Created);
        var id = hook.GetProperty("id").GetString()!;
        Assert.StartsWith("wh_", id, StringComparison.Ordinal);
        Assert.Equal("https://ci.example.com/hook", hook.GetProperty("url").GetString());
        Assert.Equal("first_test_finished", hook.GetProperty("eventType").GetString());
        Assert.True(DateTimeOffset.TryParse(hook.GetProperty("createdAt").GetString(), out _));

        using (var all = await http.PtPost("user/webhooks", """{"url":"https://ci.example.com/hook"}"""))
        {
            Assert.Equal(JsonValueKind.Null, (await all.ExpectJson(HttpStatusCode.Created)).GetProperty("eventType").ValueKind);
        }

        using (var get = await http.PtGet($"user/webhooks/{id}"))
        {
            Assert.Equal(id, (await get.ExpectJson(HttpStatusCode.OK)).GetProperty("id").GetString());
        }

        using (var list = await http.PtGet("user/webhooks"))
        {
            Assert.Contains(id, (await list.ExpectJson(HttpStatusCode.OK)).GetProperty("webhooks").Strings("id"));
        }

        using (var delete = await http.PtDelete($"user/webhooks/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        using var again = await http.PtDelete($"user/webhooks/{id}");
        await again.ExpectPtError(HttpStatusCode.NotFound, "webhook_not_found");
        Assert.Equal(2, emu.Stats.WebhooksCreated);
        Assert.Equal(1, emu.Stats.WebhooksDeleted);
    }

    [Theory]
    [InlineData("""{"url":"ftp://example.com/hook"}""")]
    [InlineData("""{"url":"/relative"}""")]
    [InlineData("""{"eventType":"test_finished"}""")]
    [InlineData("""{"url":"https://example.com/hook","eventType":"everything"}""")]
    [InlineData("""not json""")]
    [InlineData("")]
    public async Task Invalid_webhook_bodies_are_validation_errors(string body)
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        using var response = await http.PtPost("user/webhooks", body);
        await response.ExpectPtError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Equal(0, emu.Stats.WebhooksCreated);
    }

    [Fact]
    public async Task Test_queue_enqueue_and_list()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        using var created = await http.PtPost("test-queue",
            """{"directory":"demo","slug":"new-plugin","priority":500,"packageSource":"direct","downloadUrl":"https://ci.example.com/new-plugin.zip"}""");
        var job = await created.ExpectJson(HttpStatusCode.Created);
        Assert.StartsWith("job_", job.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal(500, job.GetProperty("priority").GetInt32());
        Assert.Equal("direct", job.GetProperty("packageSource").GetString());
        Assert.Equal("https://ci.example.com/new-plugin.zip", job.GetProperty("downloadUrl").GetString());
        Assert.Equal("queued", job.GetProperty("status").GetString());

        using (var defaults = await http.PtPost("test-queue", """{"directory":"wporg","slug":"akismet"}"""))
        {
            var d = await defaults.ExpectJson(HttpStatusCode.Created);
            Assert.Equal(100, d.GetProperty("priority").GetInt32());
            Assert.Equal("stable", d.GetProperty("packageSource").GetString());
            Assert.Equal(JsonValueKind.Null, d.GetProperty("downloadUrl").ValueKind);
        }

        using (var queue = await http.PtGet("test-queue"))
        {
            var jobs = (await queue.ExpectJson(HttpStatusCode.OK)).GetProperty("jobs");
            Assert.Equal(3, jobs.GetArrayLength());
            Assert.Equal(500, jobs[0].GetProperty("priority").GetInt32()); // larger = sooner
        }

        // A direct enqueue into the user's own directory creates the plugin.
        using (var mine = await http.PtGet("user/plugins"))
        {
            Assert.Contains("new-plugin", (await mine.ExpectJson(HttpStatusCode.OK)).GetProperty("plugins").Strings("slug"));
        }

        using var forbidden = await http.PtGet("test-queue", EmulatorKeys.PluginTestsOther);
        await forbidden.ExpectPtError(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(2, emu.Stats.TestQueueJobsCreated);
    }

    [Theory]
    [InlineData("""{"directory":"wporg","slug":"akismet","priority":0}""")]
    [InlineData("""{"directory":"wporg","slug":"akismet","priority":501}""")]
    [InlineData("""{"directory":"wporg","slug":"akismet","priority":"high"}""")]
    [InlineData("""{"directory":"wporg","slug":"akismet","packageSource":"direct"}""")]
    [InlineData("""{"directory":"wporg","slug":"akismet","packageSource":"direct","downloadUrl":"file:///etc/passwd"}""")]
    [InlineData("""{"directory":"wporg","slug":"akismet","packageSource":"svn"}""")]
    [InlineData("""{"directory":"wporg","slug":"akismet","downloadUrl":"https://x.example/a.zip"}""")]
    [InlineData("""{"directory":"wporg"}""")]
    [InlineData("""{"slug":"akismet"}""")]
    [InlineData("""{"directory":"wporg","slug":"Bad Slug"}""")]
    public async Task Invalid_enqueue_bodies_are_validation_errors(string body)
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        using var response = await http.PtPost("test-queue", body);
        await response.ExpectPtError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Equal(0, emu.Stats.TestQueueJobsCreated);
    }

    [Fact]
    public async Task Unknown_route_and_wrong_method_get_the_error_body()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        using var route = await http.PtGet("no/such/thing");
        await route.ExpectPtError(HttpStatusCode.NotFound, "not_found");
        using var method = await http.PutAsync(T.Pt("user"), new StringContent("{}"), T.Ct);
        await method.ExpectPtError(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        using var wu = await http.WuGet("no/such/thing");
        await wu.ExpectWuError(HttpStatusCode.NotFound);
    }
}
