using Microsoft.Extensions.Logging;

namespace PluginApis.Emulator;

/// <summary>Settings of an emulator instance. Every property has a demo-friendly default.</summary>
public sealed class EmulatorOptions
{
    /// <summary>
    /// The address Kestrel listens on, e.g. <c>http://127.0.0.1:5080</c>. <see langword="null"/> (default):
    /// <c>http://127.0.0.1:0</c> (a free loopback port) in-process, <c>http://127.0.0.1:5080</c> with <c>dotnet run</c>
    /// (where <c>--urls</c> also works).
    /// </summary>
    public string? Url { get; set; }

    /// <summary>Whether requests are rate-limited and carry the rate-limit headers. Default <see langword="true"/>.</summary>
    public bool EnableRateLimiting { get; set; } = true;

    /// <summary>
    /// The fixed-window limit applied per API key (and per client address for requests without a valid key).
    /// Default: 60 requests per 60 seconds, the documented PluginTests default.
    /// </summary>
    public EmulatorRateLimit RateLimit { get; set; } = new();

    /// <summary>Overrides <see cref="RateLimit"/> for PluginTests (<c>/api/v1/...</c>); <see langword="null"/> = use <see cref="RateLimit"/>.</summary>
    public EmulatorRateLimit? PluginTestsRateLimit { get; set; }

    /// <summary>Overrides <see cref="RateLimit"/> for WunderUpdates (<c>/v1/...</c>); <see langword="null"/> = use <see cref="RateLimit"/>.</summary>
    public EmulatorRateLimit? WunderUpdatesRateLimit { get; set; }

    /// <summary>Also send <c>Retry-After</c> (seconds) on 429 responses. Default <see langword="false"/>: the real services document only the <c>RateLimit-*</c> headers.</summary>
    public bool SendRetryAfter { get; set; }

    /// <summary>The clock used for rate-limit windows, timestamps and licence-key expiry. Tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Number of synthetic entries appended to <c>/api/v1/tablesWith10installs.json</c> (every second one also appears in
    /// the 500-installs list). Use a large value to exercise streaming clients. Default 0 (only the seeded tables).
    /// </summary>
    public int GeneratedTableCount { get; set; }

    /// <summary>Largest accepted ZIP upload body in bytes; larger bodies get 413. Default 20 MiB.</summary>
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Largest number of entries a ZIP may hold. Default 5000.</summary>
    public int MaxArchiveEntries { get; set; } = 5000;

    /// <summary>Largest total uncompressed size (as declared by the ZIP's central directory) in bytes. Default 200 MiB.</summary>
    public long MaxUncompressedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Largest JSON request body in bytes. Default 1 MiB.</summary>
    public int MaxJsonBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest total size of one plugin's static licence keys (the service says ~200 kB degrades it). Default 200 000 bytes.</summary>
    public int MaxLicenseKeyDataBytes { get; set; } = 200_000;

    /// <summary>
    /// Further PluginTests API keys that authenticate as the demo user (same data, own rate-limit window), e.g. a
    /// distinctive canary key a test searches for in logs, traces and exceptions. Empty by default.
    /// </summary>
    public IList<string> AdditionalPluginTestsDemoKeys { get; } = new List<string>();

    /// <summary>
    /// Further WunderUpdates API keys that authenticate as the demo account (same data, own rate-limit window), e.g. a
    /// canary key. Empty by default.
    /// </summary>
    public IList<string> AdditionalWunderUpdatesDemoKeys { get; } = new List<string>();

    /// <summary>Receives the host's log output; <see langword="null"/> (default) = no logging in-process.</summary>
    public ILoggerProvider? LoggerProvider { get; set; }

    internal EmulatorRateLimit PluginTestsLimit => PluginTestsRateLimit ?? RateLimit;

    internal EmulatorRateLimit WunderUpdatesLimit => WunderUpdatesRateLimit ?? RateLimit;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(RateLimit);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        RateLimit.Validate();
        PluginTestsRateLimit?.Validate();
        WunderUpdatesRateLimit?.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(GeneratedTableCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxUploadBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxArchiveEntries);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxUncompressedBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxJsonBodyBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxLicenseKeyDataBytes);
        if (AdditionalPluginTestsDemoKeys.Concat(AdditionalWunderUpdatesDemoKeys).Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Additional demo keys must not be empty or whitespace.", nameof(AdditionalPluginTestsDemoKeys));
        }
    }
}

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
