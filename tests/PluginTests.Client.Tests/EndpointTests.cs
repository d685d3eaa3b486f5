using System.Net;
using System.Text.Json;
using RichardSzalay.MockHttp;

namespace PluginTests.Client.Tests;

/// <summary>Every endpoint: method, path, query (the API key exactly once), body, and the model read from the emulator's shapes.</summary>
public sealed class EndpointTests : IDisposable
{
    private readonly Harness _h = new();

    public void Dispose() => _h.Dispose();

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private SentRequest SingleRequest(HttpMethod method, string relativePath)
    {
        _h.Mock.VerifyNoOutstandingExpectation();
        var sent = Assert.Single(_h.Requests);
        Assert.Equal(method, sent.Method);
        Assert.Equal(relativePath, sent.RelativePath);
        sent.AssertOnlyApiKey();
        return sent;
    }

    [Fact]
    public async Task GetRoot_gets_the_base_address_and_reads_resources_and_permissions()
    {
        _h.Mock.Expect(HttpMethod.Get, Harness.Url(string.Empty)).Respond("application/json",
            """{"resources":["/plugins/{directory}/{slug}","/user"],"permissions":["plugins:read","queue:read"],"version":"v1"}""");

        var root = await _h.Client.GetRootAsync(Ct);

        var sent = SingleRequest(HttpMethod.Get, string.Empty);
        Assert.Null(sent.Body);
        Assert.Equal(["/plugins/{directory}/{slug}", "/user"], root.Resources);
        Assert.Equal(["plugins:read", "queue:read"], root.Permissions);
        Assert.Equal("v1", root.ExtensionData!["version"].GetString());
    }

