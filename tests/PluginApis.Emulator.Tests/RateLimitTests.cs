using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace PluginApis.Emulator.Tests;

public sealed class RateLimitTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static Task<EmulatorHost> StartAsync(FakeTimeProvider time, int permits = 3, int windowSeconds = 10) =>
        T.StartAsync(o =>
        {
            o.TimeProvider = time;
            o.RateLimit = new EmulatorRateLimit { PermitLimit = permits, Window = TimeSpan.FromSeconds(windowSeconds) };
        });

    private static void AssertHeaders(HttpResponseMessage response, int limit, int windowSeconds, int remaining, int reset)
    {
        Assert.Equal($"{limit}, {limit};w={windowSeconds}", response.Header("RateLimit-Limit"));
        Assert.Equal(remaining.ToString(), response.Header("Ratelimit-Remaining"));
        Assert.Equal(reset.ToString(), response.Header("Ratelimit-Reset"));
    }

    [Fact]
    public async Task Every_response_carries_the_headers_success_or_error()
    {
        await using var emu = await StartAsync(new FakeTimeProvider(Start), permits: 100, windowSeconds: 60);
        using var http = T.Client(emu);

        using var ok = await http.PtGet("user");
        AssertHeaders(ok, 100, 60, 99, 60);
        using var notFound = await http.PtGet("plugins/wporg/does-not-exist");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        AssertHeaders(notFound, 100, 60, 98, 60);
        using var created = await http.PtPost("user/webhooks", """{"url":"https://example.com/h"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        AssertHeaders(created, 100, 60, 97, 60);
        var id = (await created.Json()).GetProperty("id").GetString();
        using var deleted = await http.PtDelete($"user/webhooks/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        AssertHeaders(deleted, 100, 60, 96, 60);
        using var invalid = await http.PtPost("test-queue", """{"directory":"wporg","slug":"akismet","priority":0}""");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        AssertHeaders(invalid, 100, 60, 95, 60);

        // 401s are counted in an anonymous per-address window and carry the headers too.
        using var unauthorized = await http.PtGet("user", "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        AssertHeaders(unauthorized, 100, 60, 99, 60);

        using var wu = await http.WuGet("plugins");
        AssertHeaders(wu, 100, 60, 99, 60);
        using var wuMissing = await http.WuGet("plugins/nope");
        Assert.Equal(HttpStatusCode.NotFound, wuMissing.StatusCode);
        AssertHeaders(wuMissing, 100, 60, 98, 60);
        using var tables = await http.PtGet("tablesWith10installs.json");
        AssertHeaders(tables, 100, 60, 94, 60);
    }

    [Fact]
    public async Task Over_the_limit_is_429_with_the_error_body_and_429s_count_until_the_window_resets()
    {
        var time = new FakeTimeProvider(Start);
        await using var emu = await StartAsync(time);
        using var http = T.Client(emu);

        for (var i = 1; i <= 3; i++)
        {
            using var ok = await http.PtGet("user");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            AssertHeaders(ok, 3, 10, 3 - i, 10);
        }

        time.Advance(TimeSpan.FromSeconds(2.5));
        using (var refused = await http.PtGet("user"))
        {
            await refused.ExpectPtError(HttpStatusCode.TooManyRequests, "rate_limit_exceeded");
            AssertHeaders(refused, 3, 10, 0, 8); // ceil(7.5)
            Assert.False(refused.Headers.Contains("Retry-After"));
        }

        // Refused requests are not free: the window does not reopen early, every attempt is refused until it ends.
        for (var i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            using var again = await http.PtGet("user");
            Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        }

        time.Advance(TimeSpan.FromSeconds(2.4)); // 9.9 s into the window
        using (var last = await http.PtGet("user"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
            AssertHeaders(last, 3, 10, 0, 1); // ceiling, never 0 while the window is open
        }

        Assert.Equal(7, emu.Stats.RateLimited);
        time.Advance(TimeSpan.FromSeconds(0.1));
        using var reset = await http.PtGet("user");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        AssertHeaders(reset, 3, 10, 2, 10);
    }

    [Fact]
    public async Task A_refused_post_has_no_side_effect()
    {
        var time = new FakeTimeProvider(Start);
        await using var emu = await StartAsync(time, permits: 1);
        using var http = T.Client(emu);
        using var first = await http.PtPost("test-queue", """{"directory":"wporg","slug":"akismet"}""");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using var second = await http.PtPost("test-queue", """{"directory":"wporg","slug":"akismet"}""");
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(1, emu.Stats.TestQueueJobsCreated);
    }

    [Fact]
    public async Task Error_responses_count_against_the_limit()
    {
        await using var emu = await StartAsync(new FakeTimeProvider(Start), permits: 2);
        using var http = T.Client(emu);
        using (var a = await http.PtGet("plugins/wporg/nope"))
        using (var b = await http.PtGet("plugins/wporg/nope2"))
        {
            Assert.Equal(HttpStatusCode.NotFound, b.StatusCode);
        }

        using var c = await http.PtGet("user");
        await c.ExpectPtError(HttpStatusCode.TooManyRequests, "rate_limit_exceeded");
    }

    [Fact]
    public async Task WunderUpdates_429_uses_its_error_body_and_keys_have_separate_windows()
    {
        var time = new FakeTimeProvider(Start);
        await using var emu = await StartAsync(time, permits: 2);
        using var http = T.Client(emu);
        using (await http.WuGet("plugins"))
        using (await http.WuGet("plugins"))
        {
        }

        using (var refused = await http.WuGet("plugins"))
        {
            await refused.ExpectWuError(HttpStatusCode.TooManyRequests);
            AssertHeaders(refused, 2, 10, 0, 10);
        }

        using var otherKey = await http.WuGet("plugins", EmulatorKeys.WunderUpdatesOther);
        Assert.Equal(HttpStatusCode.OK, otherKey.StatusCode);
        using var otherService = await http.PtGet("user");
        Assert.Equal(HttpStatusCode.OK, otherService.StatusCode);
    }

    [Fact]
    public async Task Per_service_overrides_retry_after_option_and_disabling()
    {
        var time = new FakeTimeProvider(Start);
        await using (var emu = await T.StartAsync(o =>
                     {
                         o.TimeProvider = time;
                         o.SendRetryAfter = true;
                         o.PluginTestsRateLimit = new EmulatorRateLimit { PermitLimit = 1, Window = TimeSpan.FromSeconds(30) };
                         o.WunderUpdatesRateLimit = new EmulatorRateLimit { PermitLimit = 500, Window = TimeSpan.FromHours(1) };
                     }))
        {
            using var http = T.Client(emu);
            using var wu = await http.WuGet("plugins");
            Assert.Equal("500, 500;w=3600", wu.Header("RateLimit-Limit"));
            using (await http.PtGet("user"))
            {
            }

            using var refused = await http.PtGet("user");
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("1, 1;w=30", refused.Header("RateLimit-Limit"));
            Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
        }

        await using var off = await T.StartAsync(o => o.EnableRateLimiting = false);
        using var client = T.Client(off);
        for (var i = 0; i < 70; i++)
        {
            using var response = await client.PtGet("user");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("RateLimit-Limit"));
        }
    }

    [Fact]
    public async Task Demo_default_is_60_per_60_seconds()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        using var response = await http.PtGet("user");
        Assert.Equal("60, 60;w=60", response.Header("RateLimit-Limit"));
        Assert.Equal("59", response.Header("Ratelimit-Remaining"));
    }
}
