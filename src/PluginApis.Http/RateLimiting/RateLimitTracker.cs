namespace PluginApis.Http;

/// <summary>
/// Remembers the quota each operation last announced and holds requests back while it is known to be spent, so that
/// a well-behaved client rarely provokes a 429 (the services count refused requests against the limit too).
/// One tracker belongs to one client (one API key); it is thread-safe.
/// </summary>
public sealed class RateLimitTracker
{
    private readonly Dictionary<string, Scope> _scopes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private RateLimitInfo? _last;

    /// <summary>The rate-limit headers of the most recent response, of any operation.</summary>
    public RateLimitInfo? Last => Volatile.Read(ref _last);

    /// <summary>
    /// Takes one request from the operation's known quota, or says how long to wait for the window to reset.
    /// Returns <see cref="TimeSpan.Zero"/> when the request may go now.
    /// </summary>
    /// <param name="operation">The rate-limit scope (the SDK operation).</param>
    /// <param name="now">The current time.</param>
    public TimeSpan TryAcquire(string operation, DateTimeOffset now) => TryAcquire(operation, null, now);

    /// <summary>
    /// <see cref="TryAcquire(string, DateTimeOffset)"/> reading <paramref name="time"/> only when the answer depends on
    /// the time: while the known quota has requests left, the request goes whether or not the window rolled over.
    /// </summary>
    internal TimeSpan TryAcquire(string operation, TimeProvider time) => TryAcquire(operation, time, default);

    private TimeSpan TryAcquire(string operation, TimeProvider? time, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_scopes.TryGetValue(operation, out var scope))
            {
                // Nothing known yet: let the request go, but count it, so that the first response's Remaining is read
                // net of the requests already sent beside it (concurrent callers would otherwise overshoot the first window).
                _scopes[operation] = new Scope { InFlight = 1 };
                return TimeSpan.Zero;
            }

            if (scope.Remaining > 0)
            {
                // Requests left: the request goes. A window that rolled over meanwhile is noticed when the count reaches
                // zero (then the clock is read); until then the next response resets the count anyway.
                scope.Remaining--;
                scope.InFlight++;
                return TimeSpan.Zero;
            }

            now = time?.GetUtcNow() ?? now;
            if (scope.ResetsAt is { } resetsAt && now >= resetsAt)
            {
                // The window rolled over: assume the full limit until a response says otherwise.
                scope.Remaining = scope.Limit;
                scope.ResetsAt = null;
            }

            if (scope.Remaining is not { } remaining)
            {
                scope.InFlight++;
                return TimeSpan.Zero;
            }

            if (remaining > 0)
            {
                scope.Remaining = remaining - 1;
                scope.InFlight++;
                return TimeSpan.Zero;
            }

            // Spent. Without a known reset there is nothing to wait for: let the request go and learn.
            if (scope.ResetsAt is not { } reset)
            {
                scope.InFlight++;
                return TimeSpan.Zero;
            }

            return reset - now;
        }
    }

    /// <summary>Records the headers of a response to a request of <paramref name="operation"/>.</summary>
    /// <param name="operation">The rate-limit scope.</param>
    /// <param name="info">The parsed headers.</param>
    public void Record(string operation, RateLimitInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        lock (_gate)
        {
            if (!_scopes.TryGetValue(operation, out var scope))
            {
                scope = new Scope();
                _scopes[operation] = scope;
            }

            scope.InFlight = Math.Max(0, scope.InFlight - 1);
            if (info.IsEmpty)
            {
                return;
            }

            Volatile.Write(ref _last, info);
            if (info.Limit is { } limit)
            {
                scope.Limit = limit;
            }

            var resetsAt = info.RetryAfter is { } retryAfter ? info.ObservedAt + retryAfter : info.ResetsAt;
            var sameWindow = scope.ResetsAt is { } known && known > info.ObservedAt && resetsAt is { } next && next < known + TimeSpan.FromSeconds(1);
            if (resetsAt is { } at)
            {
                // Resets are whole seconds rounded up: within one window the earliest estimate is the closest.
                scope.ResetsAt = sameWindow ? Min(scope.ResetsAt!.Value, at) : at;
            }

            scope.WindowResponses = sameWindow ? scope.WindowResponses + 1 : 1;
            if (info.Remaining is { } remaining)
            {
                // Requests still in flight were counted locally, but the server may have counted some of them already:
                // it has counted Limit - Remaining requests in this window, of which WindowResponses have been answered.
                // The rest of its count are requests still in flight (assuming this client is the key's only user), so
                // only the in-flight requests beyond that count are yet to be taken from Remaining.
                var countedInFlight = scope.Limit is { } windowLimit
                    ? Math.Clamp(windowLimit - remaining - scope.WindowResponses, 0, scope.InFlight)
                    : 0;
                var estimate = Math.Max(0, remaining - (scope.InFlight - countedInFlight));
                scope.Remaining = sameWindow && scope.Remaining is { } local ? Math.Min(local, estimate) : estimate;
            }
        }
    }

    /// <summary>Gives back a quota unit taken by <see cref="TryAcquire(string, DateTimeOffset)"/> for a request that got no response.</summary>
    /// <param name="operation">The rate-limit scope.</param>
    public void Release(string operation)
    {
        lock (_gate)
        {
            if (_scopes.TryGetValue(operation, out var scope))
            {
                scope.InFlight = Math.Max(0, scope.InFlight - 1);
            }
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed class Scope
    {
        public int? Limit;
        public int? Remaining;
        public DateTimeOffset? ResetsAt;
        public int InFlight;
        public int WindowResponses;
    }
}
