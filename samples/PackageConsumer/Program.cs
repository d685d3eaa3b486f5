// A consumer of the NuGet packages: starts the packaged emulator and calls both clients through their public API.
using PluginApis.Emulator;
using PluginApis.Http;
using PluginTests.Client;
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
Console.WriteLine(failures == 0 ? "consumer: OK" : $"consumer: {failures} failure(s)");
return failures == 0 ? 0 : 1;
