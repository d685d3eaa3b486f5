using Microsoft.Extensions.Logging;

namespace PluginApis.Http;

/// <summary>
/// How a client retries, waits for rate-limit windows and times out. The defaults suit most callers.
/// </summary>
public sealed class ApiResilienceOptions
{
    /// <summary>Retries after the first attempt (0 disables retrying). Default 3; at most 10.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First backoff delay for transient faults and for a 429 without a reset hint; doubles per retry, jittered. Default 0.8 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(800);

    /// <summary>Largest backoff delay between two attempts for transient faults. Default 30 s.</summary>
    public TimeSpan MaxBackoffDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest wait for a rate-limit window the client accepts (from <c>Retry-After</c>, <c>Ratelimit-Reset</c> or the known quota).
    /// A longer wait is not waited out: <see cref="RateLimitExceededException"/> is thrown at once. Default 60 s.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time limit of one attempt; <see cref="Timeout.InfiniteTimeSpan"/> disables it. Default 100 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Time limit of a whole call including retries and waits; <see cref="Timeout.InfiniteTimeSpan"/> disables it. Default 10 min.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>When true (default) the client waits before sending while the last known quota of an operation is spent, instead of provoking a 429.</summary>
    public bool ProactiveThrottling { get; set; } = true;

    /// <summary>
    /// Where the quota state lives: null (default) keeps it in this client (an <see cref="InProcessQuotaStore"/>); set a
    /// shared store (e.g. <c>RedisQuotaStore</c>) so that many processes on one API key share one quota.
    /// </summary>
    public IQuotaStore? QuotaStore { get; set; }

    /// <summary>How much of the quota this client's calls may use: <see cref="QuotaLane.Interactive"/> (default) all of it, <see cref="QuotaLane.Batch"/> leaves a reserve.</summary>
    public QuotaLane QuotaLane { get; set; } = QuotaLane.Interactive;

    /// <summary>Randomises backoff delays so that many clients do not retry in lockstep. Default true.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>The clock used for every wait and timeout; replace it in tests. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where retries, waits and throttling are logged; null logs nothing. Set automatically under dependency injection.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Checks the values and returns every problem found, in words a caller can act on (empty when valid).</summary>
    /// <returns>The problems, each naming the setting and its allowed range.</returns>
    /// <remarks>Never throws: problems are returned, not thrown (see <see cref="EnsureValid"/>).</remarks>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxRetryAttempts is < 0 or > 10)
        {
            errors.Add($"Resilience:MaxRetryAttempts must be between 0 and 10 (was {MaxRetryAttempts}).");
        }

        Range(errors, nameof(BaseDelay), BaseDelay, TimeSpan.Zero, TimeSpan.FromMinutes(10));
        Range(errors, nameof(MaxBackoffDelay), MaxBackoffDelay, BaseDelay < TimeSpan.Zero ? TimeSpan.Zero : BaseDelay, TimeSpan.FromDays(1));
        Range(errors, nameof(MaxRateLimitWait), MaxRateLimitWait, TimeSpan.Zero, TimeSpan.FromDays(1));
        TimeoutRange(errors, nameof(AttemptTimeout), AttemptTimeout);
        TimeoutRange(errors, nameof(TotalTimeout), TotalTimeout);
        if (TimeProvider is null)
        {
            errors.Add("Resilience:TimeProvider must not be null.");
        }

        return errors;
    }

    /// <summary>Throws when the values are invalid.</summary>
    /// <exception cref="ArgumentException">A value is invalid; the message names every one.</exception>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(ApiResilienceOptions));
        }
    }

    private static void Range(List<string> errors, string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            errors.Add($"Resilience:{name} must be between {min} and {max} (was {value}).");
        }
    }

    // Polly's timeout strategy arms a timer: 10 ms to 1 day, or infinite (no timeout strategy at all).
    private static void TimeoutRange(List<string> errors, string name, TimeSpan value)
    {
        if (value != Timeout.InfiniteTimeSpan && (value < TimeSpan.FromMilliseconds(10) || value > TimeSpan.FromDays(1)))
        {
            errors.Add($"Resilience:{name} must be between 10 ms and 1 day, or Timeout.InfiniteTimeSpan (was {value}).");
        }
    }
}
