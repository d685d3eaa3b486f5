// A consumer of the NuGet packages: starts the packaged emulator and calls both clients through their public API.
using PluginApis.Emulator;
using PluginApis.Http;
using PluginApis.Quota.Redis;
using PluginTests.Client;
using StackExchange.Redis;
using WunderUpdates.Client;

await using var emulator = await EmulatorHost.StartAsync();

using var pluginTests = new PluginTestsClient(new PluginTestsClientOptions
{
    ApiKey = EmulatorKeys.PluginTestsDemo,
    BaseAddress = emulator.PluginTestsBaseAddress,
});
using var wunderUpdates = new WunderUpdatesClient(new WunderUpdatesClientOptions
{
    ApiKey = EmulatorKeys.WunderUpdatesDemo,
    BaseAddress = emulator.WunderUpdatesBaseAddress,
});

var failures = 0;
var user = await pluginTests.GetCurrentUserAsync();
Console.WriteLine($"PluginTests user: {user.Name}");

var plugins = await wunderUpdates.ListPluginsAsync();
Console.WriteLine($"WunderUpdates plugins: {plugins.Count}");
if (plugins.Count == 0)
{
    failures++;
}

try
{
    await pluginTests.GetPluginAsync("wporg", "no-such-plugin-from-the-consumer");
    Console.WriteLine("expected plugin_not_found, got a plugin");
    failures++;
}
catch (PluginTestsException ex) when (ex.Code == PluginTestsErrorCode.PluginNotFound)
{
    Console.WriteLine($"typed error: {ex.Code} ({(int)ex.StatusCode})");
}

Console.WriteLine($"rate limit remaining: {pluginTests.LastRateLimit?.Remaining}");

// One key's quota shared through Redis. This Redis is unreachable: the store paces this process alone and no call fails.
var redisOptions = ConfigurationOptions.Parse("127.0.0.1:1");
redisOptions.AbortOnConnectFail = false;
redisOptions.ConnectTimeout = 500;
using var redis = await ConnectionMultiplexer.ConnectAsync(redisOptions);
var fleetOptions = new PluginTestsClientOptions { ApiKey = EmulatorKeys.PluginTestsDemo, BaseAddress = emulator.PluginTestsBaseAddress };
var quotaStore = new RedisQuotaStore(redis);
fleetOptions.Resilience.QuotaStore = quotaStore;
using var fleetClient = new PluginTestsClient(fleetOptions);
var grant = await quotaStore.AcquireAsync(new QuotaScope("PluginTests", QuotaScope.HashKey(fleetOptions.ApiKey), "GetCurrentUser", QuotaLane.Interactive), TimeSpan.FromSeconds(60), CancellationToken.None);
Console.WriteLine($"fleet quota: {(await fleetClient.GetCurrentUserAsync()).Name}, first slot reserved: {grant.Reserved}, shared: {quotaStore.IsShared}");
if (!grant.Reserved || quotaStore.IsShared)
{
    failures++;
}
Console.WriteLine(failures == 0 ? "consumer: OK" : $"consumer: {failures} failure(s)");
return failures == 0 ? 0 : 1;
