using PluginApis.Http;

namespace PluginTests.Client.Tests;

public sealed class ReportPollPacerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);

    private static ReportPollPacer Pacer() => new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));

    private static RateLimitInfo Quota(int remaining, int resetSeconds, DateTimeOffset observedAt) =>
        new() { Limit = 60, Remaining = remaining, Reset = TimeSpan.FromSeconds(resetSeconds), ObservedAt = observedAt };

    [Fact]
    public void Without_rate_limit_headers_the_pause_starts_at_the_floor_and_grows_by_half_up_to_the_cap()
    {
        var pacer = Pacer();

        var pauses = Enumerable.Range(0, 10).Select(_ => pacer.Next(null, Now).TotalSeconds).ToArray();

        Assert.Equal([2, 3, 4.5, 6.75, 10.125, 15.1875, 22.78125, 30, 30, 30], pauses);
    }

    [Fact]
    public void A_quarter_of_the_requests_left_is_spread_evenly_until_the_reset()
    {
        var pacer = Pacer();

        // 59 left, reset in 60 s: a quarter is 14 polls, one every 60/14 s.
        Assert.Equal(TimeSpan.FromSeconds(60) / 14, pacer.Next(Quota(59, 60, Now), Now));
    }

    [Fact]
    public void With_less_than_four_requests_left_the_next_poll_waits_for_the_reset_plus_a_margin()
    {
        var pacer = Pacer();

        Assert.Equal(TimeSpan.FromSeconds(41), pacer.Next(Quota(3, 40, Now), Now));
    }

    [Fact]
    public void The_quota_lengthens_a_pause_beyond_the_cap_but_only_up_to_the_reset()
    {
        var pacer = Pacer();

        // 8 left for the next 200 s: a share of 2 polls, 100 s apart (more than the 30 s cap).
        Assert.Equal(TimeSpan.FromSeconds(100), pacer.Next(Quota(8, 200, Now), Now));
    }

    [Fact]
    public void The_share_of_a_window_is_fixed_when_the_window_is_first_seen()
    {
        var pacer = Pacer();

        // First look: 40 left, 1000 s to go → a budget of 10 polls, 100 s apart.
        Assert.Equal(TimeSpan.FromSeconds(100), pacer.Next(Quota(40, 1000, Now), Now));
        // The budget keeps them 100 s apart; a share of what is left at each poll would shrink the pause (600 s / 9 at poll 4).
        for (var poll = 1; poll <= 9; poll++)
        {
            var t = Now.AddSeconds(100 * poll);
            Assert.Equal(TimeSpan.FromSeconds(100), pacer.Next(Quota(40 - poll, 1000 - (100 * poll), t), t));
        }
    }

    [Fact]
    public void A_spent_window_budget_waits_for_the_reset_even_with_requests_left()
    {
        var pacer = Pacer();

        Assert.Equal(TimeSpan.FromSeconds(50), pacer.Next(Quota(4, 50, Now), Now));
        var t = Now.AddSeconds(10);
        Assert.Equal(TimeSpan.FromSeconds(41), pacer.Next(Quota(30, 40, t), t));
    }

    [Fact]
    public void Each_announced_policy_gets_at_most_a_quarter_of_its_quota_per_window()
    {
        var pacer = Pacer();
        var info = new RateLimitInfo { Limit = 10, Policies = [new RateLimitPolicy(10, TimeSpan.FromSeconds(1)), new RateLimitPolicy(20, TimeSpan.FromSeconds(60))], ObservedAt = Now };

        // 20 per minute: 5 polls per minute at most, 12 s apart; 10 per second allows more.
        Assert.Equal(TimeSpan.FromSeconds(12), pacer.Next(info, Now));
    }

    [Fact]
    public void A_retry_after_is_waited_out_from_when_it_was_received()
    {
        var pacer = Pacer();
        var info = new RateLimitInfo { RetryAfter = TimeSpan.FromSeconds(50), ObservedAt = Now };

        Assert.Equal(TimeSpan.FromSeconds(45), pacer.Next(info, Now.AddSeconds(5)));
    }

    [Theory]
    [InlineData(60, 60, 7)]
    [InlineData(10, 10, 3)]
    [InlineData(200, 3600, 11)]
    [InlineData(5, 60, 13)]
    public void Against_a_fixed_window_server_polling_never_exhausts_the_quota_nor_takes_more_than_its_share(int quota, int windowSeconds, int seed)
    {
        // A fixed-window server shared with another client that spends a random part of each window.
        var random = new Random(seed);
        var pacer = Pacer();
        var window = TimeSpan.FromSeconds(windowSeconds);
        var t = Now;
        var windowStart = Now;
        var left = quota;
        var ours = 0;
        var leftAtOurFirstPoll = -1;
        for (var poll = 0; poll < 2000; poll++)
        {
            while (t >= windowStart + window)
            {
                windowStart += window;
                left = quota;
                ours = 0;
                leftAtOurFirstPoll = -1;
            }

            left -= random.Next(0, Math.Max(1, left / 3));
            Assert.True(left >= 1, $"poll {poll} at {t - Now} would have been refused (429)");
            left--;
            ours++;
            if (leftAtOurFirstPoll < 0)
            {
                leftAtOurFirstPoll = left;
            }

            Assert.True(ours - 1 <= Math.Max(0, leftAtOurFirstPoll) / 4, $"{ours} polls in one window of {quota}");
            var reset = windowStart + window - t;
            var resetSeconds = (int)Math.Ceiling(reset.TotalSeconds);
            var pause = pacer.Next(new RateLimitInfo { Limit = quota, Remaining = left, Reset = TimeSpan.FromSeconds(resetSeconds), ObservedAt = t }, t);
            Assert.True(pause >= TimeSpan.FromSeconds(2));
            t += pause;
        }
    }
}
