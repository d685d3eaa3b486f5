using System.Net;
using System.Text;

namespace PluginApis.Http.Tests;

/// <summary>The retry strategy in the whole pipeline: which outcomes are retried, and after exactly which wait (fake clock).</summary>
public class RetryTests
{
    private const string Ok = "{\"name\":\"ok\"}";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Status_429_with_ratelimit_reset_waits_that_long_once_then_succeeds()
    {
        var (client, transport, time) = TestClients.Create();
        transport.Then(HttpStatusCode.TooManyRequests, null, ("Ratelimit-Reset", "2")).Then(HttpStatusCode.OK, Ok);

        var call = client.GetThingAsync(cancellationToken: Ct);

        Assert.Equal([TimeSpan.FromSeconds(2)], await time.RunAsync(call));
        Assert.Equal("ok", (await call).Name);
        Assert.Equal(2, transport.Received.Count);
        Assert.Equal(TimeSpan.FromSeconds(2), transport.Gap(1));
    }

    [Fact]
    public async Task Retry_after_wins_over_ratelimit_reset()
    {
        var (client, transport, time) = TestClients.Create();
        transport.Then(HttpStatusCode.TooManyRequests, null, ("Retry-After", "1"), ("Ratelimit-Reset", "30")).Then(HttpStatusCode.OK, Ok);

        var call = client.GetThingAsync(cancellationToken: Ct);
        await time.RunAsync(call);

        await call;
        Assert.Equal(TimeSpan.FromSeconds(1), transport.Gap(1));
    }

    [Fact]
    public async Task Retry_after_as_http_date_is_honoured()
    {
        var (client, transport, time) = TestClients.Create();
        transport.Then(_ => ScriptedTransport.Response(HttpStatusCode.TooManyRequests, null, ("Retry-After", time.GetUtcNow().AddSeconds(3).ToString("r"))))
            .Then(HttpStatusCode.OK, Ok);

        var call = client.GetThingAsync(cancellationToken: Ct);
        await time.RunAsync(call);

        await call;
        Assert.Equal(TimeSpan.FromSeconds(3), transport.Gap(1));
    }

    [Fact]
    public async Task Reset_above_the_cap_throws_at_once_without_waiting()
    {
        var (client, transport, time) = TestClients.Create(o => o.MaxRateLimitWait = TimeSpan.FromSeconds(60));
        transport.Then(HttpStatusCode.TooManyRequests, "{\"message\":\"slow down\"}", ("Ratelimit-Reset", "1715"));

        var ex = await Assert.ThrowsAsync<RateLimitExceededException>(() => client.GetThingAsync(cancellationToken: Ct));

        Assert.Single(transport.Received);
        Assert.Empty(time.Pending);
        Assert.Equal(TimeSpan.FromSeconds(1715), ex.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.False(ex.ThrottledLocally);
    }

    [Fact]
    public async Task Status_429_without_headers_backs_off_exponentially_and_gives_up_after_max_retries()
    {
        var (client, transport, time) = TestClients.Create(o => o.MaxRetryAttempts = 2);
        transport.Then(HttpStatusCode.TooManyRequests).Then(HttpStatusCode.TooManyRequests).Then(HttpStatusCode.TooManyRequests);

        var call = client.GetThingAsync(cancellationToken: Ct);

        Assert.Equal([TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1.6)], await time.RunAsync(call));
        await Assert.ThrowsAsync<RateLimitExceededException>(() => call);
        Assert.Equal(3, transport.Received.Count);
    }

    [Fact]
    public async Task Status_503_on_get_is_retried()
    {
        var (client, transport, time) = TestClients.Create();
        transport.Then(HttpStatusCode.ServiceUnavailable, "<html>down</html>").Then(HttpStatusCode.OK, Ok);

        var call = client.GetThingAsync(cancellationToken: Ct);
        await time.RunAsync(call);

        Assert.Equal("ok", (await call).Name);
        Assert.Equal(2, transport.Received.Count);
    }

