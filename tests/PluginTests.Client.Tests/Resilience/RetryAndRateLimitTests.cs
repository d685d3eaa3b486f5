using System.Net;
using PluginApis.Http;
using RichardSzalay.MockHttp;

namespace PluginTests.Client.Tests;

/// <summary>
/// Retries, rate-limit waits and throttling on a parking clock: advanced only while the call is parked on it, by exactly the
/// wait it is parked on, so every wait is asserted exactly and nothing depends on how fast the machine is.
/// </summary>
public sealed class RetryAndRateLimitTests : IDisposable
{
    private static readonly TimeSpan RealLimit = TimeSpan.FromSeconds(15); // a hang guard for calls that must not wait at all

    private readonly Harness _h = new();

    public void Dispose() => _h.Dispose();

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private void Sequence(string relative, params Func<HttpResponseMessage>[] responses)
    {
        foreach (var response in responses)
        {
            _h.Mock.Expect(Harness.Url(relative)).Respond(_ => response());
        }
    }

    private static HttpResponseMessage Plugin() => Responses.Json(HttpStatusCode.OK, Responses.PluginJson);

    private static HttpResponseMessage TooMany(params (string, string)[] headers) =>
        Responses.Json(HttpStatusCode.TooManyRequests, """{"error":{"message":"Too many requests.","code":"rate_limit_exceeded"}}""", headers);

    private TimeSpan Gap(int first, int second) => _h.Requests[second].At - _h.Requests[first].At;

