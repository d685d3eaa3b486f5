using System.Net;
using System.Text.Json;
using PluginApis.Http;
using RichardSzalay.MockHttp;

namespace PluginTests.Client.Tests;

/// <summary>Undocumented shapes: lists as envelope or bare array, unknown fields kept, unknown enum-like values kept as text.</summary>
public sealed class TolerantReadingTests : IDisposable
{
    private readonly Harness _h = new();

    public void Dispose() => _h.Dispose();

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, Func<IPluginTestsClient, Task<IReadOnlyList<string?>>>> Lists => new()
    {
        { "plugins/wporg/akismet/reports", "reports", async c => (await c.ListReportsAsync("wporg", "akismet")).Select(r => r.Slug).ToList() },
        { "plugins/wporg/akismet/tables", "tables", async c => (await c.ListEntitiesAsync("wporg", "akismet", EntityCollection.Tables)).Select(r => r.Name).ToList() },
        { "plugins/wporg/akismet/options", "options", async c => (await c.ListEntitiesAsync("wporg", "akismet", EntityCollection.Options)).Select(r => r.Name).ToList() },
        { "user/plugins", "plugins", async c => (await c.ListUserPluginsAsync()).Select(r => r.Slug).ToList() },
        { "user/webhooks", "webhooks", async c => (await c.ListWebhooksAsync()).Select(r => r.Id).ToList() },
        { "test-queue", "jobs", async c => (await c.ListQueueAsync()).Select(r => r.Id).ToList() },
    };

    private const string Items = """[{"slug":"a","name":"a","id":"a"},null,{"slug":"b","name":"b","id":"b"}]""";

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Lists_accept_the_envelope_object(string path, string property, Func<IPluginTestsClient, Task<IReadOnlyList<string?>>> call)
    {
        _h.Mock.When(Harness.Url(path)).Respond("application/json", $"{{\"total\":2,\"{property}\":{Items},\"links\":{{\"next\":null}}}}");
        Assert.Equal(["a", "b"], await call(_h.Client));
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Lists_accept_a_bare_array(string path, string property, Func<IPluginTestsClient, Task<IReadOnlyList<string?>>> call)
    {
        Assert.NotEmpty(property);
        _h.Mock.When(Harness.Url(path)).Respond("application/json", Items);
        Assert.Equal(["a", "b"], await call(_h.Client));
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Lists_read_a_null_list_as_empty(string path, string property, Func<IPluginTestsClient, Task<IReadOnlyList<string?>>> call)
    {
        _h.Mock.When(Harness.Url(path)).Respond("application/json", $$"""{"{{property}}":null}""");
        Assert.Empty(await call(_h.Client));
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Lists_accept_a_single_array_under_another_name(string path, string property, Func<IPluginTestsClient, Task<IReadOnlyList<string?>>> call)
    {
        Assert.NotEmpty(property);
        _h.Mock.When(Harness.Url(path)).Respond("application/json", $$"""{"count":2,"items":{{Items}}}""");
        Assert.Equal(["a", "b"], await call(_h.Client));
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Lists_of_an_unknown_shape_throw_InvalidResponseException(string path, string property, Func<IPluginTestsClient, Task<IReadOnlyList<string?>>> call)
    {
        Assert.NotEmpty(property);
        _h.Mock.When(Harness.Url(path)).Respond("application/json", """{"a":[],"b":[]}""");
        await Assert.ThrowsAsync<InvalidResponseException>(() => call(_h.Client));
    }

    [Fact]
    public async Task Unknown_fields_are_kept_and_known_ones_still_read()
    {
        _h.Mock.When(Harness.Url("plugins/wporg/akismet")).Respond("application/json", """
            {"slug":"akismet","activeInstalls":"6000000","rating":{"stars":4.5},"tags":["spam"],"closed":false}
            """);

        var plugin = await _h.Client.GetPluginAsync("wporg", "akismet", Ct);

        Assert.Equal("akismet", plugin.Slug);
        Assert.Equal(6_000_000, plugin.ActiveInstalls); // numbers sent as strings are accepted
        Assert.Equal(["rating", "tags", "closed"], plugin.ExtensionData!.Keys);
        Assert.Equal(4.5, plugin.ExtensionData["rating"].GetProperty("stars").GetDouble());
    }

    [Fact]
    public async Task Unknown_report_status_is_kept_as_text()
    {
        _h.Mock.When(Harness.Url("plugins/wporg/akismet/reports/r1")).Respond("application/json", """{"slug":"r1","status":"skipped","errors":null}""");

        var report = await _h.Client.GetReportAsync("wporg", "akismet", "r1", Ct);

        Assert.Equal("skipped", report.Status);
        Assert.Null(report.Passed);
        Assert.Empty(report.Errors);
    }

    [Fact]
    public void Models_round_trip_through_the_source_generated_context()
    {
        var json = """{"id":"wh_1","url":"https://hooks.example.com/a","eventType":"test_finished","secret":"x"}""";
        var hook = JsonSerializer.Deserialize(json, PluginTestsJsonContext.Default.Webhook)!;
        var back = JsonSerializer.Serialize(hook, PluginTestsJsonContext.Default.Webhook);
        Assert.Equal(json, back);
    }
}
