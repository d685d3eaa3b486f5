using Microsoft.Extensions.Time.Testing;
using PluginApis.Http;

namespace PluginApis.Quota.Redis.Tests;

/// <summary>The shared schedule (Lua on a real redis-server): slots in arrival order, evenly spaced, lanes and limits.</summary>
public sealed class ScheduleTests(SharedRedis redis) : IClassFixture<SharedRedis>
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(600);
    private readonly string _prefix = Quota.NewPrefix();

    private RedisQuotaStore NewStore(FakeTimeProvider time, Action<RedisQuotaStoreOptions>? configure = null)
    {
        var options = Quota.Options(time, _prefix);
        configure?.Invoke(options);
        return new RedisQuotaStore(redis.Connection, options);
    }

    [Fact]
    public async Task Workers_get_slots_in_arrival_order_spaced_by_window_over_limit()
    {
        var scope = Quota.Scope();
        var (clockA, clockB, clockC) = (new FakeTimeProvider(), new FakeTimeProvider(), new FakeTimeProvider());
        var (a, b, c) = (NewStore(clockA), NewStore(clockB), NewStore(clockC));
        await Quota.TeachAsync(a, scope, 60, Window, redis.Connection);

        var first = await a.AcquireAsync(scope, Quota.MaxWait, Quota.Ct);
        var second = await b.AcquireAsync(scope, Quota.MaxWait, Quota.Ct);
        var third = await c.AcquireAsync(scope, Quota.MaxWait, Quota.Ct);

        Assert.True(first.Reserved);
        Assert.Equal(TimeSpan.Zero, first.Delay);
        Assert.False(second.Reserved);     // held for B: it asks again when due
        Assert.False(third.Reserved);
        Assert.True(third.Delay > second.Delay);

        clockB.Advance(second.Delay);
        var secondGo = await b.AcquireAsync(scope, Quota.MaxWait, Quota.Ct);
        clockC.Advance(third.Delay);
        var thirdGo = await c.AcquireAsync(scope, Quota.MaxWait, Quota.Ct);
        Assert.True(secondGo.Reserved && thirdGo.Reserved);
        // Asked back 50 ms before the slot: the rest of the wait is timed on Redis's clock (which the fake clock does not move).
        Assert.InRange(secondGo.Delay, TimeSpan.Zero, second.Delay + TimeSpan.FromMilliseconds(50));
        var spacing = Quota.Spacing(60, Window);
        Assert.Equal(spacing, secondGo.Ticket - first.Ticket);
        Assert.Equal(spacing, thirdGo.Ticket - secondGo.Ticket);
    }

    [Fact]
    public async Task A_wait_longer_than_the_caller_accepts_reserves_nothing()
    {
        var scope = Quota.Scope();
        var store = NewStore(new FakeTimeProvider());
        await Quota.TeachAsync(store, scope, 60, Window, redis.Connection);
        await store.AcquireAsync(scope, Quota.MaxWait, Quota.Ct);

        var refused = await store.AcquireAsync(scope, TimeSpan.FromSeconds(1), Quota.Ct);
        var next = await store.AcquireAsync(scope, Quota.MaxWait, Quota.Ct);

        Assert.False(refused.Reserved);
        Assert.True(refused.Delay > TimeSpan.FromSeconds(1));
        Assert.True(next.Delay <= refused.Delay, "the refused call must not have taken a slot");
    }

    [Fact]
    public async Task Batch_calls_leave_later_slots_to_interactive_calls()
    {
        var batchScope = Quota.Scope(lane: QuotaLane.Batch);
        var interactiveScope = Quota.Scope();
        var clock = new FakeTimeProvider();
        var store = NewStore(clock);
        await Quota.TeachAsync(store, interactiveScope, 60, Window, redis.Connection);

        var batchFirst = await store.AcquireAsync(batchScope, Quota.MaxWait, Quota.Ct);
        var batchSecond = await store.AcquireAsync(batchScope, Quota.MaxWait, Quota.Ct);
        var interactive = await store.AcquireAsync(interactiveScope, Quota.MaxWait, Quota.Ct);
        var batchThird = await store.AcquireAsync(batchScope, Quota.MaxWait, Quota.Ct);

        Assert.True(batchFirst.Reserved);
        Assert.False(batchSecond.Reserved);    // 10.3 s ahead is beyond the 500 ms batch queue: not held
        Assert.False(interactive.Reserved);    // held: the interactive call takes the slot the batch left
        Assert.False(batchThird.Reserved);
        Assert.True(interactive.Delay < TimeSpan.FromMilliseconds(Quota.Spacing(60, Window) / 1000.0));
        Assert.True(batchThird.Delay > interactive.Delay);

        clock.Advance(interactive.Delay);
        var go = await store.AcquireAsync(interactiveScope, Quota.MaxWait, Quota.Ct);
        Assert.True(go.Reserved);
        Assert.Equal(Quota.Spacing(60, Window), go.Ticket - batchFirst.Ticket);
        Assert.False((await store.AcquireAsync(batchScope, Quota.MaxWait, Quota.Ct)).Reserved);
    }

    [Fact]
    public async Task Before_the_first_response_one_request_goes_and_the_rest_ask_again_soon()
    {
        var scope = Quota.Scope();
        var store = NewStore(new FakeTimeProvider());

        var first = await store.AcquireAsync(scope, Quota.MaxWait, Quota.Ct);
        var second = await store.AcquireAsync(scope, Quota.MaxWait, Quota.Ct);

        Assert.True(first.Reserved);
        Assert.False(second.Reserved);
        Assert.True(second.Delay <= TimeSpan.FromMilliseconds(100), $"asked to wait {second.Delay}");
    }

    [Fact]
    public async Task The_announced_policy_with_the_lowest_rate_sets_the_pace_for_every_worker()
    {
        var scope = Quota.Scope();
        var store = NewStore(new FakeTimeProvider());
        var grant = await store.AcquireAsync(scope, Quota.MaxWait, Quota.Ct);
        await store.RecordAsync(scope, grant, new QuotaObservation(new RateLimitInfo
        {
            Limit = 10,
            Remaining = 9,
            Reset = TimeSpan.FromSeconds(1),
            Policies = [new RateLimitPolicy(10, TimeSpan.FromSeconds(1)), new RateLimitPolicy(50, TimeSpan.FromSeconds(60))],
        }, false), Quota.Ct);
        await redis.Connection.GetDatabase().PingAsync();

        var other = new RedisQuotaStore(redis.Connection, Quota.Options(new FakeTimeProvider(), _prefix));
        var first = await other.AcquireAsync(scope, Quota.MaxWait, Quota.Ct);
        var second = await other.AcquireAsync(scope, Quota.MaxWait, Quota.Ct);

        Assert.True(first.Reserved);
        var spacing = TimeSpan.FromMicroseconds(Quota.Spacing(50, TimeSpan.FromSeconds(60)));
        Assert.InRange(second.Delay, spacing - TimeSpan.FromSeconds(1), spacing);
        Assert.True(await redis.Connection.GetDatabase().KeyExistsAsync(Quota.Bucket(_prefix, "fleet-key", 50, TimeSpan.FromSeconds(60))));
    }

    [Fact]
    public async Task Operations_announcing_the_same_policy_share_one_schedule()
    {
        var store = NewStore(new FakeTimeProvider());
        await Quota.TeachAsync(store, Quota.Scope(operation: "GetPlugin"), 60, Window, redis.Connection);
        await store.RecordAsync(Quota.Scope(operation: "ListReports"), QuotaGrant.Now, Quota.Announced(60, Window, 58, Window), Quota.Ct);
        await redis.Connection.GetDatabase().PingAsync();

        var plugin = await store.AcquireAsync(Quota.Scope(operation: "GetPlugin"), Quota.MaxWait, Quota.Ct);
        var reports = await store.AcquireAsync(Quota.Scope(operation: "ListReports"), Quota.MaxWait, Quota.Ct);

        Assert.True(plugin.Reserved);
        Assert.False(reports.Reserved);
        Assert.True(reports.Delay > TimeSpan.FromSeconds(9), "the second operation waits for the next slot of the same key");
    }
}
