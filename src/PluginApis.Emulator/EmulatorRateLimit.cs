namespace PluginApis.Emulator;

/// <summary>A fixed-window rate limit: <see cref="PermitLimit"/> requests per <see cref="Window"/>.</summary>
public sealed class EmulatorRateLimit
{
    /// <summary>Requests allowed per window. Default 60.</summary>
    public int PermitLimit { get; set; } = 60;

    /// <summary>Window length, whole seconds (at least 1 s). Default 60 s.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(60);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(PermitLimit);
        if (Window < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(Window), Window, "The window must be at least one second.");
        }
    }
}
