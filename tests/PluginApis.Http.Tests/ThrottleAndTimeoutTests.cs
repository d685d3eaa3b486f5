using System.Net;

namespace PluginApis.Http.Tests;

/// <summary>The quota throttle and Polly's timeouts in the whole pipeline, on a fake clock advanced only while the call waits on it.</summary>
public class ThrottleAndTimeoutTests
{
    private const string Ok = "{\"name\":\"ok\"}";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> Stall(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return ScriptedTransport.Response(HttpStatusCode.OK, Ok);
    }

    [Fact]
    public async Task Spent_quota_holds_the_next_request_back_until_the_reset()
    {
        var (client, transport, time) = TestClients.Create();
        transport.Then(HttpStatusCode.OK, Ok, ("RateLimit-Limit", "5, 5;w=60"), ("Ratelimit-Remaining", "0"), ("Ratelimit-Reset", "5"))
            .Then(HttpStatusCode.OK, Ok, ("Ratelimit-Remaining", "4"), ("Ratelimit-Reset", "60"));
        await client.GetThingAsync(cancellationToken: Ct);

        var next = client.GetThingAsync(cancellationToken: Ct);
        Assert.Equal(TimeSpan.FromSeconds(5), await time.ParkedAsync(next));
        Assert.Single(transport.Received);

        Assert.Equal([TimeSpan.FromSeconds(5)], await time.RunAsync(next));
        await next;
        Assert.Equal(TimeSpan.FromSeconds(5), transport.Gap(1));
    }

    [Fact]
    public async Task Spent_quota_with_a_reset_above_the_cap_throws_without_sending()
    {
        var (client, transport, _) = TestClients.Create();
        transport.Then(HttpStatusCode.OK, Ok, ("Ratelimit-Remaining", "0"), ("Ratelimit-Reset", "1715"));
        await client.GetThingAsync(cancellationToken: Ct);

        var ex = await Assert.ThrowsAsync<RateLimitExceededException>(() => client.GetThingAsync(cancellationToken: Ct));

        Assert.True(ex.ThrottledLocally);
        Assert.Equal(TimeSpan.FromSeconds(1715), ex.RetryAfter);
        Assert.Single(transport.Received);
        Assert.DoesNotContain(TestClients.ApiKey, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attempt_timeout_retries_an_idempotent_call_and_then_reports_a_timeout()
    {
        var (client, transport, time) = TestClients.Create(o => { o.AttemptTimeout = TimeSpan.FromSeconds(1); o.MaxRetryAttempts = 1; });
        transport.ThenAsync(Stall).ThenAsync(Stall);

        var call = client.GetThingAsync(cancellationToken: Ct);

        // attempt 1 times out, backoff 0.8 s, attempt 2 times out.
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1)], await time.RunAsync(call));
        var ex = await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Equal(2, transport.Received.Count);
        Assert.Contains("timed out after 1 s (AttemptTimeout; 2 attempt(s))", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Total_timeout_ends_a_retry_wait_that_would_outlast_it()
    {
        var (client, transport, time) = TestClients.Create(o => o.TotalTimeout = TimeSpan.FromSeconds(5));
        transport.Then(HttpStatusCode.TooManyRequests, null, ("Retry-After", "30")).Then(HttpStatusCode.OK, Ok);

        var call = client.GetThingAsync(cancellationToken: Ct);

        Assert.Equal([TimeSpan.FromSeconds(5)], await time.RunAsync(call));
        var ex = await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Single(transport.Received);
        Assert.Contains("after 5 s (TotalTimeout", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Total_timeout_ends_a_throttle_wait_that_would_outlast_it()
    {
        var (client, transport, time) = TestClients.Create(o => o.TotalTimeout = TimeSpan.FromSeconds(5));
        transport.Then(HttpStatusCode.OK, Ok, ("Ratelimit-Remaining", "0"), ("Ratelimit-Reset", "30"));
        await client.GetThingAsync(cancellationToken: Ct);

        var call = client.GetThingAsync(cancellationToken: Ct);

        Assert.Equal([TimeSpan.FromSeconds(5)], await time.RunAsync(call));
        await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Single(transport.Received);
    }

    [Fact]
    public async Task Total_timeout_bounds_an_attempt_shorter_than_the_attempt_timeout()
    {
        var (client, transport, time) = TestClients.Create(o => { o.AttemptTimeout = TimeSpan.FromSeconds(10); o.TotalTimeout = TimeSpan.FromSeconds(3); });
        transport.ThenAsync(Stall).ThenAsync(Stall);

        var call = client.GetThingAsync(cancellationToken: Ct);

        Assert.Equal([TimeSpan.FromSeconds(3)], await time.RunAsync(call));
        var ex = await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Contains("after 3 s", ex.Message, StringComparison.Ordinal);
        Assert.Single(transport.Received);
    }

    [Fact]
    public async Task Caller_cancellation_during_an_attempt_stays_a_cancellation()
    {
        var (client, transport, time) = TestClients.Create(o => o.AttemptTimeout = TimeSpan.FromSeconds(1));
        transport.ThenAsync(Stall).ThenAsync(Stall);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var call = client.GetThingAsync(cancellationToken: cancel.Token);
        Assert.Equal(TimeSpan.FromSeconds(1), await time.ParkedAsync(call));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(transport.Received);
    }

    [Fact]
    public async Task Last_rate_limit_reflects_the_latest_response()
    {
        var (client, transport, _) = TestClients.Create();
        transport.Then(HttpStatusCode.OK, Ok, ("RateLimit-Limit", "200, 200;w=3600"), ("Ratelimit-Remaining", "198"), ("Ratelimit-Reset", "1715"));

        await client.GetThingAsync(cancellationToken: Ct);

        Assert.Equal(198, client.LastRateLimit!.Remaining);
        Assert.Equal(200, client.LastRateLimit.Limit);
        Assert.Equal(TimeSpan.FromSeconds(1715), client.LastRateLimit.Reset);
    }

    [Theory]
    [InlineData("MaxRetryAttempts")]
    [InlineData("AttemptTimeout")]
    [InlineData("BaseDelay")]
    [InlineData("MaxRateLimitWait")]
    [InlineData("TotalTimeout")]
    public void Out_of_range_resilience_options_are_refused_at_construction_naming_the_setting(string setting)
    {
        var ex = Assert.Throws<ArgumentException>(() => TestClients.Create(o =>
        {
            switch (setting)
            {
                case "MaxRetryAttempts": o.MaxRetryAttempts = -1; break;
                case "AttemptTimeout": o.AttemptTimeout = TimeSpan.FromSeconds(-2); break;
                case "BaseDelay": o.BaseDelay = TimeSpan.FromDays(2); break;
                case "MaxRateLimitWait": o.MaxRateLimitWait = TimeSpan.MaxValue; break;
                default: o.TotalTimeout = TimeSpan.FromMilliseconds(1); break;
            }
        }));

        Assert.Contains(setting, ex.Message, StringComparison.Ordinal);
    }
}
