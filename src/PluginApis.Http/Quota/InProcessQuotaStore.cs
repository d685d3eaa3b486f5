namespace PluginApis.Http;

/// <summary>
/// The default <see cref="IQuotaStore"/>: the quota each operation last announced, kept in this process. It holds requests
/// back while the known quota is spent, so a well-behaved client rarely provokes a 429 (the services count refused requests
/// too). The server's count wins: each response resets the local estimate, and only requests still awaiting their answer
/// are counted locally. One announced reset never locks a client out: a wait longer than the caller accepts is re-probed
/// with one request once that long has passed. Thread-safe; share one instance between clients of the same API key.
/// </summary>
public sealed class InProcessQuotaStore : IQuotaStore
{
    private const long ProbeTicket = 1;

    private readonly Dictionary<(string Service, string KeyId, string Operation), QuotaState> _scopes = new(ScopeComparer.Instance);
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly double _batchReserve;

    /// <summary>Creates an empty store.</summary>
    /// <param name="timeProvider">The clock of windows and waits; default the system clock.</param>
    /// <param name="batchReserve">The share of each limit that <see cref="QuotaLane.Batch"/> calls leave for interactive ones (0 to 0.9). Default 0.2.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchReserve"/> is outside 0 to 0.9.</exception>
    public InProcessQuotaStore(TimeProvider? timeProvider = null, double batchReserve = 0.2)
    {
        if (double.IsNaN(batchReserve) || batchReserve is < 0 or > 0.9)
        {
            throw new ArgumentOutOfRangeException(nameof(batchReserve), batchReserve, "The batch reserve is a share of the limit between 0 and 0.9.");
        }

        _time = timeProvider ?? TimeProvider.System;
        _batchReserve = batchReserve;
    }

    /// <inheritdoc />
    public ValueTask<QuotaGrant> AcquireAsync(QuotaScope scope, TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<QuotaGrant>(cancellationToken);
        }

        return new ValueTask<QuotaGrant>(Acquire(scope, maxWait));
    }

    /// <summary>Records what the service announced after a request sent under <paramref name="grant"/>: the server's count replaces the local estimate.</summary>
    /// <param name="scope">The quota the request drew on.</param>
    /// <param name="grant">The grant the request was sent under.</param>
    /// <param name="observation">What the response announced.</param>
    /// <param name="cancellationToken">Not used: the update is in memory and immediate.</param>
    /// <returns>A completed task.</returns>
    /// <remarks>Never throws.</remarks>
    public ValueTask RecordAsync(QuotaScope scope, QuotaGrant grant, QuotaObservation observation, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var state = StateOf(scope);
            state.Answered(grant.Ticket == ProbeTicket);
            if (observation.RateLimit is { IsEmpty: false } info)
            {
                state.Learn(info, observation.RateLimited);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Gives back a reserved grant whose request was never sent.</summary>
    /// <param name="scope">The quota the grant was taken from.</param>
    /// <param name="grant">The grant.</param>
    /// <param name="cancellationToken">Not used: the update is in memory and immediate.</param>
    /// <returns>A completed task.</returns>
    /// <remarks>Never throws.</remarks>
    public ValueTask ReleaseAsync(QuotaScope scope, QuotaGrant grant, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            StateOf(scope).GiveBack(grant.Ticket == ProbeTicket);
        }

        return ValueTask.CompletedTask;
    }

    private QuotaGrant Acquire(QuotaScope scope, TimeSpan maxWait)
    {
        lock (_gate)
        {
            var state = StateOf(scope);
            var reserve = scope.Lane == QuotaLane.Batch && state.Limit is { } limit ? (int)Math.Ceiling(limit * _batchReserve) : 0;

            // Requests left: the request goes, without reading the clock (a window that rolled over meanwhile is noticed
            // once the count reaches the reserve; until then the next response resets the count anyway).
            if (state.TryTake(reserve))
            {
                return QuotaGrant.Now;
            }

            var now = _time.GetUtcNow();
            state.Roll(now);
            if (state.TryTake(reserve))
            {
                return QuotaGrant.Now;
            }

            // Spent (or paused by a 429) until a known moment: wait for it, or re-probe a wait the caller will not take.
            var wait = state.WaitUntil(now, reserve);
            if (wait > maxWait && state.MayProbe(now, maxWait))
            {
                return new QuotaGrant(true, TimeSpan.Zero, ProbeTicket);
            }

            return QuotaGrant.AskAgainAfter(wait);
        }
    }

    private QuotaState StateOf(QuotaScope scope)
    {
        var key = (scope.Service, scope.KeyId, scope.Operation);
        if (!_scopes.TryGetValue(key, out var state))
        {
            state = new QuotaState();
            _scopes[key] = state;
        }

        return state;
    }

    /// <summary>
    /// Hashes a scope by its operation name only (short, and what tells a client's scopes apart); equality still compares
    /// all three parts. Hashing the 32-character key id on every call cost more than the lookup it served.
    /// </summary>
    private sealed class ScopeComparer : IEqualityComparer<(string Service, string KeyId, string Operation)>
    {
        public static readonly ScopeComparer Instance = new();

        public bool Equals((string Service, string KeyId, string Operation) x, (string Service, string KeyId, string Operation) y) =>
            string.Equals(x.Operation, y.Operation, StringComparison.Ordinal)
            && string.Equals(x.KeyId, y.KeyId, StringComparison.Ordinal)
            && string.Equals(x.Service, y.Service, StringComparison.Ordinal);

        public int GetHashCode((string Service, string KeyId, string Operation) obj) => obj.Operation.GetHashCode(StringComparison.Ordinal);
    }
}
