using System.Text.Json;
using PluginTests.Client;
using static PluginApis.Integration.Tests.Clients;

namespace PluginApis.Integration.Tests;

/// <summary>Every PluginTests endpoint through <see cref="PluginTestsClient"/>, against the emulator over loopback.</summary>
public sealed class PluginTestsEndpointTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private EmulatorHost Emulator => fixture.Emulator;

    [Fact]
    public async Task Root_lists_resources_and_the_keys_permissions()
    {
        using var client = NewPluginTests(Emulator);
        var root = await client.GetRootAsync(Ct);
        Assert.Contains("/plugins/{directory}/{slug}", root.Resources);
        string[] all = ["plugins:read", "plugins:delete", "webhooks:write", "queue:read", "queue:write"];
        Assert.Equal(all.Order(StringComparer.Ordinal), root.Permissions.Order(StringComparer.Ordinal));
        Assert.NotNull(client.LastRateLimit);
        Assert.Equal(100_000, client.LastRateLimit!.Limit);
    }

    [Fact]
    public async Task Plugin_has_the_documented_fields()
    {
        using var client = NewPluginTests(Emulator);
        var plugin = await client.GetPluginAsync("wporg", "akismet", Ct);
        Assert.Equal("wporg", plugin.Directory);
        Assert.Equal("akismet", plugin.Slug);
        Assert.Equal("Akismet Anti-spam", plugin.Name);
        Assert.Equal("5.3.1", plugin.Version);
        Assert.Equal(6_000_000, plugin.ActiveInstalls);
        Assert.Equal("5-3-1-2026-11-01", plugin.LatestReport);
        Assert.Equal(new Uri("https://plugintests.com/plugins/wporg/akismet/latest"), plugin.Url);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero), plugin.TestedAt);

        var untested = await client.GetPluginAsync("wporg", "hello-dolly", Ct);
        Assert.Null(untested.LatestReport);
        Assert.Null(untested.TestedAt);
    }

    [Fact]
    public async Task Reports_newest_first_and_one_report_with_its_errors()
    {
        using var client = NewPluginTests(Emulator);
        var reports = await client.ListReportsAsync("wporg", "akismet", Ct);
        Assert.Equal(["5-3-1-2026-11-01", "5-3-2026-10-01"], reports.Select(r => r.Slug));
        Assert.True(reports[0].Passed);
        Assert.False(reports[1].Passed);

        var report = await client.GetReportAsync("wporg", "akismet", "5-3-2026-10-01", Ct);
        Assert.Equal("5.3", report.PluginVersion);
        Assert.Equal("failed", report.Status);
        Assert.Equal("6.8", report.WordPressVersion);
        Assert.Equal("8.3", report.PhpVersion);
        var error = Assert.Single(report.Errors);
        Assert.Equal("php_warning", error.Type);
        Assert.Equal(1253, error.Line);
        Assert.EndsWith("class.akismet.php", error.File, StringComparison.Ordinal);
        Assert.Contains("akismet_comment_nonce", error.Message, StringComparison.Ordinal);

        var missing = await Assert.ThrowsAsync<PluginTestsException>(() => client.GetReportAsync("wporg", "akismet", "no-such-report", Ct));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(PluginTestsErrorCode.ReportNotFound, missing.Code);
    }

    [Fact]
    public async Task Tables_and_options_of_a_plugin()
    {
        using var client = NewPluginTests(Emulator);
        var tables = await client.ListEntitiesAsync("wporg", "akismet", EntityCollection.Tables, Ct);
        var table = Assert.Single(tables);
        Assert.Equal("wp_akismet_log", table.Name);
        Assert.Equal(["id", "comment_id", "event", "created_at"], table.AdditionalData!["columns"].EnumerateArray().Select(c => c.GetString()));

        var options = await client.ListEntitiesAsync("wporg", "akismet", EntityCollection.Options, Ct);
        Assert.Equal(["akismet_key", "akismet_spam_count", "akismet_strictness"], options.Select(o => o.Name));
        Assert.True(options[0].AdditionalData!["autoload"].GetBoolean());
        Assert.False(options[2].AdditionalData!["autoload"].GetBoolean());

        Assert.Equal(5, (await client.ListEntitiesAsync("wporg", "wordpress-seo", EntityCollection.Tables, Ct)).Count);
        Assert.Empty(await client.ListEntitiesAsync("wporg", "contact-form-7", EntityCollection.Tables, Ct));
    }

    [Fact]
    public async Task Unknown_plugin_is_a_typed_PluginNotFound()
    {
        using var client = NewPluginTests(Emulator);
        var ex = await Assert.ThrowsAsync<PluginTestsException>(() => client.GetPluginAsync("wporg", "no-such-plugin", Ct));
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal(PluginTestsErrorCode.PluginNotFound, ex.Code);
        Assert.Equal("plugin_not_found", ex.ErrorCode);
        Assert.Equal("Plugin not found.", ex.ServerMessage);
        Assert.Contains("plugin_not_found", ex.ResponseBody, StringComparison.Ordinal);
        Assert.NotNull(ex.RateLimit);
        // The key travels in the query string; it must not leak into the exception.
        Assert.DoesNotContain(EmulatorKeys.PluginTestsDemo, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(EmulatorKeys.PluginTestsDemo, ex.RequestUri?.ToString() ?? string.Empty, StringComparison.Ordinal);

        var reports = await Assert.ThrowsAsync<PluginTestsException>(() => client.ListReportsAsync("wporg", "no-such-plugin", Ct));
        Assert.Equal(PluginTestsErrorCode.PluginNotFound, reports.Code);
        var tables = await Assert.ThrowsAsync<PluginTestsException>(() => client.ListEntitiesAsync("wporg", "no-such-plugin", EntityCollection.Tables, Ct));
        Assert.Equal(PluginTestsErrorCode.PluginNotFound, tables.Code);
    }

    [Fact]
    public async Task Deleting_a_WordPress_org_plugin_is_forbidden()
    {
        using var client = NewPluginTests(Emulator);
        var ex = await Assert.ThrowsAsync<PluginTestsException>(() => client.DeletePluginAsync("wporg", "akismet", Ct));
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal(PluginTestsErrorCode.Forbidden, ex.Code);
        Assert.Equal("akismet", (await client.GetPluginAsync("wporg", "akismet", Ct)).Slug);
    }

    [Fact]
    public async Task Own_plugin_created_by_a_direct_test_can_be_deleted()
    {
        using var client = NewPluginTests(Emulator);
        var deletedBefore = Emulator.Stats.PluginTestsPluginsDeleted;
        var job = await client.EnqueueTestAsync(new EnqueueTestRequest("demo", "it-delete-me")
        {
            PackageSource = PackageSource.Direct,
            DownloadUrl = new Uri("https://example.com/it-delete-me.zip"),
        }, Ct);
        Assert.Equal("direct", job.PackageSource);
        Assert.Equal(new Uri("https://example.com/it-delete-me.zip"), job.DownloadUrl);
        Assert.Contains(await client.ListUserPluginsAsync(Ct), p => p.Slug == "it-delete-me");

        await client.DeletePluginAsync("demo", "it-delete-me", Ct);

        Assert.Equal(deletedBefore + 1, Emulator.Stats.PluginTestsPluginsDeleted);
        Assert.DoesNotContain(await client.ListUserPluginsAsync(Ct), p => p.Slug == "it-delete-me");
        var ex = await Assert.ThrowsAsync<PluginTestsException>(() => client.GetPluginAsync("demo", "it-delete-me", Ct));
        Assert.Equal(PluginTestsErrorCode.PluginNotFound, ex.Code);
    }

    [Fact]
    public async Task User_and_user_plugins()
    {
        using var client = NewPluginTests(Emulator);
        var user = await client.GetCurrentUserAsync(Ct);
        Assert.Equal("user_demo", user.Id);
        Assert.Equal("Demo User", user.Name);
        Assert.Equal("demo@example.com", user.Email);
        Assert.Equal("demo", user.Directory);

        var plugins = await client.ListUserPluginsAsync(Ct);
        var own = Assert.Single(plugins, p => p.Slug == "demo-private-plugin");
        Assert.Equal("demo", own.Directory);
        Assert.All(plugins, p => Assert.Equal("demo", p.Directory));
        Assert.Equal("demo-private-plugin", (await client.GetPluginAsync("demo", "demo-private-plugin", Ct)).Slug);
    }

    [Fact]
    public async Task Webhooks_list_create_get_delete()
    {
        using var client = NewPluginTests(Emulator);
        Assert.Contains(await client.ListWebhooksAsync(Ct), w => w.Id == "wh_demo0001" && w.EventType == "test_finished");

        var created = await client.CreateWebhookAsync(new Uri("https://example.com/it/first"), WebhookEventType.FirstTestFinished, Ct);
        Assert.StartsWith("wh_", created.Id, StringComparison.Ordinal);
        Assert.Equal(new Uri("https://example.com/it/first"), created.Url);
        Assert.Equal("first_test_finished", created.EventType);
        Assert.NotNull(created.CreatedAt);

        var all = await client.CreateWebhookAsync(new Uri("https://example.com/it/first"), eventType: null, Ct);
        Assert.Null(all.EventType);
        Assert.NotEqual(created.Id, all.Id);

        var fetched = await client.GetWebhookAsync(created.Id!, Ct);
        Assert.Equal(created.Url, fetched.Url);
        Assert.Equal(created.EventType, fetched.EventType);
        Assert.Contains(await client.ListWebhooksAsync(Ct), w => w.Id == created.Id);

        await client.DeleteWebhookAsync(created.Id!, Ct);
        await client.DeleteWebhookAsync(all.Id!, Ct);

        Assert.DoesNotContain(await client.ListWebhooksAsync(Ct), w => w.Id == created.Id || w.Id == all.Id);
        var gone = await Assert.ThrowsAsync<PluginTestsException>(() => client.GetWebhookAsync(created.Id!, Ct));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(PluginTestsErrorCode.WebhookNotFound, gone.Code);
    }

    [Fact]
    public async Task Queue_list_and_enqueue()
    {
        using var client = NewPluginTests(Emulator);
        var createdBefore = Emulator.Stats.TestQueueJobsCreated;
        Assert.Contains(await client.ListQueueAsync(Ct), j => j.Id == "job_demo0001");

        var job = await client.EnqueueTestAsync(new EnqueueTestRequest("wporg", "woocommerce") { Priority = 450 }, Ct);
        Assert.StartsWith("job_", job.Id, StringComparison.Ordinal);
        Assert.Equal("wporg", job.Directory);
        Assert.Equal("woocommerce", job.Slug);
        Assert.Equal(450, job.Priority);
        Assert.Equal("stable", job.PackageSource);
        Assert.Null(job.DownloadUrl);
        Assert.Equal("queued", job.Status);
        Assert.NotNull(job.QueuedAt);
        Assert.Equal(createdBefore + 1, Emulator.Stats.TestQueueJobsCreated);

        var queue = await client.ListQueueAsync(Ct);
        Assert.Contains(queue, j => j.Id == job.Id);
        Assert.Equal(queue.OrderByDescending(j => j.Priority).Select(j => j.Id), queue.Select(j => j.Id));

        var unknown = await Assert.ThrowsAsync<PluginTestsException>(() => client.EnqueueTestAsync(new EnqueueTestRequest("demo", "not-there"), Ct));
        Assert.Equal(PluginTestsErrorCode.PluginNotFound, unknown.Code);
    }

    [Fact]
    public async Task Tables_lists_are_streamed_whole()
    {
        using var client = NewPluginTests(Emulator);
        var ten = new List<PluginTable>();
        await foreach (var table in client.ListPluginTablesAsync(ActiveInstalls.AtLeast10, Ct))
        {
            ten.Add(table);
        }

        // Seeded: akismet 1, wordpress-seo 5, woocommerce 3, tiny-table 1 (120 installs); plus the generated entries.
        Assert.Equal(10 + EmulatorFixture.GeneratedTables, ten.Count);
        Assert.Equal("wp_yoast_indexable", ten[0].Name);
        Assert.Equal("wordpress-seo", ten[0].Plugin);
        Assert.Contains(ten, t => t.Name == "wp_tiny_table_rows");
        Assert.All(ten, t =>
        {
            Assert.False(string.IsNullOrEmpty(t.Name));
            Assert.Equal("wporg", t.Directory);
            Assert.True(t.ActiveInstalls >= 10);
        });

        var fiveHundred = new List<PluginTable>();
        await foreach (var table in client.ListPluginTablesAsync(ActiveInstalls.AtLeast500, Ct))
        {
            fiveHundred.Add(table);
        }

        Assert.Equal(9 + ((EmulatorFixture.GeneratedTables + 1) / 2), fiveHundred.Count);
        Assert.DoesNotContain(fiveHundred, t => t.Name == "wp_tiny_table_rows");
        Assert.All(fiveHundred, t => Assert.True(t.ActiveInstalls >= 500));
        Assert.Subset(ten.Select(t => t.Name).ToHashSet(), fiveHundred.Select(t => t.Name).ToHashSet());
    }

    [Fact]
    public async Task Raw_calls_reach_any_path_with_the_key()
    {
        using var client = NewPluginTests(Emulator);
        using var user = await client.SendRawAsync(HttpMethod.Get, "user", Ct);
        Assert.Equal("user_demo", user!.RootElement.GetProperty("id").GetString());

        using var body = JsonDocument.Parse("""{"url":"https://example.com/it/raw","eventType":"test_finished"}""");
        using var created = await client.SendRawAsync(HttpMethod.Post, "user/webhooks", body.RootElement, Ct);
        var id = created!.RootElement.GetProperty("id").GetString()!;
        using var deleted = await client.SendRawAsync(HttpMethod.Delete, "user/webhooks/" + Uri.EscapeDataString(id), Ct);
        Assert.Null(deleted);
    }
}
