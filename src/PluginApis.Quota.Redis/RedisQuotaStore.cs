using System.Collections.Concurrent;
using System.Globalization;
using PluginApis.Http;
using StackExchange.Redis;

namespace PluginApis.Quota.Redis;

/// <summary>
/// One API key's quota shared by every process that uses it, kept in Redis. Each request gets a slot of one fleet-wide
/// schedule (GCRA: slots spaced evenly at the announced limit, less <see cref="RedisQuotaStoreOptions.PacingMargin"/>) in one
/// Lua call on Redis's clock, first come first served, without locks or polling. Each response's
/// <c>Ratelimit-Remaining</c>/<c>Ratelimit-Reset</c> can push the schedule back (the server wins), and a 429 pauses every
/// process until its <c>Retry-After</c> or reset. A slot is spent once granted, so a process that dies holds nothing.
/// When Redis is slow or down the store paces this process alone with its share of the quota and returns to the shared
/// schedule as soon as Redis answers again; a call never fails because of Redis. Thread-safe; share one instance per process.
/// </summary>
/// <example><code>
/// var redis = await ConnectionMultiplexer.ConnectAsync("localhost:6379");
/// var options = new PluginTestsClientOptions { ApiKey = key };
/// options.Resilience.QuotaStore = new RedisQuotaStore(redis);
/// </code></example>
public sealed class RedisQuotaStore : IQuotaStore
{
    private static readonly TimeSpan UnlearnedQueue = TimeSpan.FromMilliseconds(100);
    // A held slot is confirmed this long before it is due, so the round trip is not on the request's path.
    private static readonly TimeSpan ConfirmLead = TimeSpan.FromMilliseconds(50);

    private readonly RedisQuotaStoreOptions _options;
    private readonly RedisLink _link;
    private readonly TimeProvider _time;
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly string _defaultPolicy;
    private readonly string _margin;
    private readonly ConcurrentDictionary<(string Service, string KeyId, string Operation), ScopeMemory> _memory = new();
    private readonly ConcurrentDictionary<(string Service, string KeyId, string Policy), FallbackPacer> _pacers = new();
    private readonly ConcurrentDictionary<(string Service, string KeyId), QuotaKeys> _keys = new();

    /// <summary>Creates a store over an open Redis connection (which it never closes).</summary>
    /// <param name="connection">The connection, e.g. <c>ConnectionMultiplexer.Connect("localhost")</c>; share it with the rest of the app.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public RedisQuotaStore(IConnectionMultiplexer connection, RedisQuotaStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _options = options ?? new RedisQuotaStoreOptions();
        _options.EnsureValid();
        _time = _options.TimeProvider;
        _link = new RedisLink(connection, _time, _options.FallbackAfter);
        _defaultPolicy = ObservedQuota.Format(_options.DefaultLimit, _options.DefaultWindow);
        _margin = _options.PacingMargin.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>True while this process uses the shared schedule in Redis; false after Redis did not answer a call in time, until it answers one again.</summary>
    public bool IsShared => _link.IsShared;

    /// <inheritdoc />
    public async ValueTask<QuotaGrant> AcquireAsync(QuotaScope scope, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var memory = MemoryOf(scope);
        if (memory.TryTakeDue(scope.Lane, _time.GetUtcNow(), out var held))
        {
            var confirmed = held.Shared ? await ConfirmAsync(scope, memory, held, maxWait, cancellationToken).ConfigureAwait(false)
                : PacerOf(scope, memory.Policy).IsPaused(_time.GetUtcNow()) ? (QuotaGrant?)null
                : new QuotaGrant(true, TimeSpan.Zero);
            if (confirmed is { } grant)
            {
                return grant;
            }
        }

        return await AcquireSharedAsync(scope, memory, maxWait, cancellationToken).ConfigureAwait(false)
            ?? AcquireLocal(scope, memory, maxWait);
    }

