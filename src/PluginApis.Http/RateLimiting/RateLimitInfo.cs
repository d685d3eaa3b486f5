using System.Net.Http.Headers;

namespace PluginApis.Http;

/// <summary>
/// The rate-limit state a response announced: the <c>RateLimit-Limit</c> / <c>Ratelimit-Remaining</c> /
/// <c>Ratelimit-Reset</c> headers (or their later draft forms) and <c>Retry-After</c>.
/// Every value is optional: services omit headers, especially on errors.
/// </summary>
public sealed record RateLimitInfo
{
    /// <summary>The request limit in force now (the first member of <c>RateLimit-Limit</c>).</summary>
    public int? Limit { get; init; }

    /// <summary>Requests left in the current window.</summary>
    public int? Remaining { get; init; }

    /// <summary>Time until the current window resets, as announced (a delta, not a timestamp).</summary>
    public TimeSpan? Reset { get; init; }

    /// <summary>The quota policies announced beside the limit, e.g. <c>200;w=3600</c>.</summary>
    public IReadOnlyList<RateLimitPolicy> Policies { get; init; } = [];

    /// <summary>The delay the service asked for with <c>Retry-After</c>, if any.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>When the response carrying these headers was received.</summary>
    public DateTimeOffset ObservedAt { get; init; }

    /// <summary>The moment the window resets (<see cref="ObservedAt"/> + <see cref="Reset"/>), if known.</summary>
    public DateTimeOffset? ResetsAt => Reset is { } reset ? ObservedAt + reset : null;

    /// <summary>True when the response carried no rate-limit header at all.</summary>
    public bool IsEmpty => Limit is null && Remaining is null && Reset is null && RetryAfter is null && Policies.Count == 0;

    /// <summary>
    /// Reads the rate-limit headers of a response. Malformed values are ignored, never thrown.
    /// Header names are matched case-insensitively.
    /// </summary>
    /// <param name="headers">The response headers.</param>
    /// <param name="receivedAt">When the response was received (the base of relative values and HTTP-dates).</param>
    /// <returns>What the headers announced; <see cref="IsEmpty"/> when they announced nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is null.</exception>
    public static RateLimitInfo Parse(HttpResponseHeaders headers, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var collector = default(RateLimitHeaderParser.Collector);
        foreach (var header in headers.NonValidated)
        {
            foreach (var value in header.Value)
            {
                collector.Add(header.Key, value);
            }
        }

        return collector.Build(receivedAt);
    }

    /// <summary>
    /// Reads rate-limit headers from raw name/value pairs. Malformed values are ignored, never thrown.
    /// </summary>
    /// <param name="headers">Header names and values; a name may occur more than once.</param>
    /// <param name="receivedAt">When the response was received.</param>
    /// <returns>What the headers announced; <see cref="IsEmpty"/> when they announced nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is null.</exception>
    public static RateLimitInfo Parse(IEnumerable<KeyValuePair<string, string>> headers, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return RateLimitHeaderParser.Parse(headers, receivedAt);
    }
}
