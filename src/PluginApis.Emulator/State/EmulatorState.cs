namespace PluginApis.Emulator.State;

/// <summary>All in-memory data of one emulator instance; every access holds <see cref="Gate"/>.</summary>
internal sealed class EmulatorState
{
    public Lock Gate { get; } = new();

    public PluginTestsState PluginTests { get; } = new();

    public WunderUpdatesState WunderUpdates { get; } = new();

    public static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static string NewId(string prefix) =>
        prefix + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
}