    [Fact]
    public async Task Status_503_on_post_is_not_resent()
    {
        var (client, transport, time) = TestClients.Create();
        transport.Then(HttpStatusCode.ServiceUnavailable, "<html>down</html>").Then(HttpStatusCode.OK, Ok);

        var call = client.CreateThingAsync(() => Json("{}"), cancellationToken: Ct);
        await time.RunAsync(call);

        var ex = await Assert.ThrowsAsync<ApiException>(() => call);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal("<html>down</html>", ex.ResponseBody);
        Assert.Single(transport.Received);
    }

    [Fact]
    public async Task Status_429_on_post_is_retried_because_it_was_not_processed()
    {
        var (client, transport, time) = TestClients.Create();
        transport.Then(HttpStatusCode.TooManyRequests, null, ("Ratelimit-Reset", "1")).Then(HttpStatusCode.OK, Ok);

        var call = client.CreateThingAsync(() => Json("{\"a\":1}"), cancellationToken: Ct);
        await time.RunAsync(call);

        await call;
        Assert.Equal(2, transport.Received.Count);
        Assert.All(transport.Received, r => Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(r.Body!)));
    }

    [Fact]
    public async Task Connection_failure_on_get_is_retried_but_not_on_post()
    {
        var (client, transport, time) = TestClients.Create();
        transport.Then(_ => throw new HttpRequestException("connection reset")).Then(HttpStatusCode.OK, Ok)
            .Then(_ => throw new HttpRequestException("connection reset"));

        var get = client.GetThingAsync(cancellationToken: Ct);
        Assert.Equal([TimeSpan.FromSeconds(0.8)], await time.RunAsync(get));
        await get;

        var post = client.CreateThingAsync(() => Json("{}"), cancellationToken: Ct);
        Assert.Empty(await time.RunAsync(post));
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => post);
        Assert.Equal(3, transport.Received.Count);
        Assert.Contains("Test.CreateThing: POST https://api.example.test/v1/things failed after 1 attempt(s): connection reset", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.ApiKey, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_is_rebuilt_for_every_attempt()
    {
        var (client, transport, time) = TestClients.Create();
        transport.Then(HttpStatusCode.TooManyRequests, null, ("Retry-After", "1")).Then(HttpStatusCode.OK, Ok);
        var built = 0;

        var call = client.CreateThingAsync(() => { built++; return new StreamContent(new MemoryStream("payload"u8.ToArray())); }, cancellationToken: Ct);
        await time.RunAsync(call);
        await call;

        Assert.Equal(2, built);
        Assert.All(transport.Received, r => Assert.Equal("payload", Encoding.UTF8.GetString(r.Body!)));
    }

    [Fact]
    public async Task Non_replayable_body_is_sent_once_and_the_error_says_why()
    {
        var (client, transport, time) = TestClients.Create();
        transport.Then(HttpStatusCode.TooManyRequests, null, ("Ratelimit-Reset", "1")).Then(HttpStatusCode.OK, Ok);

        var call = client.CreateThingAsync(() => new StringContent("once"), replayable: false, cancellationToken: Ct);
        Assert.Empty(await time.RunAsync(call));

        var ex = await Assert.ThrowsAsync<RateLimitExceededException>(() => call);
        Assert.Single(transport.Received);
        Assert.Contains("non-seekable stream", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_is_honoured_during_a_rate_limit_wait()
    {
        var (client, transport, time) = TestClients.Create();
        transport.Then(HttpStatusCode.TooManyRequests, null, ("Ratelimit-Reset", "30")).Then(HttpStatusCode.OK, Ok);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var call = client.GetThingAsync(cancellationToken: cts.Token);
        Assert.Equal(TimeSpan.FromSeconds(30), await time.ParkedAsync(call));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(call.IsCompleted);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(transport.Received);
        Assert.Empty(time.Pending);
    }
}
