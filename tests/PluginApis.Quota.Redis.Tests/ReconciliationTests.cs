using Microsoft.Extensions.Time.Testing;
using PluginApis.Http;
using StackExchange.Redis;

namespace PluginApis.Quota.Redis.Tests;

/// <summary>The server wins: what responses announce moves the shared schedule of every worker (real redis-server).</summary>
public sealed class ReconciliationTests(SharedRedis redis) : IClassFixture<SharedRedis>
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(600);
    private readonly string _prefix = Quota.NewPrefix();

    private IDatabase Db => redis.Connection.GetDatabase();

    private string Bucket => Quota.Bucket(_prefix, "fleet-key", 60, Window);

    private RedisQuotaStore NewStore(FakeTimeProvider? time = null) =>
        new(redis.Connection, Quota.Options(time ?? new FakeTimeProvider(), _prefix));

    /// <summary>A scope, a store that learned the scope's 60-per-window quota, and the first slot it granted.</summary>
    private async Task<(QuotaScope Scope, RedisQuotaStore Store, QuotaGrant Grant)> TaughtStoreAsync()
    {
        var scope = Quota.Scope();
        var store = NewStore();
        await Quota.TeachAsync(store, scope, 60, Window, redis.Connection);
        return (scope, store, await store.AcquireAsync(scope, Quota.MaxWait, Quota.Ct));
    }

    [Fact]
    public async Task A_spent_window_pushes_the_schedule_to_its_earliest_end()
    {
        var (scope, store, grant) = await TaughtStoreAsync();

        var before = await Quota.RedisNowAsync(redis.Connection);
        await store.RecordAsync(scope, grant, Quota.Announced(60, Window, 0, TimeSpan.FromSeconds(30)), Quota.Ct);
        var after = await Quota.RedisNowAsync(redis.Connection);

        // Reset 30 (whole seconds, rounded up): the window may end 29 s after the response at the earliest.
        var tat = (long)await Db.HashGetAsync(Bucket, "tat");
        Assert.InRange(tat, before + 29_000_000, after + 29_000_000);
        var other = await NewStore().AcquireAsync(scope, Quota.MaxWait, Quota.Ct);
        Assert.False(other.Reserved);
        Assert.True(other.Delay > TimeSpan.FromSeconds(28));
    }

    [Fact]
    public async Task Responses_of_one_window_narrow_its_end_and_a_later_reset_starts_a_new_window()
    {
        var (scope, store, grant) = await TaughtStoreAsync();

        var before = await Quota.RedisNowAsync(redis.Connection);
        await store.RecordAsync(scope, grant, Quota.Announced(60, Window, 50, TimeSpan.FromSeconds(30)), Quota.Ct);
        await store.RecordAsync(scope, grant, Quota.Announced(60, Window, 50, TimeSpan.FromSeconds(29.25)), Quota.Ct);
        var narrowed = ((long)await Db.HashGetAsync(Bucket, "wlo"), (long)await Db.HashGetAsync(Bucket, "whi"));
        await store.RecordAsync(scope, grant, Quota.Announced(60, Window, 0, TimeSpan.FromSeconds(300)), Quota.Ct);
        var after = await Quota.RedisNowAsync(redis.Connection);

        // 30 s (whole, rounded up) bounds the end to 29..30 s; an exact 29.25 s pins it inside that.
        Assert.InRange(narrowed.Item1, before + 29_250_000, after + 29_250_000);
        Assert.Equal(narrowed.Item1, narrowed.Item2);
        // 300 s lies beyond: a new window, whose earliest end (299 s) the spent count pushes the schedule to.
        Assert.InRange((long)await Db.HashGetAsync(Bucket, "tat"), before + 299_000_000, after + 299_000_000);
    }

    [Fact]
    public async Task A_count_the_pacing_explains_leaves_the_schedule_alone()
    {
        var (scope, store, grant) = await TaughtStoreAsync();
        var tat = (long)await Db.HashGetAsync(Bucket, "tat");

        await store.RecordAsync(scope, grant, Quota.Announced(60, Window, 58, Window), Quota.Ct);
        await Db.PingAsync();

        Assert.Equal(tat, (long)await Db.HashGetAsync(Bucket, "tat"));
    }

    [Fact]
    public async Task A_429_pauses_every_worker_and_voids_slots_granted_before_it()
    {
        var scope = Quota.Scope();
        var clockB = new FakeTimeProvider();
        var (a, b) = (NewStore(), NewStore(clockB));
        await Quota.TeachAsync(a, scope, 60, Window, redis.Connection);
        var sent = await a.AcquireAsync(scope, Quota.MaxWait, Quota.Ct);
        var waiting = await b.AcquireAsync(scope, Quota.MaxWait, Quota.Ct);
        Assert.False(waiting.Reserved);

        var before = await Quota.RedisNowAsync(redis.Connection);
        await a.RecordAsync(scope, sent, Quota.Announced(60, Window, 0, TimeSpan.FromSeconds(40), rateLimited: true, retryAfter: TimeSpan.FromSeconds(50)), Quota.Ct);
        await Db.PingAsync();

        clockB.Advance(waiting.Delay);
        var asked = await b.AcquireAsync(scope, Quota.MaxWait, Quota.Ct);
        var after = await Quota.RedisNowAsync(redis.Connection);
        Assert.False(asked.Reserved);   // its slot fell into the pause: a new one after it
        // Asked to come back 50 ms before the new slot, to confirm it off the request's path.
        Assert.InRange(asked.Delay, TimeSpan.FromMicroseconds(before + 50_000_000 - after) - TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(50));
        var fresh = await NewStore().AcquireAsync(scope, Quota.MaxWait, Quota.Ct);
        Assert.True(fresh.Delay > asked.Delay);   // queued behind B's new slot, after the pause
    }

    [Fact]
    public async Task A_slot_granted_before_a_429_outside_its_pause_still_goes()
    {
        var scope = Quota.Scope();
        var clockB = new FakeTimeProvider();
        var (a, b) = (NewStore(), NewStore(clockB));
        await Quota.TeachAsync(a, scope, 60, Window, redis.Connection);
        var sent = await a.AcquireAsync(scope, Quota.MaxWait, Quota.Ct);
        var waiting = await b.AcquireAsync(scope, Quota.MaxWait, Quota.Ct);

        // A pause of 1 µs ends long before B's slot, 10 s away.
        await a.RecordAsync(scope, sent, Quota.Announced(60, Window, 0, TimeSpan.Zero, rateLimited: true, retryAfter: TimeSpan.FromTicks(10)), Quota.Ct);
        await Db.PingAsync();
        clockB.Advance(waiting.Delay);

        Assert.True((await b.AcquireAsync(scope, Quota.MaxWait, Quota.Ct)).Reserved);
    }

    [Fact]
    public async Task A_wait_beyond_the_longest_accepted_is_probed_by_one_request_once_nothing_was_learned_for_that_long()
    {
        var (scope, store, grant) = await TaughtStoreAsync();
        await store.RecordAsync(scope, grant, Quota.Announced(60, Window, 0, TimeSpan.FromHours(1), rateLimited: true), Quota.Ct);
        await Db.PingAsync();

        var refused = await store.AcquireAsync(scope, Quota.MaxWait, Quota.Ct);
        Assert.False(refused.Reserved);
        Assert.True(refused.Delay > Quota.MaxWait);

        await Db.HashSetAsync(Bucket, "seen", "0");   // as if the last response came more than MaxWait ago
        var probe = await store.AcquireAsync(scope, Quota.MaxWait, Quota.Ct);
        var second = await NewStore().AcquireAsync(scope, Quota.MaxWait, Quota.Ct);
        Assert.True(probe.Reserved);
        Assert.Equal(TimeSpan.Zero, probe.Delay);
        Assert.False(second.Reserved);   // one probe at a time
    }

    [Fact]
    public async Task A_slot_given_back_goes_to_the_next_request()
    {
        var (scope, store, grant) = await TaughtStoreAsync();

        await store.ReleaseAsync(scope, grant, Quota.Ct);
        await Db.PingAsync();
        var next = await NewStore().AcquireAsync(scope, Quota.MaxWait, Quota.Ct);

        Assert.True(next.Reserved);
        Assert.Equal(TimeSpan.Zero, next.Delay);
    }
}
