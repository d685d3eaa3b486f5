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

    /// <summary>
    /// How long a job added with <c>POST /api/v1/test-queue</c> stays <c>queued</c> before it is <c>running</c>. Default 100 ms;
    /// zero is allowed. Measured on <see cref="TimeProvider"/>.
    /// </summary>
    public TimeSpan JobQueuedDuration { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long a job stays <c>running</c> before it is <c>finished</c>, its report is published and webhooks are sent.
    /// Default 200 ms; zero is allowed. Measured on <see cref="TimeProvider"/>.
    /// </summary>
    public TimeSpan JobRunningDuration { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How long a <c>direct</c> job may take to download its <c>downloadUrl</c> (at most <see cref="MaxUploadBytes"/>) before
    /// its report says the download failed. Default 30 s, measured on <see cref="TimeProvider"/>.
    /// </summary>
    public TimeSpan PackageDownloadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one webhook delivery may take before it counts as failed. Default 10 s, measured on <see cref="TimeProvider"/>.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Receives the host's log output; <see langword="null"/> (default) = no logging in-process.</summary>
    public ILoggerProvider? LoggerProvider { get; set; }

    internal EmulatorRateLimit PluginTestsLimit => PluginTestsRateLimit ?? RateLimit;

    internal EmulatorRateLimit WunderUpdatesLimit => WunderUpdatesRateLimit ?? RateLimit;

    /// <exception cref="ArgumentException">A setting is out of range; the message names it (as its configuration key) and its value.</exception>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(RateLimit);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ValidateUrls(Url, $"{EmulatorSettings.Section}:{nameof(Url)}");
        RateLimit.Validate(nameof(RateLimit));
        PluginTestsRateLimit?.Validate(nameof(PluginTestsRateLimit));
        WunderUpdatesRateLimit?.Validate(nameof(WunderUpdatesRateLimit));
        if (GeneratedTableCount < 0)
        {
            throw OutOfRange(nameof(GeneratedTableCount), GeneratedTableCount, "must not be negative");
        }

        Positive(MaxUploadBytes, nameof(MaxUploadBytes));
        Positive(MaxArchiveEntries, nameof(MaxArchiveEntries));
        Positive(MaxUncompressedBytes, nameof(MaxUncompressedBytes));
        Positive(MaxJsonBodyBytes, nameof(MaxJsonBodyBytes));
        Positive(MaxLicenseKeyDataBytes, nameof(MaxLicenseKeyDataBytes));
        Within(JobQueuedDuration, TimeSpan.Zero, nameof(JobQueuedDuration));
        Within(JobRunningDuration, TimeSpan.Zero, nameof(JobRunningDuration));
        Within(PackageDownloadTimeout, TimeSpan.FromMilliseconds(1), nameof(PackageDownloadTimeout));
        Within(WebhookTimeout, TimeSpan.FromMilliseconds(1), nameof(WebhookTimeout));
        if (AdditionalPluginTestsDemoKeys.Concat(AdditionalWunderUpdatesDemoKeys).Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Additional demo keys must not be empty or whitespace.", nameof(AdditionalPluginTestsDemoKeys));
        }
    }

    /// <summary>An <see cref="ArgumentOutOfRangeException"/> whose first line reads <c>Emulator:{name} {problem} (was {value}).</c></summary>
    internal static ArgumentOutOfRangeException OutOfRange(string name, object value, string problem) =>
        new(name, value, $"{EmulatorSettings.Section}:{name} {problem} (was {value}).");

    /// <summary><paramref name="urls"/> (null, or <c>;</c>-separated addresses like Kestrel's) must be absolute http(s) URLs with a valid port.</summary>
    internal static void ValidateUrls(string? urls, string name)
    {
        foreach (var url in (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Kestrel's wildcard hosts (http://+:5080, http://*:5080) are not URI hosts: check the rest.
            var checkable = url.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
            if (!Uri.TryCreate(checkable, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"{name} {url} is not an http URL such as http://127.0.0.1:5080.", name);
            }
        }
    }

    private static void Positive(long value, string name)
    {
        if (value <= 0)
        {
            throw OutOfRange(name, value, "must be greater than zero");
        }
    }

    private static void Within(TimeSpan value, TimeSpan minimum, string name)
    {
        if (value < minimum || value > TimeSpan.FromDays(1))
        {
            throw OutOfRange(name, value, $"must be from {minimum} to 1.00:00:00");
        }
    }
}
