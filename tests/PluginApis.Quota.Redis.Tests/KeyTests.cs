using Microsoft.Extensions.Time.Testing;
using PluginApis.Http;
using StackExchange.Redis;

namespace PluginApis.Quota.Redis.Tests;

/// <summary>What the store leaves in Redis: keys of a key hash only, expiring after two windows (real redis-server).</summary>
public sealed class KeyTests(SharedRedis redis) : IClassFixture<SharedRedis>
{
    private const string ApiKey = "pt-live-3f9a0c-secret";
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(600);
    private readonly string _prefix = Quota.NewPrefix();

    private IServer Server => redis.Connection.GetServers()[0];

    [Fact]
    public async Task Keys_hold_a_hash_of_the_api_key_and_never_the_key()
    {
        var store = new RedisQuotaStore(redis.Connection, Quota.Options(new FakeTimeProvider(), _prefix));
        var scope = Quota.Scope(ApiKey);
        await Quota.TeachAsync(store, scope, 60, Window, redis.Connection);
        // A caller that wrongly passes the raw key as the key id still gets only its hash into Redis.
        await store.AcquireAsync(scope with { KeyId = ApiKey }, Quota.MaxWait, Quota.Ct);

        var keys = Server.Keys(pattern: _prefix + "*").Select(k => k.ToString()).ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.DoesNotContain(ApiKey, key, StringComparison.Ordinal));
        Assert.All(keys, key => Assert.Contains(QuotaScope.HashKey(ApiKey), key, StringComparison.Ordinal));
        Assert.Contains(keys, key => key.Contains(QuotaScope.HashKey(QuotaScope.HashKey(ApiKey)), StringComparison.Ordinal) || key.EndsWith(":fleet", StringComparison.Ordinal));
        foreach (var key in keys.Where(k => Server.Multiplexer.GetDatabase().KeyType(k) == RedisType.Hash))
        {
            var entries = await redis.Connection.GetDatabase().HashGetAllAsync(key);
            Assert.All(entries, e => Assert.DoesNotContain(ApiKey, e.Name.ToString() + e.Value, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Every_key_expires_two_windows_after_its_last_use()
    {
        var store = new RedisQuotaStore(redis.Connection, Quota.Options(new FakeTimeProvider(), _prefix));
        var scope = Quota.Scope(ApiKey);
        await Quota.TeachAsync(store, scope, 60, Window, redis.Connection);
        await store.AcquireAsync(scope, Quota.MaxWait, Quota.Ct);
        var db = redis.Connection.GetDatabase();

        var bucket = await db.KeyTimeToLiveAsync(Quota.Bucket(_prefix, ApiKey, 60, Window));
        var root = $"{_prefix}:{{{QuotaScope.HashKey(ApiKey)}}}:PluginTests:";
        var operations = await db.KeyTimeToLiveAsync(root + "ops");
        var fleet = await db.KeyTimeToLiveAsync(root + "fleet");

        // The bucket lives two windows past the next free slot (one spacing ahead); the others two windows.
        Assert.InRange(bucket!.Value, 2 * Window, 2 * Window + TimeSpan.FromMicroseconds(Quota.Spacing(60, Window)));
        Assert.InRange(operations!.Value, 2 * Window - TimeSpan.FromSeconds(5), 2 * Window);
        Assert.InRange(fleet!.Value, 2 * Window - TimeSpan.FromSeconds(5), 2 * Window);
    }
}
