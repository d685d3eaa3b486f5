using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace PluginApis.Emulator;

/// <summary>
/// Per-bucket fixed windows. A window opens with the first request of a bucket and lasts <see cref="EmulatorRateLimit.Window"/>;
/// every request (refused ones included) counts against it.
/// </summary>
internal sealed class FixedWindowRateLimiter(TimeProvider timeProvider)
{
    private readonly Dictionary<string, Counter> _windows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Decision Acquire(string bucket, EmulatorRateLimit limit)
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_windows.TryGetValue(bucket, out var counter) || now >= counter.End)
            {
                counter = new Counter { End = now + limit.Window };
                _windows[bucket] = counter;
            }

            counter.Count++;
            var reset = (long)Math.Ceiling((counter.End - now).TotalSeconds);
            return new Decision(
                Allowed: counter.Count <= limit.PermitLimit,
                Limit: limit.PermitLimit,
                WindowSeconds: (long)Math.Ceiling(limit.Window.TotalSeconds),
                Remaining: Math.Max(0, limit.PermitLimit - counter.Count),
                ResetSeconds: Math.Max(1, reset));
        }
    }

    private sealed class Counter
    {
        public DateTimeOffset End { get; init; }

        public int Count { get; set; }
    }

    internal readonly record struct Decision(bool Allowed, int Limit, long WindowSeconds, int Remaining, long ResetSeconds)
    {
        public void WriteHeaders(HttpResponse response, bool retryAfter)
        {
            var limit = Limit.ToString(CultureInfo.InvariantCulture);
            response.Headers["RateLimit-Limit"] = $"{limit}, {limit};w={WindowSeconds.ToString(CultureInfo.InvariantCulture)}";
            response.Headers["Ratelimit-Remaining"] = Remaining.ToString(CultureInfo.InvariantCulture);
            response.Headers["Ratelimit-Reset"] = ResetSeconds.ToString(CultureInfo.InvariantCulture);
            if (retryAfter && !Allowed)
            {
                response.Headers.RetryAfter = ResetSeconds.ToString(CultureInfo.InvariantCulture);
            }
        }
    }
}
