using PluginApis.Http;
using RichardSzalay.MockHttp;

namespace PluginTests.Client.Tests;

/// <summary>
/// Through the client: what a real service plausibly sends is read, and a value of a kind no rule reads fails as the SDK's
/// <see cref="InvalidResponseException"/> with the JSON path of the value.
/// </summary>
public sealed class ClientReadingTests : IDisposable
{
    private readonly Harness _h = new();

    public void Dispose() => _h.Dispose();

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_numeric_user_id_is_read_as_text()
    {
        _h.Mock.When(Harness.Url("user")).Respond("application/json", """{"id":1}""");

        var user = await _h.Client.GetCurrentUserAsync(Ct);

        Assert.Equal("1", user.Id);
    }

    [Fact]
    public async Task A_webhook_and_a_job_with_numeric_ids_and_unix_times_are_read()
    {
        _h.Mock.When(Harness.Url("user/webhooks/7")).Respond("application/json", """{"id":7,"url":"https://h.example/x","eventType":"","createdAt":1793527200}""");
        _h.Mock.When(Harness.Url("test-queue")).Respond("application/json",
            """[{"id":42,"directory":"wporg","slug":"akismet","priority":"100","packageSource":"stable","downloadUrl":false,"status":"queued","queuedAt":"1793527200000"}]""");

        var hook = await _h.Client.GetWebhookAsync("7", Ct);
        var job = Assert.Single(await _h.Client.ListQueueAsync(Ct));

        Assert.Equal(("7", null), (hook.Id, hook.EventType));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero), hook.CreatedAt);
        Assert.Equal(("42", 100, QueueJobStatus.Queued), (job.Id, job.Priority, job.Status));
        Assert.Null(job.DownloadUrl);
        Assert.Equal(hook.CreatedAt, job.QueuedAt);
    }

    [Theory]
    [InlineData("user", """{"id":true}""", "$.id")]
    [InlineData("user", """{"name":"x","id":{"n":1}}""", "$.id")]
    [InlineData("plugins/wporg/akismet", """{"slug":"akismet","activeInstalls":"lots"}""", "$.activeInstalls")]
    [InlineData("plugins/wporg/akismet", """{"slug":"akismet","testedAt":{"date":"2026-11-01"}}""", "$.testedAt")]
    [InlineData("plugins/wporg/akismet", """{"slug":"akismet","url":12}""", "$.url")]
    [InlineData("user/webhooks/7", """{"id":7,"eventType":true}""", "$.eventType")]
    [InlineData("test-queue", """{"jobs":[{"id":1},{"id":2,"queuedAt":"soon"}]}""", "$.jobs[1].queuedAt")]
    [InlineData("test-queue", """[{"id":1},{"id":2,"status":[]}]""", "$[1].status")]
    [InlineData("plugins/wporg/akismet/reports", """{"reports":[{"slug":"r","errors":[{"line":"x"}]}]}""", "$.reports[0].errors")]
    public async Task An_unreadable_value_is_an_InvalidResponseException_with_its_path(string path, string body, string jsonPath)
    {
        _h.Mock.When(Harness.Url(path)).Respond("application/json", body);

        var ex = await Assert.ThrowsAsync<InvalidResponseException>(() => path switch
        {
            "user" => _h.Client.GetCurrentUserAsync(Ct),
            "plugins/wporg/akismet" => _h.Client.GetPluginAsync("wporg", "akismet", Ct),
            "user/webhooks/7" => _h.Client.GetWebhookAsync("7", Ct),
            "test-queue" => _h.Client.ListQueueAsync(Ct),
            _ => _h.Client.ListReportsAsync("wporg", "akismet", Ct),
        });

        Assert.Equal(jsonPath, ex.JsonPath);
        Assert.Contains(jsonPath, ex.Message, StringComparison.Ordinal);
        Assert.Equal(body, ex.ResponseBody);
    }

    [Fact]
    public async Task A_failure_inside_a_nested_list_names_the_entry_in_the_message()
    {
        _h.Mock.When(Harness.Url("plugins/wporg/akismet/reports/r")).Respond("application/json", """{"slug":"r","errors":[{"line":1},{"line":"x"}]}""");

        var ex = await Assert.ThrowsAsync<InvalidResponseException>(() => _h.Client.GetReportAsync("wporg", "akismet", "r", Ct));

        Assert.Equal("$.errors", ex.JsonPath);
        Assert.Contains("errors[1].line: Expected a whole number", ex.Message, StringComparison.Ordinal);
    }
}
