namespace PluginApis.Emulator;

/// <summary>A fixed-window rate limit: <see cref="PermitLimit"/> requests per <see cref="Window"/>.</summary>
public sealed class EmulatorRateLimit
{
    /// <summary>Requests allowed per window. Default 60.</summary>
    public int PermitLimit { get; set; } = 60;

    /// <summary>Window length, whole seconds (at least 1 s). Default 60 s.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(60);

    /// <param name="name">The option holding this limit, for the message (<c>RateLimit</c>, <c>PluginTestsRateLimit</c>, …).</param>
    internal void Validate(string name)
    {
        if (PermitLimit <= 0)
        {
            throw EmulatorOptions.OutOfRange($"{name}:{nameof(PermitLimit)}", PermitLimit, "must be greater than zero");
        }

        if (Window < TimeSpan.FromSeconds(1))
        {
            throw EmulatorOptions.OutOfRange($"{name}:{nameof(Window)}", Window, "must be at least 00:00:01");
        }
    }
}