    [Fact]
    public async Task Status_429_with_Ratelimit_Reset_2_waits_2_seconds_once_then_succeeds()
    {
        Sequence("plugins/wporg/akismet", () => TooMany(("Ratelimit-Reset", "2")), Plugin);

        var call = _h.Client.GetPluginAsync("wporg", "akismet", Ct);
        Assert.Equal(TimeSpan.FromSeconds(2), await _h.Time.ParkedAsync(call));
        _h.Time.Advance(TimeSpan.FromSeconds(2) - TimeSpan.FromTicks(1));

        Assert.False(call.IsCompleted, "The retry went out before the announced reset.");
        Assert.Single(_h.Requests);

        Assert.Equal([TimeSpan.FromTicks(1)], await _h.Time.RunAsync(call));
        var plugin = await call;

        Assert.Equal("akismet", plugin.Slug);
        Assert.Equal(2, _h.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(2), Gap(0, 1));
        Assert.All(_h.Requests, r => r.AssertOnlyApiKey());
        _h.Mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task Retry_After_wins_over_Ratelimit_Reset()
    {
        Sequence("plugins/wporg/akismet", () => TooMany(("Retry-After", "1"), ("Ratelimit-Reset", "10")), Plugin);

        var call = _h.Client.GetPluginAsync("wporg", "akismet", Ct);
        Assert.Equal([TimeSpan.FromSeconds(1)], await _h.Time.RunAsync(call));
        await call;

        Assert.Equal(2, _h.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(1), Gap(0, 1));
    }

    [Fact]
    public async Task Reset_above_MaxRateLimitWait_throws_at_once_without_waiting()
    {
        Sequence("plugins/wporg/akismet", () => TooMany(("Ratelimit-Reset", "1715")));
        var before = _h.Time.GetUtcNow();

        // The clock is never advanced: the call must complete on its own.
        var ex = await Assert.ThrowsAsync<RateLimitExceededException>(() => _h.Client.GetPluginAsync("wporg", "akismet", Ct).WaitAsync(RealLimit, Ct));

        Assert.Equal(TimeSpan.FromSeconds(1715), ex.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Single(_h.Requests);
        Assert.Equal(before, _h.Time.GetUtcNow());
    }

    [Fact]
    public async Task Status_503_on_GET_is_retried_with_backoff_and_the_key_sent_once_each_time()
    {
        Sequence("plugins/wporg/akismet",
            () => Responses.Text(HttpStatusCode.ServiceUnavailable, "busy", "text/plain"),
            Plugin);

        var call = _h.Client.GetPluginAsync("wporg", "akismet", Ct);
        Assert.Equal([TimeSpan.FromMilliseconds(800)], await _h.Time.RunAsync(call)); // BaseDelay, no jitter
        var plugin = await call;

        Assert.Equal("akismet", plugin.Slug);
        Assert.Equal(2, _h.Requests.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(800), Gap(0, 1));
        Assert.All(_h.Requests, r => r.AssertOnlyApiKey());
    }

    [Fact]
    public async Task Status_503_on_DELETE_is_retried()
    {
        _h.Mock.Expect(HttpMethod.Delete, Harness.Url("user/webhooks/wh_1")).Respond(HttpStatusCode.ServiceUnavailable);
        _h.Mock.Expect(HttpMethod.Delete, Harness.Url("user/webhooks/wh_1")).Respond(HttpStatusCode.NoContent);

        var call = _h.Client.DeleteWebhookAsync("wh_1", Ct);
        Assert.Equal([TimeSpan.FromMilliseconds(800)], await _h.Time.RunAsync(call));
        await call;

        Assert.Equal(2, _h.Requests.Count);
    }

    [Fact]
    public async Task Status_503_on_EnqueueTest_is_not_resent()
    {
        _h.Mock.When(HttpMethod.Post, Harness.Url("test-queue")).Respond(HttpStatusCode.ServiceUnavailable, "application/json",
            """{"error":{"message":"Try later.","code":"unavailable"}}""");

        var call = _h.Client.EnqueueTestAsync(new EnqueueTestRequest("wporg", "akismet"), Ct);
        Assert.Empty(await _h.Time.RunAsync(call)); // no backoff: nothing is re-sent
        var ex = await Assert.ThrowsAsync<PluginTestsException>(() => call);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Single(_h.Requests);
    }

    [Fact]
    public async Task Status_503_on_CreateWebhook_is_not_resent()
    {
        _h.Mock.When(HttpMethod.Post, Harness.Url("user/webhooks")).Respond(HttpStatusCode.ServiceUnavailable);

        var call = _h.Client.CreateWebhookAsync(new Uri("https://hooks.example.com/x"), cancellationToken: Ct);
        Assert.Empty(await _h.Time.RunAsync(call));
        var ex = await Assert.ThrowsAsync<PluginTestsException>(() => call);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Single(_h.Requests);
    }

    [Fact]
    public async Task Status_429_on_EnqueueTest_is_retried_because_it_was_refused_and_the_body_is_sent_again()
    {
        _h.Mock.Expect(HttpMethod.Post, Harness.Url("test-queue")).Respond(_ => TooMany(("Ratelimit-Reset", "3")));
        _h.Mock.Expect(HttpMethod.Post, Harness.Url("test-queue")).Respond(HttpStatusCode.Created, "application/json", """{"id":"job_1"}""");

        var call = _h.Client.EnqueueTestAsync(new EnqueueTestRequest("wporg", "akismet"), Ct);
        Assert.Equal([TimeSpan.FromSeconds(3)], await _h.Time.RunAsync(call));
        var job = await call;

        Assert.Equal("job_1", job.Id);
        Assert.Equal(2, _h.Requests.Count);
        Assert.Equal(_h.Requests[0].Body, _h.Requests[1].Body);
        Assert.Contains("akismet", _h.Requests[1].Body);
        Assert.Equal(TimeSpan.FromSeconds(3), Gap(0, 1));
    }

    [Fact]
    public async Task Cancellation_is_honoured_during_a_rate_limit_wait()
    {
        Sequence("plugins/wporg/akismet", () => TooMany(("Ratelimit-Reset", "30")), Plugin);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var call = _h.Client.GetPluginAsync("wporg", "akismet", cts.Token);
        Assert.Equal(TimeSpan.FromSeconds(30), await _h.Time.ParkedAsync(call));
        _h.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(call.IsCompleted);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(RealLimit, Ct));
        Assert.Single(_h.Requests);
    }

    [Fact]
    public async Task Spent_quota_makes_the_next_call_wait_for_the_reset_before_sending()
    {
        Sequence("plugins/wporg/akismet",
            () => Responses.Json(HttpStatusCode.OK, Responses.PluginJson, ("RateLimit-Limit", "60"), ("Ratelimit-Remaining", "0"), ("Ratelimit-Reset", "5")),
            Plugin);

        await _h.Client.GetPluginAsync("wporg", "akismet", Ct);
        var second = _h.Client.GetPluginAsync("wporg", "akismet", Ct);
        Assert.Equal(TimeSpan.FromSeconds(5), await _h.Time.ParkedAsync(second));
        _h.Time.Advance(TimeSpan.FromMilliseconds(4900));

        Assert.False(second.IsCompleted, "The call was sent although the quota was known to be spent.");
        Assert.Single(_h.Requests);

        Assert.Equal([TimeSpan.FromMilliseconds(100)], await _h.Time.RunAsync(second));
        await second;

        Assert.Equal(2, _h.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(5), Gap(0, 1));
    }

    [Fact]
    public async Task Spent_quota_with_a_reset_above_MaxRateLimitWait_throws_without_sending()
    {
        Sequence("plugins/wporg/akismet",
            () => Responses.Json(HttpStatusCode.OK, Responses.PluginJson, ("Ratelimit-Remaining", "0"), ("Ratelimit-Reset", "600")));

        await _h.Client.GetPluginAsync("wporg", "akismet", Ct);
        var ex = await Assert.ThrowsAsync<RateLimitExceededException>(() => _h.Client.GetPluginAsync("wporg", "akismet", Ct).WaitAsync(RealLimit, Ct));

        Assert.True(ex.ThrottledLocally);
        Assert.Equal(TimeSpan.FromSeconds(600), ex.RetryAfter);
        Assert.Single(_h.Requests);
        Assert.DoesNotContain(Uri.EscapeDataString(Harness.ApiKey), ex.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LastRateLimit_reads_the_documented_header_example()
    {
        Sequence("user", () => Responses.Json(HttpStatusCode.OK, """{"id":"user_demo"}""",
            ("RateLimit-Limit", "200, 200;w=3600"), ("Ratelimit-Remaining", "198"), ("Ratelimit-Reset", "1715")));

        Assert.Null(_h.Client.LastRateLimit);
        await _h.Client.GetCurrentUserAsync(Ct);

        var info = _h.Client.LastRateLimit;
        Assert.NotNull(info);
        Assert.Equal(200, info.Limit);
        Assert.Equal(198, info.Remaining);
        Assert.Equal(TimeSpan.FromSeconds(1715), info.Reset);
        Assert.Equal([new RateLimitPolicy(200, TimeSpan.FromHours(1))], info.Policies);
        Assert.Equal(_h.Time.GetUtcNow() + TimeSpan.FromSeconds(1715), info.ResetsAt);
    }

    [Fact]
    public async Task LastRateLimit_is_also_set_by_an_error_response()
    {
        Sequence("plugins/wporg/nope", () => Responses.Json(HttpStatusCode.NotFound, Responses.ErrorNotFoundJson, ("Ratelimit-Remaining", "7")));

        var ex = await Assert.ThrowsAsync<PluginTestsException>(() => _h.Client.GetPluginAsync("wporg", "nope", Ct));

        Assert.Equal(7, _h.Client.LastRateLimit?.Remaining);
        Assert.Equal(7, ex.RateLimit?.Remaining);
    }
}