    /// <inheritdoc />
    public ValueTask RecordAsync(QuotaScope scope, QuotaGrant grant, QuotaObservation observation, CancellationToken cancellationToken)
    {
        var memory = MemoryOf(scope);
        var observed = ObservedQuota.From(observation, _options.DefaultWindow);
        if (observed.Policy.Length > 0)
        {
            memory.Learn(observed.Policy);
        }

        var now = _time.GetUtcNow();
        var pacer = PacerOf(scope, memory.Policy);
        if (observed.RateLimited)
        {
            var pause = observed.RetryAfterUs >= 0 ? observed.RetryAfterUs : observed.LatestResetUs;
            pacer.PauseUntil(now + (pause >= 0 ? TimeSpan.FromMicroseconds(pause) : memory.Window / memory.Limit));
        }
        else if (observed.Remaining == 0 && observed.LatestResetUs >= 0)
        {
            pacer.PauseUntil(now + TimeSpan.FromMicroseconds(observed.LatestResetUs));
        }

        var keys = KeysOf(scope);
        _link.Send(QuotaScripts.Record, keys.ForOthers,
        [
            scope.Operation, _defaultPolicy, keys.BucketPrefix, _margin, grant.Ticket, observed.Policy,
            grant.Ticket > 0 ? observed.Remaining : -1, observed.EarliestResetUs, observed.LatestResetUs, observed.RetryAfterUs,
            observed.RateLimited ? 1 : 0,
        ]);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(QuotaScope scope, QuotaGrant grant, CancellationToken cancellationToken)
    {
        var memory = MemoryOf(scope);
        if (grant.Ticket > 0)
        {
            var keys = KeysOf(scope);
            _link.Send(QuotaScripts.Release, keys.ForOthers, [scope.Operation, _defaultPolicy, keys.BucketPrefix, _margin, grant.Ticket]);
        }
        else
        {
            PacerOf(scope, memory.Policy).GiveBack(_time.GetUtcNow(), FallbackSpacing(memory));
        }

        return ValueTask.CompletedTask;
    }

    private async ValueTask<QuotaGrant?> ConfirmAsync(QuotaScope scope, ScopeMemory memory, PendingSlot held, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var keys = KeysOf(scope);
        var reply = await _link.EvaluateAsync(QuotaScripts.Confirm, keys.ForOthers,
            [scope.Operation, _defaultPolicy, keys.BucketPrefix, _margin, held.SlotUs, Micros(maxWait)], cancellationToken).ConfigureAwait(false);
        if (reply is null)
        {
            // Redis granted the slot; only a pause announced since could void it, and Redis cannot say now.
            return new QuotaGrant(true, TimeSpan.Zero, held.SlotUs);
        }

        var values = (RedisResult[])reply!;
        var code = (long)values[0];
        var wait = TimeSpan.FromMicroseconds((long)values[1]);
        if (code == 1)
        {
            return new QuotaGrant(true, wait, held.SlotUs);
        }

        if (code == 0)
        {
            return Hold(scope.Lane, memory, _time.GetUtcNow(), wait, (long)values[2]);
        }

        return QuotaGrant.AskAgainAfter(wait);
    }

    private async ValueTask<QuotaGrant?> AcquireSharedAsync(QuotaScope scope, ScopeMemory memory, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var keys = KeysOf(scope);
        var pacer = PacerOf(scope, memory.Policy);
        var charge = pacer.Uncharged(_time.GetUtcNow(), memory.Window);
        var reply = await _link.EvaluateAsync(QuotaScripts.Acquire, keys.ForAcquire,
        [
            scope.Operation, _defaultPolicy, keys.BucketPrefix, _margin, scope.Lane == QuotaLane.Batch ? 1 : 0, Micros(maxWait),
            Micros(_options.BatchQueueLimit), _instance, memory.SharedNextUs, Micros(UnlearnedQueue), memory.SharedPolicy, charge,
        ], cancellationToken, static (late, state) =>
        {
            // Redis reserved a slot after all, but the call went alone: that slot stands for it.
            if ((long)((RedisResult[])late!)[0] == 1)
            {
                ((FallbackPacer)state!).Covered();
            }
        }, pacer).ConfigureAwait(false);
        if (reply is null)
        {
            return null;
        }

        if (charge > 0)
        {
            pacer.Charged();
        }

        var values = (RedisResult[])reply!;
        var (code, wait, slot, spacing, redisNow) = ((long)values[0], (long)values[1], (long)values[5], (long)values[6], (long)values[8]);
        var localNow = _time.GetUtcNow();
        var next = code == 1 ? slot + spacing : Math.Max(slot, redisNow);
        memory.Learn((int)(long)values[2], TimeSpan.FromMicroseconds((long)values[3]), (int)(long)values[4], next,
            localNow + TimeSpan.FromMicroseconds(next - redisNow), (long)values[7] == 1);
        var delay = TimeSpan.FromMicroseconds(wait);
        switch (code)
        {
            case 2:
                return new QuotaGrant(true, TimeSpan.Zero, slot);
            case 1 when delay <= ConfirmLead:
                return new QuotaGrant(true, delay, slot);
            case 1:
                return Hold(scope.Lane, memory, localNow, delay, slot);
            default:
                return QuotaGrant.AskAgainAfter(delay);
        }
    }

    private static QuotaGrant Hold(QuotaLane lane, ScopeMemory memory, DateTimeOffset now, TimeSpan wait, long slot)
    {
        if (wait <= ConfirmLead)
        {
            return new QuotaGrant(true, wait, slot);
        }

        memory.Hold(lane, new PendingSlot(now + wait - ConfirmLead, slot));
        return QuotaGrant.AskAgainAfter(wait - ConfirmLead);
    }

    private QuotaGrant AcquireLocal(QuotaScope scope, ScopeMemory memory, TimeSpan maxWait)
    {
        var now = _time.GetUtcNow();
        var queue = scope.Lane == QuotaLane.Batch && _options.BatchQueueLimit < maxWait ? _options.BatchQueueLimit : maxWait;
        var sharedNext = memory.SharedNextUs > 0 ? memory.SharedNextLocal : (DateTimeOffset?)null;
        var (reserved, wait) = PacerOf(scope, memory.Policy).Reserve(now, FallbackSpacing(memory), _link.Outages, sharedNext, maxWait, queue);
        if (!reserved)
        {
            return QuotaGrant.AskAgainAfter(wait);
        }

        if (wait <= ConfirmLead)
        {
            return new QuotaGrant(true, wait);
        }

        memory.Hold(scope.Lane, new PendingSlot(now + wait, 0));
        return QuotaGrant.AskAgainAfter(wait);
    }

    private TimeSpan FallbackSpacing(ScopeMemory memory) =>
        FallbackPacer.Spacing(memory.Limit, memory.Window, memory.Fleet > 0 ? memory.Fleet : _options.FallbackFleetSize, _options.PacingMargin);

    private ScopeMemory MemoryOf(QuotaScope scope) =>
        _memory.GetOrAdd((scope.Service, scope.KeyId, scope.Operation), static (_, o) => new ScopeMemory(o.DefaultLimit, o.DefaultWindow), _options);

    private FallbackPacer PacerOf(QuotaScope scope, string policy) =>
        _pacers.GetOrAdd((scope.Service, scope.KeyId, policy), static _ => new FallbackPacer());

    private QuotaKeys KeysOf(QuotaScope scope) =>
        _keys.GetOrAdd((scope.Service, scope.KeyId), static (key, prefix) => QuotaKeys.For(prefix, new QuotaScope(key.Service, key.KeyId, string.Empty, QuotaLane.Interactive)), _options.KeyPrefix);

    private static long Micros(TimeSpan value) => value.Ticks / 10;
}
