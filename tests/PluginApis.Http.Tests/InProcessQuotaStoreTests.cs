// The in-process store completes every ValueTask synchronously; the helpers assert that before reading the result.
#pragma warning disable CA2012

namespace PluginApis.Http.Tests;

/// <summary>The default quota store on its own, with a fake clock.</summary>
public class InProcessQuotaStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly QuotaScope Op = new("Test", "key-id", "op", QuotaLane.Interactive);
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    private static RateLimitInfo Info(int? remaining, int? resetSeconds, DateTimeOffset at, int? limit = 10, int? retryAfter = null) => new()
    {
        Limit = limit,
        Remaining = remaining,
        Reset = resetSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
        RetryAfter = retryAfter is { } r ? TimeSpan.FromSeconds(r) : null,
        ObservedAt = at,
    };

    private static (InProcessQuotaStore Store, Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock) Create()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(T0);
        return (new InProcessQuotaStore(clock), clock);
    }

    // The in-process store answers synchronously: every call below completes before it returns.
    private static QuotaGrant Acquire(InProcessQuotaStore store, QuotaScope? scope = null, TimeSpan? maxWait = null)
    {
        var task = store.AcquireAsync(scope ?? Op, maxWait ?? MaxWait, CancellationToken.None);
        Assert.True(task.IsCompletedSuccessfully);
        return task.Result;
    }

    private static void Answer(InProcessQuotaStore store, QuotaGrant grant, RateLimitInfo? info, bool rateLimited = false, QuotaScope? scope = null) =>
        Assert.True(store.RecordAsync(scope ?? Op, grant, new QuotaObservation(info, rateLimited), CancellationToken.None).IsCompletedSuccessfully);

    private static void Release(InProcessQuotaStore store, QuotaGrant grant) =>
        Assert.True(store.ReleaseAsync(Op, grant, CancellationToken.None).IsCompletedSuccessfully);

    [Fact]
    public void Unknown_operation_goes_at_once()
    {
        var (store, _) = Create();
        Assert.Equal(QuotaGrant.Now, Acquire(store));
    }

    [Fact]
    public void Known_quota_is_counted_down_locally_then_waits_for_the_reset()
    {
        var (store, clock) = Create();
        Answer(store, Acquire(store), Info(2, 10, T0));

        Assert.True(Acquire(store).Reserved);
        Assert.True(Acquire(store).Reserved);
        Assert.Equal(QuotaGrant.AskAgainAfter(TimeSpan.FromSeconds(10)), Acquire(store));
        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(QuotaGrant.AskAgainAfter(TimeSpan.FromSeconds(4)), Acquire(store));
    }

    [Fact]
    public void After_the_reset_the_full_limit_is_assumed()
    {
        var (store, clock) = Create();
        Answer(store, Acquire(store), Info(0, 1, T0, limit: 3));
        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(TimeSpan.FromMilliseconds(500), Acquire(store).Delay);

        clock.Advance(TimeSpan.FromMilliseconds(500));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(QuotaGrant.Now, Acquire(store));
        }

        // The assumed quota is spent but no reset is known any more: the request goes and the response teaches the store.
        Assert.Equal(QuotaGrant.Now, Acquire(store));
    }

    [Fact]
    public void Requests_in_flight_are_subtracted_from_the_servers_remaining()
    {
        var (store, _) = Create();
        Answer(store, Acquire(store), Info(10, 10, T0));
        var grants = Enumerable.Range(0, 4).Select(_ => Acquire(store)).ToList();

        // One of the four answers: the server counted it, three are still on their way.
        Answer(store, grants[0], Info(9, 10, T0));

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(QuotaGrant.Now, Acquire(store));
        }

        Assert.False(Acquire(store).Reserved);
    }

    [Fact]
    public void In_flight_requests_the_server_already_counted_are_not_subtracted_twice()
    {
        var (store, _) = Create();
        var grants = Enumerable.Range(0, 4).Select(_ => Acquire(store)).ToList();

        // The first answer says 4 of 10 are used: the server counted all four, three of which are still on their way back.
        Answer(store, grants[0], Info(6, 10, T0));

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(QuotaGrant.Now, Acquire(store));
        }

        Assert.False(Acquire(store).Reserved);
    }

    [Fact]
    public void An_older_answer_arriving_late_never_raises_the_count_of_its_window()
    {
        var (store, _) = Create();
        var grants = Enumerable.Range(0, 4).Select(_ => Acquire(store)).ToList();

        // The server counted the four requests in order (6, 5, 4, 3 left); the answers arrive 3 left first, then 5 and 6.
        Answer(store, grants[3], Info(3, 10, T0));
        Answer(store, grants[1], Info(5, 10, T0));
        Answer(store, grants[0], Info(6, 10, T0));

        // One answer (4 left) is still on its way and already counted: exactly three more may go, not four or five.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(QuotaGrant.Now, Acquire(store));
        }

        Assert.False(Acquire(store).Reserved);
    }

    [Fact]
    public void A_new_window_takes_the_servers_count_again_even_when_it_is_higher()
    {
        var (store, clock) = Create();
        Answer(store, Acquire(store), Info(0, 1, T0, limit: 10));
        clock.Advance(TimeSpan.FromSeconds(1));

        // The next window's first answer (9 left, reset 1 s from now) is not an older answer of the spent window.
        Answer(store, Acquire(store), Info(9, 1, clock.GetUtcNow(), limit: 10));
        for (var i = 0; i < 9; i++)
        {
            Assert.Equal(QuotaGrant.Now, Acquire(store));
        }

        Assert.False(Acquire(store).Reserved);
    }

    [Fact]
    public void A_sliding_window_that_keeps_announcing_the_same_remaining_is_never_spent_locally()
    {
        var (store, clock) = Create();
        for (var i = 0; i < 1000; i++)
        {
            var grant = Acquire(store);
            Assert.Equal(QuotaGrant.Now, grant);
            Answer(store, grant, Info(198, 1715, clock.GetUtcNow(), limit: 200));
            clock.Advance(TimeSpan.FromMilliseconds(10));
        }
    }

    [Fact]
    public void One_absurd_reset_does_not_lock_the_operation_out_it_is_re_probed_after_the_longest_wait()
    {
        var (store, clock) = Create();
        Answer(store, Acquire(store), Info(0, 31_536_000, T0));

        // At first the announced wait is trusted: longer than the caller accepts, so the throttle refuses...
        var refused = Acquire(store);
        Assert.False(refused.Reserved);
        Assert.Equal(TimeSpan.FromSeconds(31_536_000), refused.Delay);

        // ...once MaxRateLimitWait has passed, one request (and only one at a time) probes the server.
        clock.Advance(MaxWait);
        var probe = Acquire(store);
        Assert.True(probe.Reserved);
        Assert.Equal(TimeSpan.Zero, probe.Delay);
        Assert.False(Acquire(store).Reserved);

        // The healthy server answers: the lock-out is over.
        Answer(store, probe, Info(9, 60, clock.GetUtcNow()));
        Assert.Equal(QuotaGrant.Now, Acquire(store));
    }

    [Fact]
    public void A_429_pauses_every_caller_of_the_scope_until_the_announced_time()
    {
        var (store, clock) = Create();
        var first = Acquire(store);
        var second = Acquire(store);
        Answer(store, first, Info(null, null, T0, limit: null, retryAfter: 7), rateLimited: true);

        Assert.Equal(QuotaGrant.AskAgainAfter(TimeSpan.FromSeconds(7)), Acquire(store));
        Answer(store, second, Info(5, 60, T0));
        Assert.Equal(TimeSpan.FromSeconds(7), Acquire(store).Delay);

        clock.Advance(TimeSpan.FromSeconds(7));
        Assert.True(Acquire(store).Reserved);
    }

    [Fact]
    public void Batch_calls_leave_a_reserve_that_interactive_calls_may_use()
    {
        var (store, _) = Create();
        var batch = Op with { Lane = QuotaLane.Batch };
        Answer(store, Acquire(store), Info(4, 60, T0, limit: 10));

        // A 20 % reserve of 10 is 2: batch calls take 2 of the 4 left, interactive ones the rest.
        Assert.True(Acquire(store, batch).Reserved);
        Assert.True(Acquire(store, batch).Reserved);
        Assert.False(Acquire(store, batch).Reserved);
        Assert.True(Acquire(store).Reserved);
        Assert.True(Acquire(store).Reserved);
        Assert.False(Acquire(store).Reserved);
    }

    [Fact]
    public void A_released_grant_gives_its_slot_back()
    {
        var (store, _) = Create();
        Answer(store, Acquire(store), Info(1, 60, T0));
        var grant = Acquire(store);
        Assert.False(Acquire(store).Reserved);

        Release(store, grant);

        Assert.True(Acquire(store).Reserved);
    }

    [Fact]
    public void Operations_and_keys_are_tracked_separately()
    {
        var (store, _) = Create();
        Answer(store, Acquire(store), Info(0, 1000, T0));

        Assert.Equal(QuotaGrant.Now, Acquire(store, Op with { Operation = "other" }));
        Assert.Equal(QuotaGrant.Now, Acquire(store, Op with { KeyId = "other-key" }));
        Assert.False(Acquire(store).Reserved);
    }
}
