using PluginApis.Http;

namespace PluginApis.Quota.Redis.Tests;

/// <summary>The parts that need no Redis: what a response tells the schedule, and the per-process fallback share.</summary>
public sealed class LocalPacingTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Whole_second_resets_may_end_a_second_early_and_retry_after_is_kept()
    {
        var observed = ObservedQuota.From(Quota.Announced(60, TimeSpan.FromSeconds(60), 0, TimeSpan.FromSeconds(7), true, TimeSpan.FromSeconds(3)), TimeSpan.FromSeconds(60));

        Assert.Equal("60:60000", observed.Policy);
        Assert.Equal(0, observed.Remaining);
        Assert.Equal(6_000_000, observed.EarliestResetUs);
        Assert.Equal(7_000_000, observed.LatestResetUs);
        Assert.Equal(3_000_000, observed.RetryAfterUs);
        Assert.True(observed.RateLimited);
    }

    [Fact]
    public void No_response_tells_nothing_but_a_limit_alone_takes_the_default_window()
    {
        Assert.Equal(string.Empty, ObservedQuota.From(QuotaObservation.NoResponse, TimeSpan.FromSeconds(60)).Policy);
        Assert.Equal(-1, ObservedQuota.From(QuotaObservation.NoResponse, TimeSpan.FromSeconds(60)).Remaining);
        Assert.Equal("200:30000", ObservedQuota.PolicyOf(new RateLimitInfo { Limit = 200 }, TimeSpan.FromSeconds(30)));
        Assert.Null(ObservedQuota.PolicyOf(new RateLimitInfo { Remaining = 3 }, TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData(60, 60, 4, 4.0)]       // 15 each: one per 4 s
    [InlineData(60, 2, 16, 2.0 / 3)]   // 3 each (48 of 60): one per 0.67 s
    [InlineData(60, 60, 100, 100.0)]   // fewer requests than processes: an even share of 0.6 per window each
    public void Each_process_falls_back_to_whole_requests_of_its_share(int limit, int windowSeconds, int processes, double seconds)
    {
        var spacing = FallbackPacer.Spacing(limit, TimeSpan.FromSeconds(windowSeconds), processes, 0);
        Assert.Equal(TimeSpan.FromSeconds(seconds).TotalMilliseconds, spacing.TotalMilliseconds, 3);
        Assert.True(processes * Math.Min(1, windowSeconds / spacing.TotalSeconds) <= limit || processes * Math.Ceiling(windowSeconds / spacing.TotalSeconds) <= limit,
            "the fleet stays within the limit");
    }

    [Fact]
    public void The_fallback_starts_one_spacing_after_the_last_shared_slot_and_pauses_on_a_429()
    {
        var pacer = new FallbackPacer();
        var spacing = TimeSpan.FromSeconds(4);

        Assert.Equal((false, TimeSpan.FromSeconds(10)), pacer.Reserve(Now, spacing, 1, Now + TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), TimeSpan.Zero));
        Assert.Equal((true, TimeSpan.FromSeconds(10)), pacer.Reserve(Now, spacing, 1, Now + TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60)));
        Assert.Equal((true, TimeSpan.FromSeconds(14)), pacer.Reserve(Now, spacing, 1, null, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60)));

        pacer.PauseUntil(Now + TimeSpan.FromSeconds(40));
        Assert.True(pacer.IsPaused(Now + TimeSpan.FromSeconds(39)));
        Assert.Equal((true, TimeSpan.FromSeconds(40)), pacer.Reserve(Now, spacing, 1, null, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60)));

        // A new outage starts afresh: at once when no shared slot was ever seen.
        Assert.Equal((true, TimeSpan.Zero), new FallbackPacer().Reserve(Now, spacing, 2, null, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60)));
    }
}
