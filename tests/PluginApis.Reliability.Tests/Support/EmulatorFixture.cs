using PluginApis.Emulator;

namespace PluginApis.Reliability.Tests;

/// <summary>One emulator (canary keys, no rate limiting) shared by the tests of a class that do not depend on each other's data.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public EmulatorHost Emulator { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Emulator = await Rig.StartEmulatorAsync();

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}
