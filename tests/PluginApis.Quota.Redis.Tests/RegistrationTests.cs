using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PluginApis.Http;
using PluginTests.Client;
using StackExchange.Redis;
using WunderUpdates.Client;

namespace PluginApis.Quota.Redis.Tests;

/// <summary><c>UseRedisQuotaStore()</c> on a client registration makes that client's quota store the Redis one.</summary>
public sealed class RegistrationTests(SharedRedis redis) : IClassFixture<SharedRedis>
{
    [Fact]
    public void Both_clients_registered_with_UseRedisQuotaStore_draw_on_a_redis_store()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConnectionMultiplexer>(redis.Connection);
        services.AddPluginTestsClient(o => o.ApiKey = "pt-key").UseRedisQuotaStore();
        services.AddWunderUpdatesClient(o => o.ApiKey = "wu-key").UseRedisQuotaStore(o => o.PacingMargin = 0.1);
        using var provider = services.BuildServiceProvider();

        var pluginTests = provider.GetRequiredService<IOptions<PluginTestsClientOptions>>().Value;
        var wunderUpdates = provider.GetRequiredService<IOptions<WunderUpdatesClientOptions>>().Value;

        Assert.IsType<RedisQuotaStore>(pluginTests.Resilience.QuotaStore);
        Assert.IsType<RedisQuotaStore>(wunderUpdates.Resilience.QuotaStore);
        Assert.NotSame(pluginTests.Resilience.QuotaStore, wunderUpdates.Resilience.QuotaStore);
        Assert.NotNull(provider.GetRequiredService<IPluginTestsClient>());
    }

    [Fact]
    public void A_store_set_in_the_options_wins_and_clients_without_the_call_keep_the_in_process_default()
    {
        var mine = new InProcessQuotaStore();
        var services = new ServiceCollection();
        services.AddSingleton<IConnectionMultiplexer>(redis.Connection);
        services.AddPluginTestsClient(o => { o.ApiKey = "pt-key"; o.Resilience.QuotaStore = mine; }).UseRedisQuotaStore();
        services.AddWunderUpdatesClient(o => o.ApiKey = "wu-key");
        using var provider = services.BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<IOptions<PluginTestsClientOptions>>().Value.Resilience.QuotaStore);
        Assert.Null(provider.GetRequiredService<IOptions<WunderUpdatesClientOptions>>().Value.Resilience.QuotaStore);
    }

    [Fact]
    public async Task The_store_runs_on_the_containers_clock()
    {
        var clock = new FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<IConnectionMultiplexer>(redis.Connection);
        services.AddSingleton<TimeProvider>(clock);
        services.AddPluginTestsClient(o => o.ApiKey = "pt-key").UseRedisQuotaStore(o => o.KeyPrefix = Quota.NewPrefix());
        using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IOptions<PluginTestsClientOptions>>().Value.Resilience.QuotaStore!;
        var scope = Quota.Scope();
        await Quota.TeachAsync((RedisQuotaStore)store, scope, 60, TimeSpan.FromSeconds(600), redis.Connection);

        Assert.True((await store.AcquireAsync(scope, Quota.MaxWait, Quota.Ct)).Reserved);
        var held = await store.AcquireAsync(scope, Quota.MaxWait, Quota.Ct);
        Assert.False(held.Reserved);

        clock.Advance(held.Delay);   // on the system clock the held slot would not be due yet
        Assert.True((await store.AcquireAsync(scope, Quota.MaxWait, Quota.Ct)).Reserved);
    }

    [Fact]
    public void Invalid_settings_are_refused_with_the_setting_named()
    {
        var error = Assert.Throws<ArgumentException>(() => new RedisQuotaStore(redis.Connection, new RedisQuotaStoreOptions { PacingMargin = 2, FallbackFleetSize = 0 }));
        Assert.Contains("PacingMargin", error.Message, StringComparison.Ordinal);
        Assert.Contains("FallbackFleetSize", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new RedisQuotaStore(null!));
    }
}