    [Fact]
    public async Task GetPlugin_gets_plugins_directory_slug_and_reads_every_field()
    {
        _h.Mock.Expect(HttpMethod.Get, Harness.Url("plugins/wporg/akismet")).Respond("application/json", Responses.PluginJson);

        var plugin = await _h.Client.GetPluginAsync("wporg", "akismet", Ct);

        SingleRequest(HttpMethod.Get, "plugins/wporg/akismet");
        Assert.Equal("wporg", plugin.Directory);
        Assert.Equal("akismet", plugin.Slug);
        Assert.Equal("Akismet Anti-spam", plugin.Name);
        Assert.Equal("5.3.1", plugin.Version);
        Assert.Equal(6_000_000, plugin.ActiveInstalls);
        Assert.Equal(new Uri("https://wordpress.org/plugins/akismet/"), plugin.Url);
        Assert.Equal("5-3-1-2026-11-01", plugin.LatestReport);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero), plugin.TestedAt);
        Assert.Null(plugin.ExtensionData);
    }

    [Fact]
    public async Task ListReports_reads_the_reports_envelope_with_errors()
    {
        _h.Mock.Expect(HttpMethod.Get, Harness.Url("plugins/wporg/akismet/reports")).Respond("application/json", """
            {"reports":[{"slug":"5-3-1-2026-11-01","pluginVersion":"5.3.1","status":"failed","testedAt":"2026-11-01T10:00:00Z",
              "wordpressVersion":"6.8","phpVersion":"8.3","errors":[{"type":"php_warning","message":"Undefined index","file":"akismet.php","line":12}],
              "url":"https://plugintests.com/plugins/wporg/akismet/5-3-1-2026-11-01"},
             {"slug":"5-3-0","status":"passed","errors":[]}]}
            """);

        var reports = await _h.Client.ListReportsAsync("wporg", "akismet", Ct);

        SingleRequest(HttpMethod.Get, "plugins/wporg/akismet/reports");
        Assert.Equal(2, reports.Count);
        var first = reports[0];
        Assert.Equal("5-3-1-2026-11-01", first.Slug);
        Assert.Equal("5.3.1", first.PluginVersion);
        Assert.Equal("failed", first.Status);
        Assert.False(first.Passed);
        Assert.Equal("6.8", first.WordPressVersion);
        Assert.Equal("8.3", first.PhpVersion);
        var error = Assert.Single(first.Errors);
        Assert.Equal(("php_warning", "Undefined index", "akismet.php", 12), (error.Type, error.Message, error.File, error.Line));
        Assert.Equal(new Uri("https://plugintests.com/plugins/wporg/akismet/5-3-1-2026-11-01"), first.Url);
        Assert.True(reports[1].Passed);
    }

    [Fact]
    public async Task GetReport_gets_the_bare_report_object()
    {
        _h.Mock.Expect(HttpMethod.Get, Harness.Url("plugins/wporg/akismet/reports/5-3-1-2026-11-01"))
            .Respond("application/json", """{"slug":"5-3-1-2026-11-01","status":"passed","phpVersion":"8.3","screenshots":3}""");

        var report = await _h.Client.GetReportAsync("wporg", "akismet", "5-3-1-2026-11-01", Ct);

        SingleRequest(HttpMethod.Get, "plugins/wporg/akismet/reports/5-3-1-2026-11-01");
        Assert.Equal("5-3-1-2026-11-01", report.Slug);
        Assert.True(report.Passed);
        Assert.Empty(report.Errors);
        Assert.Equal(3, report.ExtensionData!["screenshots"].GetInt32());
    }

    [Fact]
    public async Task ListEntities_tables_gets_the_tables_segment_and_reads_columns()
    {
        _h.Mock.Expect(HttpMethod.Get, Harness.Url("plugins/wporg/akismet/tables"))
            .Respond("application/json", """{"tables":[{"name":"wp_akismet_log","columns":["id","ts"]}]}""");

        var tables = await _h.Client.ListEntitiesAsync("wporg", "akismet", EntityCollection.Tables, Ct);

        SingleRequest(HttpMethod.Get, "plugins/wporg/akismet/tables");
        var table = Assert.Single(tables);
        Assert.Equal("wp_akismet_log", table.Name);
        Assert.Equal(["id", "ts"], table.Columns.Select(c => c.Name));
        Assert.Null(table.ExtensionData);
    }

    [Fact]
    public async Task ListEntities_options_gets_the_options_segment_and_reads_autoload()
    {
        _h.Mock.Expect(HttpMethod.Get, Harness.Url("plugins/wporg/akismet/options"))
            .Respond("application/json", """{"options":[{"name":"akismet_key","autoload":true},{"name":"akismet_strictness","autoload":false}]}""");

        var options = await _h.Client.ListEntitiesAsync("wporg", "akismet", EntityCollection.Options, Ct);

        SingleRequest(HttpMethod.Get, "plugins/wporg/akismet/options");
        Assert.Equal(["akismet_key", "akismet_strictness"], options.Select(o => o.Name));
        Assert.True(options[0].Autoload);
        Assert.False(options[1].Autoload);
    }

    [Fact]
    public async Task DeletePlugin_sends_delete_and_accepts_204()
    {
        _h.Mock.Expect(HttpMethod.Delete, Harness.Url("plugins/demo/my-plugin")).Respond(HttpStatusCode.NoContent);

        await _h.Client.DeletePluginAsync("demo", "my-plugin", Ct);

        var sent = SingleRequest(HttpMethod.Delete, "plugins/demo/my-plugin");
        Assert.Null(sent.Body);
    }

    [Fact]
    public async Task GetCurrentUser_gets_user()
    {
        _h.Mock.Expect(HttpMethod.Get, Harness.Url("user"))
            .Respond("application/json", """{"id":"user_demo","name":"Demo User","email":"demo@example.com","directory":"demo"}""");

        var user = await _h.Client.GetCurrentUserAsync(Ct);

        SingleRequest(HttpMethod.Get, "user");
        Assert.Equal(("user_demo", "Demo User", "demo@example.com", "demo"), (user.Id, user.Name, user.Email, user.Directory));
    }

    [Fact]
    public async Task ListUserPlugins_gets_user_plugins()
    {
        _h.Mock.Expect(HttpMethod.Get, Harness.Url("user/plugins")).Respond("application/json", $$"""{"plugins":[{{Responses.PluginJson}}]}""");

        var plugins = await _h.Client.ListUserPluginsAsync(Ct);

        SingleRequest(HttpMethod.Get, "user/plugins");
        Assert.Equal("akismet", Assert.Single(plugins).Slug);
    }

    [Fact]
    public async Task ListWebhooks_gets_user_webhooks_and_keeps_unknown_event_types_as_text()
    {
        _h.Mock.Expect(HttpMethod.Get, Harness.Url("user/webhooks")).Respond("application/json", """
            {"webhooks":[
              {"id":"wh_1","url":"https://hooks.example.com/a","eventType":"test_finished","createdAt":"2026-11-01T10:00:00Z"},
              {"id":"wh_2","url":"https://hooks.example.com/b","eventType":null},
              {"id":"wh_3","url":"https://hooks.example.com/c","eventType":"plugin_closed"}]}
            """);

        var hooks = await _h.Client.ListWebhooksAsync(Ct);

        SingleRequest(HttpMethod.Get, "user/webhooks");
        Assert.Equal(["test_finished", null, "plugin_closed"], hooks.Select(h => h.EventType?.Value));
        Assert.Equal([true, null, false], hooks.Select(h => h.EventType?.IsKnown));
        Assert.Equal(new Uri("https://hooks.example.com/a"), hooks[0].Url);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero), hooks[0].CreatedAt);
    }

    [Theory]
    [InlineData(null, """{"url":"https://hooks.example.com/pt?x=1"}""")]
    [InlineData("test_finished", """{"url":"https://hooks.example.com/pt?x=1","eventType":"test_finished"}""")]
    [InlineData("first_test_finished", """{"url":"https://hooks.example.com/pt?x=1","eventType":"first_test_finished"}""")]
    [InlineData("First_Test_Finished", """{"url":"https://hooks.example.com/pt?x=1","eventType":"first_test_finished"}""")]
    public async Task CreateWebhook_posts_the_exact_json_body(string? wireValue, string expectedBody)
    {
        WebhookEventType? eventType = wireValue is null ? null : new WebhookEventType(wireValue);
        _h.Mock.Expect(HttpMethod.Post, Harness.Url("user/webhooks")).Respond(HttpStatusCode.Created, "application/json",
            """{"id":"wh_9","url":"https://hooks.example.com/pt?x=1","eventType":"first_test_finished","createdAt":"2026-11-01T10:00:00Z"}""");

        var hook = await _h.Client.CreateWebhookAsync(new Uri("https://hooks.example.com/pt?x=1"), eventType, Ct);

        var sent = SingleRequest(HttpMethod.Post, "user/webhooks");
        Assert.Equal(expectedBody, sent.Body);
        Assert.StartsWith("application/json", sent.ContentType);
        Assert.Equal("wh_9", hook.Id);
    }

    [Fact]
    public async Task GetWebhook_gets_user_webhooks_id()
    {
        _h.Mock.Expect(HttpMethod.Get, Harness.Url("user/webhooks/wh_1")).Respond("application/json", """{"id":"wh_1","url":"https://hooks.example.com/a","eventType":"test_finished"}""");

        var hook = await _h.Client.GetWebhookAsync("wh_1", Ct);

        SingleRequest(HttpMethod.Get, "user/webhooks/wh_1");
        Assert.Equal("wh_1", hook.Id);
    }

    [Fact]
    public async Task DeleteWebhook_sends_delete_and_accepts_204()
    {
        _h.Mock.Expect(HttpMethod.Delete, Harness.Url("user/webhooks/wh_1")).Respond(HttpStatusCode.NoContent);

        await _h.Client.DeleteWebhookAsync("wh_1", Ct);

        SingleRequest(HttpMethod.Delete, "user/webhooks/wh_1");
    }

    [Fact]
    public async Task ListQueue_gets_test_queue_and_reads_jobs()
    {
        _h.Mock.Expect(HttpMethod.Get, Harness.Url("test-queue")).Respond("application/json", """
            {"jobs":[{"id":"job_1","directory":"wporg","slug":"akismet","priority":100,"packageSource":"stable","downloadUrl":null,"status":"queued","queuedAt":"2026-11-01T10:00:00Z"},
                     {"id":"job_2","directory":"demo","slug":"x","priority":7,"packageSource":"git","downloadUrl":"https://example.com/x.zip","status":"running"}]}
            """);

        var jobs = await _h.Client.ListQueueAsync(Ct);

        SingleRequest(HttpMethod.Get, "test-queue");
        Assert.Equal(2, jobs.Count);
        Assert.Equal(("job_1", "wporg", "akismet", 100), (jobs[0].Id, jobs[0].Directory, jobs[0].Slug, jobs[0].Priority));
        Assert.Equal(PackageSource.Stable, jobs[0].PackageSource);
        Assert.Equal(QueueJobStatus.Queued, jobs[0].Status);
        Assert.Equal(QueueJobStatus.Running, jobs[1].Status);
        Assert.Null(jobs[0].DownloadUrl);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero), jobs[0].QueuedAt);
        Assert.Equal(new PackageSource("git"), jobs[1].PackageSource);
        Assert.False(jobs[1].PackageSource!.Value.IsKnown);
        Assert.Equal(new Uri("https://example.com/x.zip"), jobs[1].DownloadUrl);
    }

    [Fact]
    public async Task EnqueueTest_defaults_post_stable_priority_100()
    {
        _h.Mock.Expect(HttpMethod.Post, Harness.Url("test-queue")).Respond(HttpStatusCode.Created, "application/json",
            """{"id":"job_1","directory":"wporg","slug":"akismet","priority":100,"packageSource":"stable","downloadUrl":null,"status":"queued"}""");

        var job = await _h.Client.EnqueueTestAsync(new EnqueueTestRequest("wporg", "akismet"), Ct);

        var sent = SingleRequest(HttpMethod.Post, "test-queue");
        Assert.Equal("""{"directory":"wporg","slug":"akismet","priority":100,"packageSource":"stable"}""", sent.Body);
        Assert.StartsWith("application/json", sent.ContentType);
        Assert.Equal("job_1", job.Id);
        Assert.Equal(QueueJobStatus.Queued, job.Status);
    }

    [Fact]
    public async Task EnqueueTest_direct_posts_download_url_and_priority()
    {
        _h.Mock.Expect(HttpMethod.Post, Harness.Url("test-queue")).Respond(HttpStatusCode.Created, "application/json", """{"id":"job_2"}""");

        await _h.Client.EnqueueTestAsync(new EnqueueTestRequest
        {
            Directory = "demo",
            Slug = "my-plugin",
            Priority = 500,
            PackageSource = PackageSource.Direct,
            DownloadUrl = new Uri("https://example.com/my-plugin.zip"),
        }, Ct);

        var sent = SingleRequest(HttpMethod.Post, "test-queue");
        Assert.Equal("""{"directory":"demo","slug":"my-plugin","priority":500,"packageSource":"direct","downloadUrl":"https://example.com/my-plugin.zip"}""", sent.Body);
    }

    [Theory]
    [InlineData(ActiveInstalls.AtLeast10, "tablesWith10installs.json")]
    [InlineData(ActiveInstalls.AtLeast500, "tablesWith500installs.json")]
    public async Task ListPluginTables_gets_the_tables_file_and_reads_the_top_level_array(ActiveInstalls threshold, string path)
    {
        _h.Mock.Expect(HttpMethod.Get, Harness.Url(path)).Respond("application/json", """
            [{"name":"wp_yoast_indexable","plugin":"wordpress-seo","directory":"wporg","activeInstalls":10000000},
             {"name":"wp_wc_orders","plugin":"woocommerce","directory":"wporg","activeInstalls":7000000,"engine":"InnoDB"}]
            """);

        var tables = new List<PluginTable>();
        await foreach (var table in _h.Client.ListPluginTablesAsync(threshold, Ct))
        {
            tables.Add(table);
        }

        SingleRequest(HttpMethod.Get, path);
        Assert.Equal(2, tables.Count);
        Assert.Equal(("wp_yoast_indexable", "wordpress-seo", "wporg", 10_000_000L), (tables[0].Name, tables[0].Plugin, tables[0].Directory, tables[0].ActiveInstalls));
        Assert.Equal("InnoDB", tables[1].ExtensionData!["engine"].GetString());
    }

    [Fact]
    public async Task SendRaw_gets_any_relative_path_with_the_key_and_returns_the_document()
    {
        _h.Mock.Expect(HttpMethod.Get, Harness.Url("plugins/wporg/akismet")).Respond("application/json", """{"slug":"akismet","brandNew":{"x":1}}""");

        using var document = await _h.Client.SendRawAsync(HttpMethod.Get, "/plugins/wporg/akismet", Ct);

        SingleRequest(HttpMethod.Get, "plugins/wporg/akismet");
        Assert.Equal(1, document!.RootElement.GetProperty("brandNew").GetProperty("x").GetInt32());
    }

    [Fact]
    public async Task SendRaw_keeps_the_callers_query_and_adds_the_key_once()
    {
        _h.Mock.Expect(HttpMethod.Get, Harness.Url("plugins/wporg/akismet/reports")).Respond(HttpStatusCode.NoContent);

        var document = await _h.Client.SendRawAsync(HttpMethod.Get, "plugins/wporg/akismet/reports?page=2", Ct);

        Assert.Null(document);
        var sent = Assert.Single(_h.Requests);
        Assert.Equal("plugins/wporg/akismet/reports", sent.RelativePath);
        Assert.Equal([new("page", "2"), new("apiKey", Harness.ApiKey)], sent.QueryParameters);
    }

    [Fact]
    public async Task SendRaw_with_body_posts_the_json()
    {
        _h.Mock.Expect(HttpMethod.Post, Harness.Url("user/webhooks")).Respond(HttpStatusCode.Created, "application/json", """{"id":"wh_5"}""");
        using var body = JsonDocument.Parse("""{"url":"https://hooks.example.com/x","eventType":null}""");

        using var document = await _h.Client.SendRawAsync(HttpMethod.Post, "user/webhooks", body.RootElement, Ct);

        var sent = SingleRequest(HttpMethod.Post, "user/webhooks");
        Assert.Equal("""{"url":"https://hooks.example.com/x","eventType":null}""", sent.Body);
        Assert.Equal("wh_5", document!.RootElement.GetProperty("id").GetString());
    }
}
