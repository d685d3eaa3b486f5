namespace PluginApis.Http;

/// <summary>
/// The quota state behind the SDK's throttle: before every attempt the throttle asks the store when the request may go,
/// and after it the store learns what the service announced. The default, <see cref="InProcessQuotaStore"/>, keeps the
/// state of one client in memory; a shared store (the <c>PluginApis.Quota.Redis</c> package) lets many processes on one
/// API key share one quota. Set it with <see cref="ApiResilienceOptions.QuotaStore"/>.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe and must never fail a call because their own state is unavailable: a store that
/// cannot reach its backing service answers from a local fallback instead of throwing.
/// The throttle calls <see cref="AcquireAsync"/> until it gets a reserved grant; it waits
/// <see cref="QuotaGrant.Delay"/> in between, and refuses the call locally when a delay exceeds the wait it may take.
/// Every reserved grant is followed by exactly one <see cref="RecordAsync"/> (the request was sent) or
/// <see cref="ReleaseAsync"/> (it was not).
/// </remarks>
public interface IQuotaStore
{
    /// <summary>
    /// Asks when one request of <paramref name="scope"/> may be sent. A reserved grant holds a slot for the request, to be
    /// sent after <see cref="QuotaGrant.Delay"/>; an unreserved grant says how long to wait before asking again.
    /// A store must not reserve a slot it would make the caller wait longer than <paramref name="maxWait"/> for.
    /// </summary>
    /// <param name="scope">The quota the request draws on.</param>
    /// <param name="maxWait">The longest wait the caller accepts (<see cref="ApiResilienceOptions.MaxRateLimitWait"/>).</param>
    /// <param name="cancellationToken">Cancels the question (the caller then sends nothing).</param>
    /// <returns>The grant; never null.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<QuotaGrant> AcquireAsync(QuotaScope scope, TimeSpan maxWait, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records what the service said after a request sent under a reserved <paramref name="grant"/>: the parsed
    /// rate-limit headers (the server's count wins over local accounting), or none when no response arrived.
    /// </summary>
    /// <param name="scope">The quota the request drew on.</param>
    /// <param name="grant">The grant the request was sent under.</param>
    /// <param name="observation">What the response announced.</param>
    /// <param name="cancellationToken">Cancels the update; the store stays consistent either way.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask RecordAsync(QuotaScope scope, QuotaGrant grant, QuotaObservation observation, CancellationToken cancellationToken = default);

    /// <summary>Gives back a reserved grant whose request was never sent (cancelled while waiting, or out of time).</summary>
    /// <param name="scope">The quota the grant was taken from.</param>
    /// <param name="grant">The grant.</param>
    /// <param name="cancellationToken">Cancels the update; a store may then keep the slot as spent.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask ReleaseAsync(QuotaScope scope, QuotaGrant grant, CancellationToken cancellationToken = default);
}
