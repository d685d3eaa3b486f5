namespace PluginApis.Http.Tests;

public class RateLimitTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static RateLimitInfo Info(int? remaining, int? resetSeconds, DateTimeOffset at, int? limit = 10) => new()
    {
        Limit = limit,
        Remaining = remaining,
        Reset = resetSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
        ObservedAt = at,
    };

    [Fact]
    public void Unknown_operation_goes_at_once()
    {
        Assert.Equal(TimeSpan.Zero, new RateLimitTracker().TryAcquire("op", T0));
    }

    [Fact]
    public void Known_quota_is_counted_down_locally_then_waits_for_the_reset()
    {
        var tracker = new RateLimitTracker();
        tracker.TryAcquire("op", T0);
        tracker.Record("op", Info(2, 10, T0));

        Assert.Equal(TimeSpan.Zero, tracker.TryAcquire("op", T0));
        Assert.Equal(TimeSpan.Zero, tracker.TryAcquire("op", T0));
        Assert.Equal(TimeSpan.FromSeconds(10), tracker.TryAcquire("op", T0));
        Assert.Equal(TimeSpan.FromSeconds(4), tracker.TryAcquire("op", T0.AddSeconds(6)));
    }

    [Fact]
    public void After_the_reset_the_full_limit_is_assumed()
    {
        var tracker = new RateLimitTracker();
        tracker.Record("op", Info(0, 1, T0, limit: 3));
        Assert.Equal(TimeSpan.FromMilliseconds(500), tracker.TryAcquire("op", T0.AddMilliseconds(500)));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TimeSpan.Zero, tracker.TryAcquire("op", T0.AddSeconds(1)));
        }

        // The assumed quota is now spent but no reset is known any more: the request goes and the response teaches the tracker.
        Assert.Equal(TimeSpan.Zero, tracker.TryAcquire("op", T0.AddSeconds(1)));
    }

    [Fact]
    public void Requests_in_flight_are_subtracted_from_the_servers_remaining()
    {
        var tracker = new RateLimitTracker();
        tracker.Record("op", Info(10, 10, T0));
        for (var i = 0; i < 4; i++)
        {
            tracker.TryAcquire("op", T0);
        }

        // One of the four answers: the server counted it, three are still on their way.
        tracker.Record("op", Info(9, 10, T0));

        Assert.Equal(TimeSpan.Zero, tracker.TryAcquire("op", T0));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(TimeSpan.Zero, tracker.TryAcquire("op", T0));
        }

        Assert.True(tracker.TryAcquire("op", T0) > TimeSpan.Zero);
    }

    [Fact]
    public void In_flight_requests_the_server_already_counted_are_not_subtracted_twice()
    {
        var tracker = new RateLimitTracker();
        for (var i = 0; i < 4; i++)
        {
            tracker.TryAcquire("op", T0);
        }

        // The first answer says 4 of 10 are used: the server counted all four, three of which are still on their way back.
        tracker.Record("op", Info(6, 10, T0));

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(TimeSpan.Zero, tracker.TryAcquire("op", T0));
        }

        Assert.True(tracker.TryAcquire("op", T0) > TimeSpan.Zero);
    }

    [Fact]
    public void Within_one_window_the_earliest_reset_estimate_is_kept()
    {
        var tracker = new RateLimitTracker();
        tracker.Record("op", Info(0, 1, T0));
        tracker.Record("op", Info(0, 1, T0.AddMilliseconds(600)));

        Assert.Equal(TimeSpan.FromMilliseconds(400), tracker.TryAcquire("op", T0.AddMilliseconds(600)));
    }

    [Fact]
    public void Operations_are_tracked_separately()
    {
        var tracker = new RateLimitTracker();
        tracker.Record("slow", Info(0, 1000, T0));

        Assert.Equal(TimeSpan.Zero, tracker.TryAcquire("fast", T0));
        Assert.True(tracker.TryAcquire("slow", T0) > TimeSpan.Zero);
    }

    [Fact]
    public void The_clock_is_read_only_when_the_known_quota_is_spent()
    {
        var clock = new CountingClock(T0);
        var tracker = new RateLimitTracker();
        tracker.TryAcquire("op", clock);
        tracker.Record("op", Info(remaining: 2, resetSeconds: 10, T0));

        Assert.Equal(TimeSpan.Zero, tracker.TryAcquire("op", clock));
        Assert.Equal(TimeSpan.Zero, tracker.TryAcquire("op", clock));
        Assert.Equal(0, clock.Reads);

        // Spent: now the time decides. Before the reset it waits for the rest of the window...
        clock.Now = T0.AddSeconds(4);
        Assert.Equal(TimeSpan.FromSeconds(6), tracker.TryAcquire("op", clock));
        Assert.Equal(1, clock.Reads);

        // ...after it, the window rolled over and the full limit is assumed again.
        clock.Now = T0.AddSeconds(10);
        Assert.Equal(TimeSpan.Zero, tracker.TryAcquire("op", clock));
        Assert.Equal(2, clock.Reads);
        for (var i = 0; i < 9; i++)
        {
            Assert.Equal(TimeSpan.Zero, tracker.TryAcquire("op", clock));
        }

        Assert.Equal(2, clock.Reads);
    }

    private sealed class CountingClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public int Reads { get; private set; }

        public override DateTimeOffset GetUtcNow()
        {
            Reads++;
            return Now;
        }
    }
}
