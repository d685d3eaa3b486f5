using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PluginApis.Emulator;
using PluginTests.Client;
using WunderUpdates.Client;

namespace ReadmeSnippets;

/// <summary>
/// Free variable of the dependency-injection block: <c>builder</c>, a generic-host builder whose configuration holds both
/// services' keys and the embedded emulator's PluginTests address. Verified: the host starts (options validated), the
/// PluginTests client reaches the emulator through <see cref="MyHandler"/>, the WunderUpdates client resolves.
/// </summary>
internal abstract class HostBuilderFixture : Snippet
{
    private EmulatorHost? _emulator;

#pragma warning disable IDE1006, SA1300 // named as the README names it
    protected HostApplicationBuilder builder = null!;
#pragma warning restore IDE1006, SA1300

    protected override async Task SetUpAsync()
    {
        _emulator = await EmulatorHost.StartAsync().ConfigureAwait(false);
        builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PluginTests:ApiKey"] = EmulatorKeys.PluginTestsDemo,
            ["PluginTests:BaseAddress"] = _emulator.PluginTestsBaseAddress.AbsoluteUri,
            ["WunderUpdates:ApiKey"] = EmulatorKeys.WunderUpdatesDemo,
        });
    }

    protected override async Task VerifyAsync()
    {
        using var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        var before = MyHandler.Requests;
        var user = await host.Services.GetRequiredService<IPluginTestsClient>().GetCurrentUserAsync().ConfigureAwait(false);
        if (user.Name != "Demo User" || MyHandler.Requests == before)
        {
            throw new ReadmeCheckException($"the registered PluginTests client got user {user.Name} with {MyHandler.Requests - before} request(s) through MyHandler");
        }

        _ = host.Services.GetRequiredService<IWunderUpdatesClient>();
        await host.StopAsync().ConfigureAwait(false);
    }

    protected override async Task CleanUpAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
