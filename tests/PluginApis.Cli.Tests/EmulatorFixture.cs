using PluginApis.Emulator;

namespace PluginApis.Cli.Tests;

/// <summary>One emulator over real loopback sockets for the CLI tests, with canary keys that authenticate as the demo users.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string PluginTestsCanary = "pt-CANARY-cli-7Qx9-secret";
    public const string WunderUpdatesCanary = "wu-CANARY-cli-3Kd2-secret";

    public EmulatorHost Emulator { get; private set; } = null!;

    /// <summary>The environment a CI step would set: both keys (canaries) and both base addresses.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; private set; } = new Dictionary<string, string>();

    public async ValueTask InitializeAsync()
    {
        var options = new EmulatorOptions { RateLimit = new EmulatorRateLimit { PermitLimit = 10_000, Window = TimeSpan.FromSeconds(60) } };
        options.AdditionalPluginTestsDemoKeys.Add(PluginTestsCanary);
        options.AdditionalWunderUpdatesDemoKeys.Add(WunderUpdatesCanary);
        Emulator = await EmulatorHost.StartAsync(options);
        Environment = new Dictionary<string, string>
        {
            ["PLUGINTESTS_API_KEY"] = PluginTestsCanary,
            ["WUNDERUPDATES_API_KEY"] = WunderUpdatesCanary,
            ["PLUGINTESTS_BASE_ADDRESS"] = Emulator.PluginTestsBaseAddress.AbsoluteUri,
            ["WUNDERUPDATES_BASE_ADDRESS"] = Emulator.WunderUpdatesBaseAddress.AbsoluteUri,
        };
    }

    public async ValueTask DisposeAsync() => await Emulator.DisposeAsync();
}
