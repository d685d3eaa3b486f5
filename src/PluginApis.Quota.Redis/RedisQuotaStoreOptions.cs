namespace PluginApis.Quota.Redis;

/// <summary>Settings of a <see cref="RedisQuotaStore"/>. The defaults suit the documented PluginTests quota (60 requests a minute).</summary>
public sealed class RedisQuotaStoreOptions
{
    /// <summary>The start of every Redis key the store writes. Default <c>pluginapis:quota</c>.</summary>
    public string KeyPrefix { get; set; } = "pluginapis:quota";

    /// <summary>
    /// The limit assumed for an operation before any response announced one. Default 60, the documented PluginTests default.
    /// Until then the first request goes at once and the rest ask again every 100 ms, so the first response sets the pace.
    /// </summary>
    public int DefaultLimit { get; set; } = 60;

    /// <summary>The window of <see cref="DefaultLimit"/>, and of an announced limit without a window. Default 60 s.</summary>
    public TimeSpan DefaultWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How much slower than the limit the fleet is paced, as a share of it (0 to 0.5): requests are spaced
    /// <c>window × (1 + margin) / limit</c> apart, so arrival jitter up to <c>margin × window</c> never pushes one window over
    /// the limit. Default 0.03 (1.8 s of a 60 s window; 97 % of the quota used).
    /// </summary>
    public double PacingMargin { get; set; } = 0.03;

    /// <summary>
    /// How far ahead <see cref="PluginApis.Http.QuotaLane.Batch"/> calls may reserve slots. Later slots stay free for interactive
    /// calls, which therefore wait at most about this long behind a running batch. Default 500 ms.
    /// </summary>
    public TimeSpan BatchQueueLimit { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long a call waits for Redis before it is paced by this process alone (with its share of the quota); while the
    /// connection is down, calls do not wait at all. The next call asks Redis again. Default 250 ms. A call never fails
    /// because Redis is slow or down.
    /// </summary>
    public TimeSpan FallbackAfter { get; set; } = TimeSpan.FromMilliseconds(250);


    /// <summary>
    /// How many processes to assume share a key while Redis has never been reached; afterwards the number of processes
    /// Redis saw using the key in the last two windows is used. Each falls back to <c>limit / processes</c>. Default 1.
    /// </summary>
    public int FallbackFleetSize { get; set; } = 1;

    /// <summary>The clock of local waits, timeouts and fallback pacing (never of the shared schedule, which runs on Redis's clock). Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Checks the values and throws when one is out of range.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public void EnsureValid()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(KeyPrefix))
        {
            errors.Add("KeyPrefix must not be empty.");
        }

        if (DefaultLimit < 1)
        {
            errors.Add($"DefaultLimit must be at least 1 (was {DefaultLimit}).");
        }

        if (DefaultWindow < TimeSpan.FromMilliseconds(1))
        {
            errors.Add($"DefaultWindow must be at least 1 ms (was {DefaultWindow}).");
        }

        if (double.IsNaN(PacingMargin) || PacingMargin is < 0 or > 0.5)
        {
            errors.Add($"PacingMargin must be between 0 and 0.5 (was {PacingMargin}).");
        }

        if (BatchQueueLimit < TimeSpan.Zero)
        {
            errors.Add($"BatchQueueLimit must not be negative (was {BatchQueueLimit}).");
        }

        if (FallbackAfter <= TimeSpan.Zero)
        {
            errors.Add($"FallbackAfter must be positive (was {FallbackAfter}).");
        }

        if (FallbackFleetSize < 1)
        {
            errors.Add($"FallbackFleetSize must be at least 1 (was {FallbackFleetSize}).");
        }

        if (TimeProvider is null)
        {
            errors.Add("TimeProvider must not be null.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(RedisQuotaStoreOptions));
        }
    }
}
