using System.Net;
using System.Text;

namespace PluginApis.Http.Tests;

public class ResilienceTests
{
    private const string Ok = "{\"name\":\"ok\"}";

    [Fact]
    public async Task Status_429_with_ratelimit_reset_waits_that_long_once_then_succeeds()
    {
        var (connection, transport, time) = TestClients.Create();
        transport.Then(HttpStatusCode.TooManyRequests, null, ("Ratelimit-Reset", "2")).Then(HttpStatusCode.OK, Ok);

        var call = connection.SendAsync(TestClients.Get(), TestClients.ThingInfo, TestContext.Current.CancellationToken);
        await time.AdvanceBy(TimeSpan.FromMilliseconds(1900));
        Assert.False(call.IsCompleted);
        Assert.Single(transport.Received);

        await time.AdvanceUntilDone(call, TimeSpan.FromSeconds(5));
        Assert.Equal("ok", (await call).Name);
        Assert.Equal(2, transport.Received.Count);
        var waited = transport.Received[1].At - transport.Received[0].At;
        Assert.InRange(waited, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.9));
    }

    [Fact]
    public async Task Retry_after_wins_over_ratelimit_reset()
    {
        var (connection, transport, time) = TestClients.Create();
        transport.Then(HttpStatusCode.TooManyRequests, null, ("Retry-After", "1"), ("Ratelimit-Reset", "30")).Then(HttpStatusCode.OK, Ok);

        var call = connection.SendAsync(TestClients.Get(), TestClients.ThingInfo, TestContext.Current.CancellationToken);
        await time.AdvanceUntilDone(call, TimeSpan.FromSeconds(40));

        await call;
        Assert.InRange(transport.Received[1].At - transport.Received[0].At, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.9));
    }

    [Fact]
    public async Task Retry_after_as_http_date_is_honoured()
    {
        var (connection, transport, time) = TestClients.Create();
        transport.Then(r => ScriptedTransport.Response(HttpStatusCode.TooManyRequests, null, ("Retry-After", time.GetUtcNow().AddSeconds(3).ToString("r"))))
            .Then(HttpStatusCode.OK, Ok);

        var call = connection.SendAsync(TestClients.Get(), TestClients.ThingInfo, TestContext.Current.CancellationToken);
        await time.AdvanceUntilDone(call, TimeSpan.FromSeconds(10));

        await call;
        Assert.InRange(transport.Received[1].At - transport.Received[0].At, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3.9));
    }

    [Fact]
    public async Task Reset_above_the_cap_throws_at_once_without_waiting()
    {
        var (connection, transport, _) = TestClients.Create(o => o.MaxRateLimitWait = TimeSpan.FromSeconds(60));
        transport.Then(HttpStatusCode.TooManyRequests, "{\"message\":\"slow down\"}", ("Ratelimit-Reset", "1715"));

        var ex = await Assert.ThrowsAsync<RateLimitExceededException>(() => connection.SendAsync(TestClients.Get(), TestClients.ThingInfo, TestContext.Current.CancellationToken));

        Assert.Single(transport.Received);
        Assert.Equal(TimeSpan.FromSeconds(1715), ex.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.False(ex.ThrottledLocally);
    }

    [Fact]
    public async Task Status_429_without_headers_backs_off_exponentially_and_gives_up_after_max_retries()
    {
        var (connection, transport, time) = TestClients.Create(o => o.MaxRetryAttempts = 2);
        transport.Then(HttpStatusCode.TooManyRequests).Then(HttpStatusCode.TooManyRequests).Then(HttpStatusCode.TooManyRequests);

        var call = connection.SendAsync(TestClients.Get(), TestClients.ThingInfo, TestContext.Current.CancellationToken);
        await time.AdvanceUntilDone(call, TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<RateLimitExceededException>(() => call);
        Assert.Equal(3, transport.Received.Count);
        Assert.InRange(transport.Received[1].At - transport.Received[0].At, TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1.55));
        Assert.InRange(transport.Received[2].At - transport.Received[1].At, TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2.35));
    }

    [Fact]
    public async Task Status_503_on_get_is_retried()
    {
        var (connection, transport, time) = TestClients.Create();
        transport.Then(HttpStatusCode.ServiceUnavailable, "<html>down</html>").Then(HttpStatusCode.OK, Ok);

        var call = connection.SendAsync(TestClients.Get(), TestClients.ThingInfo, TestContext.Current.CancellationToken);
        await time.AdvanceUntilDone(call, TimeSpan.FromSeconds(10));

        Assert.Equal("ok", (await call).Name);
        Assert.Equal(2, transport.Received.Count);
    }

    [Fact]
    public async Task Status_503_on_post_is_not_resent()
    {
        var (connection, transport, time) = TestClients.Create();
        transport.Then(HttpStatusCode.ServiceUnavailable, "<html>down</html>").Then(HttpStatusCode.OK, Ok);
        var request = new ApiRequest(HttpMethod.Post, "things", "CreateThing") { ContentFactory = () => new StringContent("{}") };

        var call = connection.SendAsync(request, TestClients.ThingInfo, TestContext.Current.CancellationToken);
        await time.AdvanceUntilDone(call, TimeSpan.FromSeconds(10));

        var ex = await Assert.ThrowsAsync<ApiException>(() => call);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal("<html>down</html>", ex.ResponseBody);
        Assert.Single(transport.Received);
    }

    [Fact]
    public async Task Status_429_on_post_is_retried_because_it_was_not_processed()
    {
        var (connection, transport, time) = TestClients.Create();
        transport.Then(HttpStatusCode.TooManyRequests, null, ("Ratelimit-Reset", "1")).Then(HttpStatusCode.OK, Ok);
        var request = new ApiRequest(HttpMethod.Post, "things", "CreateThing") { ContentFactory = () => new StringContent("{\"a\":1}") };

        var call = connection.SendAsync(request, TestClients.ThingInfo, TestContext.Current.CancellationToken);
        await time.AdvanceUntilDone(call, TimeSpan.FromSeconds(10));

        await call;
        Assert.Equal(2, transport.Received.Count);
        Assert.All(transport.Received, r => Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(r.Body!)));
    }

    [Fact]
    public async Task Connection_failure_on_get_is_retried_but_not_on_post()
    {
        var (connection, transport, time) = TestClients.Create();
        transport.Then(_ => throw new HttpRequestException("connection reset")).Then(HttpStatusCode.OK, Ok)
            .Then(_ => throw new HttpRequestException("connection reset"));

        var get = connection.SendAsync(TestClients.Get(), TestClients.ThingInfo, TestContext.Current.CancellationToken);
        await time.AdvanceUntilDone(get, TimeSpan.FromSeconds(10));
        await get;

        var post = connection.SendAsync(new ApiRequest(HttpMethod.Post, "things", "CreateThing"), TestClients.ThingInfo, TestContext.Current.CancellationToken);
        await time.AdvanceUntilDone(post, TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<HttpRequestException>(() => post);
        Assert.Equal(3, transport.Received.Count);
    }

    [Fact]
    public async Task Body_is_rebuilt_for_every_attempt()
    {
        var (connection, transport, time) = TestClients.Create();
        transport.Then(HttpStatusCode.BadGateway).Then(HttpStatusCode.OK, Ok);
        var built = 0;
        var request = new ApiRequest(HttpMethod.Put, "things/1", "PutThing")
        {
            ContentFactory = () => { built++; return new StreamContent(new MemoryStream("payload"u8.ToArray())); },
        };

        var call = connection.SendAsync(request, TestClients.ThingInfo, TestContext.Current.CancellationToken);
        await time.AdvanceUntilDone(call, TimeSpan.FromSeconds(10));
        await call;

        Assert.Equal(2, built);
        Assert.All(transport.Received, r => Assert.Equal("payload", Encoding.UTF8.GetString(r.Body!)));
    }

    [Fact]
    public async Task Non_replayable_body_is_sent_once_and_the_error_says_why()
    {
        var (connection, transport, time) = TestClients.Create();
        transport.Then(HttpStatusCode.TooManyRequests, null, ("Ratelimit-Reset", "1")).Then(HttpStatusCode.OK, Ok);
        var request = new ApiRequest(HttpMethod.Put, "things/1", "PutThing") { IsReplayable = false, ContentFactory = () => new StringContent("once") };

        var call = connection.SendAsync(request, TestClients.ThingInfo, TestContext.Current.CancellationToken);
        await time.AdvanceUntilDone(call, TimeSpan.FromSeconds(5));

        var ex = await Assert.ThrowsAsync<RateLimitExceededException>(() => call);
        Assert.Single(transport.Received);
        Assert.Contains("non-seekable stream", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_is_honoured_during_a_rate_limit_wait()
    {
        var (connection, transport, time) = TestClients.Create();
        transport.Then(HttpStatusCode.TooManyRequests, null, ("Ratelimit-Reset", "30")).Then(HttpStatusCode.OK, Ok);
        using var cts = new CancellationTokenSource();

        var call = connection.SendAsync(TestClients.Get(), TestClients.ThingInfo, cts.Token);
        await time.AdvanceBy(TimeSpan.FromSeconds(1));
        Assert.False(call.IsCompleted);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(transport.Received);
    }

    [Fact]
    public async Task Spent_quota_holds_the_next_request_back_until_the_reset()
    {
        var (connection, transport, time) = TestClients.Create();
        transport.Then(HttpStatusCode.OK, Ok, ("RateLimit-Limit", "5, 5;w=60"), ("Ratelimit-Remaining", "0"), ("Ratelimit-Reset", "5"))
            .Then(HttpStatusCode.OK, Ok, ("Ratelimit-Remaining", "4"), ("Ratelimit-Reset", "60"));
        await connection.SendAsync(TestClients.Get(), TestClients.ThingInfo, TestContext.Current.CancellationToken);

        var next = connection.SendAsync(TestClients.Get(), TestClients.ThingInfo, TestContext.Current.CancellationToken);
        await time.AdvanceBy(TimeSpan.FromSeconds(4.5));
        Assert.Single(transport.Received);

        await time.AdvanceUntilDone(next, TimeSpan.FromSeconds(2));
        await next;
        Assert.InRange(transport.Received[1].At - transport.Received[0].At, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5.9));
    }

    [Fact]
    public async Task Spent_quota_with_a_reset_above_the_cap_throws_without_sending()
    {
        var (connection, transport, _) = TestClients.Create();
        transport.Then(HttpStatusCode.OK, Ok, ("Ratelimit-Remaining", "0"), ("Ratelimit-Reset", "1715"));
        await connection.SendAsync(TestClients.Get(), TestClients.ThingInfo, TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<RateLimitExceededException>(() => connection.SendAsync(TestClients.Get(), TestClients.ThingInfo, TestContext.Current.CancellationToken));

        Assert.True(ex.ThrottledLocally);
        Assert.Equal(TimeSpan.FromSeconds(1715), ex.RetryAfter);
        Assert.Single(transport.Received);
        Assert.DoesNotContain(TestClients.ApiKey, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attempt_timeout_retries_an_idempotent_call_and_then_reports_a_timeout()
    {
        var (connection, transport, time) = TestClients.Create(o => { o.AttemptTimeout = TimeSpan.FromSeconds(1); o.MaxRetryAttempts = 1; });
        static async Task<HttpResponseMessage> Stall(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return ScriptedTransport.Response(HttpStatusCode.OK, Ok);
        }

        transport.ThenAsync(Stall).ThenAsync(Stall);

        var call = connection.SendAsync(TestClients.Get(), TestClients.ThingInfo, TestContext.Current.CancellationToken);
        await time.AdvanceUntilDone(call, TimeSpan.FromSeconds(20));

        await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Equal(2, transport.Received.Count);
    }

    [Fact]
    public async Task Total_timeout_ends_a_retry_wait_that_would_outlast_it()
    {
        var (connection, transport, time) = TestClients.Create(o => o.TotalTimeout = TimeSpan.FromSeconds(5));
        transport.Then(HttpStatusCode.TooManyRequests, null, ("Retry-After", "30")).Then(HttpStatusCode.OK, Ok);

        var call = connection.SendAsync(TestClients.Get(), TestClients.ThingInfo, TestContext.Current.CancellationToken);
        var elapsed = await time.AdvanceUntilDone(call, TimeSpan.FromSeconds(40));

        await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Single(transport.Received);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5.9));
    }

    [Fact]
    public async Task Total_timeout_ends_a_throttle_wait_that_would_outlast_it()
    {
        var (connection, transport, time) = TestClients.Create(o => o.TotalTimeout = TimeSpan.FromSeconds(5));
        transport.Then(HttpStatusCode.OK, Ok, ("Ratelimit-Remaining", "0"), ("Ratelimit-Reset", "30"));
        await connection.SendAsync(TestClients.Get(), TestClients.ThingInfo, TestContext.Current.CancellationToken);

        var call = connection.SendAsync(TestClients.Get(), TestClients.ThingInfo, TestContext.Current.CancellationToken);
        var elapsed = await time.AdvanceUntilDone(call, TimeSpan.FromSeconds(40));

        await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Single(transport.Received);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5.9));
    }

    [Fact]
    public async Task Total_timeout_bounds_an_attempt_shorter_than_the_attempt_timeout()
    {
        var (connection, transport, time) = TestClients.Create(o => { o.AttemptTimeout = TimeSpan.FromSeconds(10); o.TotalTimeout = TimeSpan.FromSeconds(3); });
        static async Task<HttpResponseMessage> Stall(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return ScriptedTransport.Response(HttpStatusCode.OK, Ok);
        }

        transport.ThenAsync(Stall).ThenAsync(Stall);

        var call = connection.SendAsync(TestClients.Get(), TestClients.ThingInfo, TestContext.Current.CancellationToken);
        var elapsed = await time.AdvanceUntilDone(call, TimeSpan.FromSeconds(20));

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Contains("after 3 s", ex.Message, StringComparison.Ordinal);
        Assert.Single(transport.Received);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3.9));
    }

    [Fact]
    public async Task Caller_cancellation_during_an_attempt_stays_a_cancellation()
    {
        var (connection, transport, _) = TestClients.Create(o => o.AttemptTimeout = TimeSpan.FromSeconds(1));
        static async Task<HttpResponseMessage> Stall(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return ScriptedTransport.Response(HttpStatusCode.OK, Ok);
        }

        transport.ThenAsync(Stall).ThenAsync(Stall);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var call = connection.SendAsync(TestClients.Get(), TestClients.ThingInfo, cancel.Token);
        await Task.Delay(20, TestContext.Current.CancellationToken);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(transport.Received);
    }

    [Fact]
    public async Task Last_rate_limit_reflects_the_latest_response()
    {
        var (connection, transport, _) = TestClients.Create();
        transport.Then(HttpStatusCode.OK, Ok, ("RateLimit-Limit", "200, 200;w=3600"), ("Ratelimit-Remaining", "198"), ("Ratelimit-Reset", "1715"));

        await connection.SendAsync(TestClients.Get(), TestClients.ThingInfo, TestContext.Current.CancellationToken);

        Assert.Equal(198, connection.LastRateLimit!.Remaining);
        Assert.Equal(200, connection.LastRateLimit.Limit);
        Assert.Equal(TimeSpan.FromSeconds(1715), connection.LastRateLimit.Reset);
    }

    [Fact]
    public void Invalid_resilience_options_are_refused_with_the_setting_named()
    {
        var options = new ApiResilienceOptions { MaxRetryAttempts = -1, AttemptTimeout = TimeSpan.FromSeconds(-2) };

        var ex = Assert.Throws<ArgumentException>(() => new ResilienceHandler(options, new RateLimitTracker()));

        Assert.Contains("MaxRetryAttempts", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AttemptTimeout", ex.Message, StringComparison.Ordinal);
    }
}
