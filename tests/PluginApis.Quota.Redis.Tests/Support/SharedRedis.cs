using PluginApis.Http;
using StackExchange.Redis;

namespace PluginApis.Quota.Redis.Tests;

/// <summary>One redis-server for a test class; each test uses keys of its own prefix.</summary>
public sealed class SharedRedis : IAsyncLifetime
{
    private RedisServer? _server;

    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await RedisServer.StartAsync();
        Connection = await _server.ConnectAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        await _server!.DisposeAsync();
    }
}

/// <summary>Helpers shared by the tests.</summary>
internal static class Quota
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static QuotaScope Scope(string apiKey = "fleet-key", string operation = "GetPlugin", QuotaLane lane = QuotaLane.Interactive) =>
        new("PluginTests", QuotaScope.HashKey(apiKey), operation, lane);

    public static RedisQuotaStoreOptions Options(TimeProvider time, string prefix) => new() { KeyPrefix = prefix, TimeProvider = time };

    public static string NewPrefix() => "test:" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A response announcing <paramref name="limit"/> per <paramref name="window"/> and what is left.</summary>
    public static QuotaObservation Announced(int limit, TimeSpan window, int remaining, TimeSpan reset, bool rateLimited = false, TimeSpan? retryAfter = null) =>
        new(new RateLimitInfo
        {
            Limit = limit,
            Remaining = remaining,
            Reset = reset,
            RetryAfter = retryAfter,
            Policies = [new RateLimitPolicy(limit, window)],
        }, rateLimited);

    /// <summary>Teaches the store the operation's policy with one request, as its first response would.</summary>
    public static async Task TeachAsync(RedisQuotaStore store, QuotaScope scope, int limit, TimeSpan window, IConnectionMultiplexer connection)
    {
        var grant = await store.AcquireAsync(scope, MaxWait, Ct);
        Assert.True(grant.Reserved);
        await store.RecordAsync(scope, grant, Announced(limit, window, limit - 1, window), Ct);
        await connection.GetDatabase().PingAsync();   // the record is sent without waiting: let Redis run it first
    }

    /// <summary>Redis's clock in microseconds.</summary>
    public static async Task<long> RedisNowAsync(IConnectionMultiplexer connection)
    {
        var time = (RedisResult[])(await connection.GetDatabase().ExecuteAsync("TIME"))!;
        return (long)time[0] * 1_000_000 + (long)time[1];
    }

    public static long Spacing(int limit, TimeSpan window, double margin = 0.03) =>
        (long)Math.Floor(window.Ticks / 10 * (1 + margin) / limit + 0.5);

    public static string Bucket(string prefix, string apiKey, int limit, TimeSpan window) =>
        $"{prefix}:{{{QuotaScope.HashKey(apiKey)}}}:PluginTests:p:{limit}:{(long)window.TotalMilliseconds}";
}
