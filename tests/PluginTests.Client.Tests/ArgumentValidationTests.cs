using System.Net;
using RichardSzalay.MockHttp;

namespace PluginTests.Client.Tests;

/// <summary>Bad input throws before any request; path values reach the server as exactly one segment, unchanged.</summary>
public sealed class ArgumentValidationTests : IDisposable
{
    private readonly Harness _h = new();

    public ArgumentValidationTests() => _h.Mock.Fallback.Respond(HttpStatusCode.OK, "application/json", "{}");

    public void Dispose() => _h.Dispose();

    private static readonly Uri Zip = new("https://example.com/p.zip");

    public static TheoryData<string, Type, Func<IPluginTestsClient, Task>> BadCalls => new()
    {
        { "null directory", typeof(ArgumentNullException), c => c.GetPluginAsync(null!, "akismet") },
        { "empty directory", typeof(ArgumentException), c => c.GetPluginAsync("", "akismet") },
        { "blank slug", typeof(ArgumentException), c => c.GetPluginAsync("wporg", "  ") },
        { "null slug (reports)", typeof(ArgumentNullException), c => c.ListReportsAsync("wporg", null!) },
        { "blank directory (reports)", typeof(ArgumentException), c => c.ListReportsAsync(" ", "akismet") },
        { "null report slug", typeof(ArgumentNullException), c => c.GetReportAsync("wporg", "akismet", null!) },
        { "blank report slug", typeof(ArgumentException), c => c.GetReportAsync("wporg", "akismet", "\t") },
        { "blank slug (entities)", typeof(ArgumentException), c => c.ListEntitiesAsync("wporg", "", EntityCollection.Tables) },
        { "undefined entity collection", typeof(ArgumentOutOfRangeException), c => c.ListEntitiesAsync("wporg", "akismet", (EntityCollection)42) },
        { "blank slug (delete)", typeof(ArgumentException), c => c.DeletePluginAsync("demo", "") },
        { "null webhook id", typeof(ArgumentNullException), c => c.GetWebhookAsync(null!) },
        { "blank webhook id", typeof(ArgumentException), c => c.GetWebhookAsync(" ") },
        { "blank webhook id (delete)", typeof(ArgumentException), c => c.DeleteWebhookAsync("") },
        { "null webhook url", typeof(ArgumentNullException), c => c.CreateWebhookAsync(null!) },
        { "relative webhook url", typeof(ArgumentException), c => c.CreateWebhookAsync(new Uri("hooks/pt", UriKind.Relative)) },
        { "ftp webhook url", typeof(ArgumentException), c => c.CreateWebhookAsync(new Uri("ftp://example.com/hook")) },
        { "file webhook url", typeof(ArgumentException), c => c.CreateWebhookAsync(new Uri("file:///tmp/hook")) },
        { "undefined event type", typeof(ArgumentOutOfRangeException), c => c.CreateWebhookAsync(new Uri("https://example.com/h"), (WebhookEventType)7) },
        { "null enqueue request", typeof(ArgumentNullException), c => c.EnqueueTestAsync(null!) },
        { "blank enqueue directory", typeof(ArgumentException), c => c.EnqueueTestAsync(new EnqueueTestRequest("", "akismet")) },
        { "null enqueue slug", typeof(ArgumentNullException), c => c.EnqueueTestAsync(new EnqueueTestRequest { Directory = "wporg", Slug = null! }) },
        { "priority 0", typeof(ArgumentOutOfRangeException), c => c.EnqueueTestAsync(new EnqueueTestRequest("wporg", "akismet") { Priority = 0 }) },
        { "priority 501", typeof(ArgumentOutOfRangeException), c => c.EnqueueTestAsync(new EnqueueTestRequest("wporg", "akismet") { Priority = 501 }) },
        { "priority negative", typeof(ArgumentOutOfRangeException), c => c.EnqueueTestAsync(new EnqueueTestRequest("wporg", "akismet") { Priority = -5 }) },
        { "direct without url", typeof(ArgumentException), c => c.EnqueueTestAsync(new EnqueueTestRequest("demo", "p") { PackageSource = PackageSource.Direct }) },
        { "direct with relative url", typeof(ArgumentException), c => c.EnqueueTestAsync(new EnqueueTestRequest("demo", "p") { PackageSource = PackageSource.Direct, DownloadUrl = new Uri("/p.zip", UriKind.Relative) }) },
        { "direct with ftp url", typeof(ArgumentException), c => c.EnqueueTestAsync(new EnqueueTestRequest("demo", "p") { PackageSource = PackageSource.Direct, DownloadUrl = new Uri("ftp://example.com/p.zip") }) },
        { "stable with url", typeof(ArgumentException), c => c.EnqueueTestAsync(new EnqueueTestRequest("demo", "p") { DownloadUrl = Zip }) },
        { "undefined package source", typeof(ArgumentOutOfRangeException), c => c.EnqueueTestAsync(new EnqueueTestRequest("demo", "p") { PackageSource = (PackageSource)9 }) },
        { "undefined active installs", typeof(ArgumentOutOfRangeException), c => c.ListPluginTablesAsync((ActiveInstalls)42).GetAsyncEnumerator().MoveNextAsync().AsTask() },
        { "zero active installs", typeof(ArgumentOutOfRangeException), c => c.ListPluginTablesAsync(default).GetAsyncEnumerator().MoveNextAsync().AsTask() },
        { "null raw method", typeof(ArgumentNullException), c => c.SendRawAsync(null!, "user") },
        { "null raw path", typeof(ArgumentNullException), c => c.SendRawAsync(HttpMethod.Get, null!) },
        { "absolute raw path", typeof(ArgumentException), c => c.SendRawAsync(HttpMethod.Get, "https://evil.example/steal") },
        { "protocol-relative raw path", typeof(ArgumentException), c => c.SendRawAsync(HttpMethod.Get, "//evil.example/steal") },
    };

