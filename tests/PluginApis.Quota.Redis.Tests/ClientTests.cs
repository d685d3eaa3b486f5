using PluginApis.Emulator;
using PluginApis.Http;
using PluginTests.Client;

namespace PluginApis.Quota.Redis.Tests;

/// <summary>Real clients, each with its own store (two processes), on one key against the emulator over real sockets.</summary>
public sealed class ClientTests(SharedRedis redis) : IClassFixture<SharedRedis>
{
    private readonly string _prefix = Quota.NewPrefix();

    private PluginTestsClient NewClient(EmulatorHost emulator, TimeSpan maxWait)
    {
        var options = new PluginTestsClientOptions { ApiKey = EmulatorKeys.PluginTestsDemo, BaseAddress = emulator.PluginTestsBaseAddress };
        options.Resilience.QuotaStore = new RedisQuotaStore(redis.Connection, new RedisQuotaStoreOptions { KeyPrefix = _prefix });
        options.Resilience.MaxRateLimitWait = maxWait;
        options.Resilience.MaxRetryAttempts = 0;
        return new PluginTestsClient(options);
    }

    [Fact]
    public async Task A_second_process_waits_for_the_slot_the_first_left_instead_of_provoking_a_429()
    {
        // 3 requests a minute: the fleet's slots are 20.6 s apart, longer than the second client accepts to wait.
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { RateLimit = new EmulatorRateLimit { PermitLimit = 3, Window = TimeSpan.FromSeconds(60) } }, Quota.Ct);
        using var first = NewClient(emulator, TimeSpan.FromSeconds(60));
        using var second = NewClient(emulator, TimeSpan.FromSeconds(1));

        await first.GetPluginAsync("wporg", "akismet", Quota.Ct);
        await redis.Connection.GetDatabase().PingAsync();   // the first response is recorded without waiting: let Redis run it
        var refused = await Assert.ThrowsAsync<RateLimitExceededException>(() => second.GetPluginAsync("wporg", "akismet", Quota.Ct));

        Assert.True(refused.RetryAfter > TimeSpan.FromSeconds(1), $"retry after {refused.RetryAfter}");
        Assert.Equal(1, emulator.Stats.Requests);   // refused locally: nothing sent, no 429 burnt
        Assert.Equal(0, emulator.Stats.RateLimited);
        Assert.True(await redis.Connection.GetDatabase().KeyExistsAsync(
            $"{_prefix}:{{{QuotaScope.HashKey(EmulatorKeys.PluginTestsDemo)}}}:PluginTests:p:3:60000"));
    }
}
