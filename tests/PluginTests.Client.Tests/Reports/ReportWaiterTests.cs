using System.Net;
using Microsoft.Extensions.Time.Testing;
using PluginApis.Http;
using static PluginTests.Client.Tests.ScriptedReportsTransport;

namespace PluginTests.Client.Tests;

/// <summary>WaitForReportAsync over a scripted transport and a fake clock, advanced only while the waiter is parked.</summary>
public sealed class ReportWaiterTests : IDisposable
{
    private const string Old = """{"slug":"1-0-0-old","pluginVersion":"1.0.0","status":"passed","testedAt":"2026-11-01T09:00:00Z","errors":[]}""";
    private const string New = """{"slug":"1-1-0-new","pluginVersion":"1.1.0","status":"failed","testedAt":"2026-11-01T10:00:04Z","errors":[{"type":"php_warning","message":"boom"}]}""";

    private static readonly DateTimeOffset Start = new(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly StatusChannel _statuses = new();
    private ScriptedReportsTransport? _transport;
    private PluginTestsClient? _client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _client?.Dispose();
        _transport?.Dispose();
    }

    private PluginTestsClient Client(Func<int, HttpResponseMessage> script)
    {
        _transport = new ScriptedReportsTransport(_time, script);
        var options = new PluginTestsClientOptions { ApiKey = "pt-test-key", BaseAddress = new Uri("https://pt.test/api/v1/") };
        options.Resilience.TimeProvider = _time;
        options.Resilience.UseJitter = false;
        _client = new PluginTestsClient(options, _transport);
        return _client;
    }

    private TimeSpan[] RequestTimes() => _transport!.Requests.Select(r => r.At - Start).ToArray();

    [Fact]
    public async Task Polls_until_a_report_tested_after_the_queueing_appears_and_returns_it()
    {
        var client = Client(i => Reports(i < 2 ? Old : Old + "," + New));

        var waiting = client.WaitForReportAsync("demo", "my-plugin", Start, timeout: null, _statuses, Ct);

        var first = await _statuses.NextAsync(waiting);
        Assert.Equal((1, 1, TimeSpan.FromSeconds(2)), (first.Polls, first.ReportsListed, first.NextPollIn));
        _time.Advance(TimeSpan.FromSeconds(2) - TimeSpan.FromMilliseconds(1));
        Assert.Single(_transport!.Requests);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var second = await _statuses.NextAsync(waiting);
        Assert.Equal((2, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)), (second.Polls, second.Elapsed, second.NextPollIn));
        _time.Advance(second.NextPollIn);

        var report = await waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal("1-1-0-new", report.Slug);
        Assert.Equal("boom", Assert.Single(report.Errors).Message);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)], RequestTimes());
        Assert.All(_transport.Requests, r => Assert.Equal("/api/v1/plugins/demo/my-plugin/reports", r.Path));
    }

    [Fact]
    public async Task The_announced_quota_spaces_the_polls_beyond_the_own_pace()
    {
        var client = Client(i => i switch
        {
            0 => Reports(Old, Quota(60, 8, 200)),
            1 => Reports(Old, Quota(60, 7, 100)),
            _ => Reports(Old + "," + New, Quota(60, 6, 0)),
        });

        var waiting = client.WaitForReportAsync("demo", "my-plugin", Start, timeout: null, _statuses, Ct);

        // 8 left for 200 s: a quarter is 2 polls, 100 s apart.
        var first = await _statuses.NextAsync(waiting);
        Assert.Equal(TimeSpan.FromSeconds(100), first.NextPollIn);
        Assert.Equal(8, first.RateLimit?.Remaining);
        _time.Advance(TimeSpan.FromSeconds(100) - TimeSpan.FromMilliseconds(1));
        Assert.Single(_transport!.Requests);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var second = await _statuses.NextAsync(waiting);
        Assert.Equal(TimeSpan.FromSeconds(100), second.NextPollIn);
        _time.Advance(second.NextPollIn);

        Assert.Equal("1-1-0-new", (await waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct)).Slug);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(200)], RequestTimes());
    }

    [Fact]
    public async Task No_report_within_the_timeout_throws_TimeoutException_naming_the_plugin()
    {
        var client = Client(_ => Reports(Old));

        var waiting = client.WaitForReportAsync("demo", "my-plugin", Start, TimeSpan.FromSeconds(10), _statuses, Ct);

        // Polls at 0, 2, 5 and 9.5 s; the next would be at 16.25 s, past the 10 s limit.
        for (var poll = 1; poll <= 4; poll++)
        {
            var status = await _statuses.NextAsync(waiting);
            _time.Advance(poll < 4 ? status.NextPollIn : TimeSpan.FromSeconds(0.5));
        }

        var error = await Assert.ThrowsAsync<TimeoutException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        Assert.Contains("demo/my-plugin", error.Message);
        Assert.Contains("4 poll(s)", error.Message);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(9.5)], RequestTimes());
    }

    [Fact]
    public async Task Cancelling_the_token_ends_the_wait_with_OperationCanceledException()
    {
        var client = Client(_ => Reports(Old));
        using var cts = new CancellationTokenSource();

        var waiting = client.WaitForReportAsync("demo", "my-plugin", Start, TimeSpan.FromSeconds(10), _statuses, cts.Token);
        await _statuses.NextAsync(waiting);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        Assert.Single(_transport!.Requests);
    }

    [Fact]
    public async Task Plugin_not_found_reads_as_no_report_yet()
    {
        var client = Client(i => i == 0
            ? Responses.Json(HttpStatusCode.NotFound, """{"error":{"message":"Plugin not found.","code":"plugin_not_found"}}""")
            : Reports(New));

        var waiting = client.WaitForReportAsync("demo", "first-time", Start, timeout: null, _statuses, Ct);
        var first = await _statuses.NextAsync(waiting);
        Assert.Equal(0, first.ReportsListed);
        _time.Advance(first.NextPollIn);

        Assert.Equal("1-1-0-new", (await waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct)).Slug);
    }

    [Fact]
    public async Task Another_error_ends_the_wait_with_the_typed_exception()
    {
        var client = Client(_ => Responses.Json(HttpStatusCode.Unauthorized, """{"error":{"message":"Invalid API key.","code":"invalid_api_key"}}"""));

        var error = await Assert.ThrowsAsync<PluginTestsException>(() => client.WaitForReportAsync("demo", "my-plugin", Start, cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Single(_transport!.Requests);
    }

    [Fact]
    public async Task A_429_the_pipeline_does_not_wait_out_is_waited_out_by_the_poller()
    {
        var client = Client(i => i == 0
            ? Responses.Json(HttpStatusCode.TooManyRequests, """{"error":{"message":"Too many requests.","code":"rate_limited"}}""", ("Retry-After", "120"))
            : Reports(New));

        var waiting = client.WaitForReportAsync("demo", "my-plugin", Start, timeout: null, _statuses, Ct);
        var first = await _statuses.NextAsync(waiting);
        Assert.Equal(TimeSpan.FromSeconds(120), first.NextPollIn);
        _time.Advance(TimeSpan.FromSeconds(120));

        Assert.Equal("1-1-0-new", (await waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct)).Slug);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(120)], RequestTimes());
    }

    [Fact]
    public async Task Bad_arguments_fail_before_any_request()
    {
        var client = Client(_ => Reports(Old));

        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.WaitForReportAsync("demo", " ", Start, cancellationToken: Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.WaitForReportAsync("", "my-plugin", Start, cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.WaitForReportAsync("demo", "my-plugin", Start, TimeSpan.Zero, Ct));
        Assert.Empty(_transport!.Requests);
    }
}