    [Theory]
    [MemberData(nameof(BadCalls))]
    public async Task Bad_input_throws_before_any_request(string @case, Type expected, Func<IPluginTestsClient, Task> call)
    {
        var ex = await Record.ExceptionAsync(() => call(_h.Client));

        Assert.NotNull(ex);
        Assert.True(ex.GetType() == expected, $"{@case}: expected {expected.Name}, got {ex.GetType().Name}: {ex.Message}");
        Assert.Empty(_h.Requests);
    }

    [Fact]
    public void ListPluginTables_checks_the_threshold_when_called_not_when_enumerated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _h.Client.ListPluginTablesAsync((ActiveInstalls)42, TestContext.Current.CancellationToken));
        Assert.Empty(_h.Requests);
    }

    [Fact]
    public async Task Priority_error_names_the_property()
    {
        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _h.Client.EnqueueTestAsync(new EnqueueTestRequest("wporg", "a") { Priority = 0 }, TestContext.Current.CancellationToken));
        Assert.Equal("request.Priority", ex.ParamName);
    }

    public static TheoryData<string> Awkward => ["a/b", "?", "#", "%", "%2F", "%2E%2E", "...", "a b", "plugïn-ü", "日本", "a+b", "x;y=z", "a\\b", "&apiKey=stolen"];

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Dot_segments_are_refused_before_any_request_because_URI_merging_would_fold_them(string value)
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal("slug", (await Assert.ThrowsAsync<ArgumentException>(() => _h.Client.GetPluginAsync("wporg", value, ct))).ParamName);
        Assert.Equal("directory", (await Assert.ThrowsAsync<ArgumentException>(() => _h.Client.DeletePluginAsync(value, "akismet", ct))).ParamName);
        Assert.Equal("reportSlug", (await Assert.ThrowsAsync<ArgumentException>(() => _h.Client.GetReportAsync("wporg", "akismet", value, ct))).ParamName);
        Assert.Equal("webhookId", (await Assert.ThrowsAsync<ArgumentException>(() => _h.Client.DeleteWebhookAsync(value, ct))).ParamName);
        Assert.Empty(_h.Requests);
    }

    private async Task<string> OnlySegmentAsync(int index, int count)
    {
        var sent = Assert.Single(_h.Requests);
        var segments = sent.RelativePath.Split('/');
        Assert.Equal(count, segments.Length);
        sent.AssertOnlyApiKey();
        await Task.CompletedTask;
        return Uri.UnescapeDataString(segments[index]);
    }

    [Theory]
    [MemberData(nameof(Awkward))]
    public async Task Slug_reaches_the_server_as_one_segment(string value)
    {
        await _h.Client.GetPluginAsync("wporg", value, TestContext.Current.CancellationToken);
        Assert.Equal(value, await OnlySegmentAsync(2, 3));
    }

    [Theory]
    [MemberData(nameof(Awkward))]
    public async Task Directory_reaches_the_server_as_one_segment(string value)
    {
        await _h.Client.GetPluginAsync(value, "akismet", TestContext.Current.CancellationToken);
        Assert.Equal(value, await OnlySegmentAsync(1, 3));
    }

    [Theory]
    [MemberData(nameof(Awkward))]
    public async Task Report_slug_reaches_the_server_as_one_segment(string value)
    {
        await _h.Client.GetReportAsync("wporg", "akismet", value, TestContext.Current.CancellationToken);
        Assert.Equal(value, await OnlySegmentAsync(4, 5));
    }

    [Theory]
    [MemberData(nameof(Awkward))]
    public async Task Webhook_id_reaches_the_server_as_one_segment(string value)
    {
        await _h.Client.DeleteWebhookAsync(value, TestContext.Current.CancellationToken);
        Assert.Equal(value, await OnlySegmentAsync(2, 3));
    }

    [Fact]
    public void Constructor_rejects_a_blank_key_naming_the_setting()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PluginTestsClient(" "));
        Assert.Contains("ApiKey", ex.Message);
    }

    [Fact]
    public void Constructor_rejects_a_relative_base_address_naming_the_setting()
    {
        var options = new PluginTestsClientOptions { ApiKey = "k", BaseAddress = new Uri("api/v1/", UriKind.Relative) };
        var ex = Assert.Throws<ArgumentException>(() => new PluginTestsClient(options, new HttpClientHandler()));
        Assert.Contains("BaseAddress", ex.Message);
    }

    [Fact]
    public void Constructor_rejects_null_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => new PluginTestsClient((PluginTestsClientOptions)null!));
        Assert.Throws<ArgumentNullException>(() => new PluginTestsClient(new PluginTestsClientOptions { ApiKey = "k" }, null!));
    }

    [Fact]
    public void Options_default_to_the_public_service()
    {
        Assert.Equal(new Uri("https://plugintests.com/api/v1/"), new PluginTestsClientOptions().BaseAddress);
        using var client = new PluginTestsClient("key");
        Assert.Null(client.LastRateLimit);
    }
}
