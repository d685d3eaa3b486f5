namespace PluginApis.Emulator.State;

/// <summary>All in-memory data of one emulator instance; every access holds <see cref="Gate"/>.</summary>
internal sealed class EmulatorState
{
    public Lock Gate { get; } = new();

    public PluginTestsState PluginTests { get; } = new();

    public WunderUpdatesState WunderUpdates { get; } = new();

    /// <summary>UTC ISO 8601 with milliseconds when there are any (<c>2026-11-01T10:00:00Z</c>, <c>2026-11-01T10:00:00.25Z</c>).</summary>
    public static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The clock's time cut to whole milliseconds, so a stored time and its <see cref="Iso"/> text are equal.</summary>
    public static DateTimeOffset Now(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static string NewId(string prefix) =>
        prefix + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
}
