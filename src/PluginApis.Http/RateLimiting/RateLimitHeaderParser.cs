using System.Globalization;

namespace PluginApis.Http;

/// <summary>
/// Parses the rate-limit header family. Knows the draft-ietf-httpapi-ratelimit-headers -00..-03 form the
/// services use (<c>RateLimit-Limit</c>, <c>RateLimit-Remaining</c>, <c>RateLimit-Reset</c>), the -07 form
/// (<c>RateLimit: limit=, remaining=, reset=</c>), the -08..-10 form (<c>RateLimit-Policy</c> + <c>RateLimit: "p";r=;t=</c>)
/// and <c>Retry-After</c>. Total: malformed input is skipped, never thrown.
/// </summary>
internal static partial class RateLimitHeaderParser
{
    /// <summary>Longest delay we represent; anything larger is absurd and clamped.</summary>
    internal static readonly TimeSpan MaxDelta = TimeSpan.FromDays(365);

    private static readonly string[] HttpDateFormats =
    [
        "r",
        "ddd, d MMM yyyy HH:mm:ss 'GMT'",
        "dddd, dd-MMM-yy HH:mm:ss 'GMT'",
        "ddd MMM d HH:mm:ss yyyy",
        "ddd MMM  d HH:mm:ss yyyy",
    ];

    public static RateLimitInfo Parse(IEnumerable<KeyValuePair<string, string>> headers, DateTimeOffset receivedAt)
    {
        var collector = default(Collector);
        foreach (var (name, value) in headers)
        {
            collector.Add(name, value);
        }

        return collector.Build(receivedAt);
    }

    /// <summary>
    /// Gathers the header values of interest, one header at a time, without allocating for the names
    /// (this runs for every response, so it avoids an iterator and upper-cased copies of each header name).
    /// </summary>
    internal struct Collector
    {
        private string? _limit, _remaining, _reset, _combined, _policy, _retryAfter;

        public void Add(string? name, string? value)
        {
            if (name is null || value is null)
            {
                return;
            }

            var key = name.AsSpan().Trim();
            // By length first: most names are ruled out without comparing a character.
            switch (key.Length)
            {
                case 15 when Is(key, "RATELIMIT-LIMIT"):
                case 17 when Is(key, "X-RATELIMIT-LIMIT"):
                    _limit = Join(_limit, value);
                    break;
                case 19 when Is(key, "RATELIMIT-REMAINING"):
                case 21 when Is(key, "X-RATELIMIT-REMAINING"):
                    _remaining = Join(_remaining, value);
                    break;
                case 15 when Is(key, "RATELIMIT-RESET"):
                case 17 when Is(key, "X-RATELIMIT-RESET"):
                    _reset = Join(_reset, value);
                    break;
                case 9 when Is(key, "RATELIMIT"):
                    _combined = Join(_combined, value);
                    break;
                case 16 when Is(key, "RATELIMIT-POLICY"):
                    _policy = Join(_policy, value);
                    break;
                case 11 when Is(key, "RETRY-AFTER"):
                    _retryAfter ??= value;
                    break;
            }
        }

        public readonly RateLimitInfo Build(DateTimeOffset receivedAt)
        {
            int? limitValue = null, remainingValue = null;
            TimeSpan? resetValue = null;
            IReadOnlyList<RateLimitPolicy> policies = [];
            if (_limit is not null)
            {
                var parsed = ParsedLimit.For(_limit);
                limitValue = parsed.Limit;
                policies = parsed.Policies;
            }

            if (_remaining is not null)
            {
                remainingValue = FirstNumber(_remaining) is { } r ? (int)Math.Min(r, int.MaxValue) : null;
            }

            if (_reset is not null && FirstNumber(_reset) is { } seconds)
            {
                resetValue = Seconds(seconds);
            }

            if (_policy is not null)
            {
                var all = new List<RateLimitPolicy>(policies);
                ParsePolicyList(_policy, all);
                policies = all.AsReadOnly();
            }

            if (_combined is not null)
            {
                ParseCombined(_combined, ref limitValue, ref remainingValue, ref resetValue);
            }

            return new RateLimitInfo
            {
                Limit = limitValue ?? (policies.Count > 0 ? policies[0].Quota : null),
                Remaining = remainingValue,
                Reset = resetValue,
                Policies = policies,
                RetryAfter = _retryAfter is null ? null : ParseRetryAfter(_retryAfter, receivedAt),
                ObservedAt = receivedAt,
            };
        }

        // Header names are ASCII tokens: an ordinal case-insensitive match is what upper-casing both sides did.
        private static bool Is(ReadOnlySpan<char> name, string upper) => name.Equals(upper, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Parses a <c>Retry-After</c> value: delay-seconds or an HTTP-date (RFC 9110). Null when malformed.</summary>
    public static TimeSpan? ParseRetryAfter(string value, DateTimeOffset now)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (char.IsAsciiDigit(text[0]))
        {
            return ParseNonNegativeLong(text) is { } seconds ? Seconds(seconds) : null;
        }

        if (DateTimeOffset.TryParseExact(text, HttpDateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AllowInnerWhite | DateTimeStyles.AssumeUniversal, out var date))
        {
            var delta = date - now;
            return delta <= TimeSpan.Zero ? TimeSpan.Zero : delta > MaxDelta ? MaxDelta : delta;
        }

        return null;
    }

    private static string Join(string? existing, string value) => existing is null ? value : existing + "," + value;

    private static TimeSpan Seconds(long seconds) =>
        seconds <= 0 ? TimeSpan.Zero : seconds >= (long)MaxDelta.TotalSeconds ? MaxDelta : TimeSpan.FromSeconds(seconds);
}
