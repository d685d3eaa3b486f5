namespace PluginApis.Http;

/// <summary>The answer of <see cref="IQuotaStore.AcquireAsync"/>.</summary>
/// <param name="Reserved">True when a slot is held for the request: send it after <paramref name="Delay"/>. False: wait <paramref name="Delay"/>, then ask again.</param>
/// <param name="Delay">How long to wait; <see cref="TimeSpan.Zero"/> for at once.</param>
/// <param name="Ticket">A value of the store's own, handed back with the grant to <see cref="IQuotaStore.RecordAsync"/> or <see cref="IQuotaStore.ReleaseAsync"/>.</param>
/// <remarks>Never throws: the constructor only stores the values.</remarks>
public readonly record struct QuotaGrant(bool Reserved, TimeSpan Delay, long Ticket = 0)
{
    /// <summary>A slot reserved for now.</summary>
    public static QuotaGrant Now { get; } = new(true, TimeSpan.Zero);

    /// <summary>A slot reserved for after <paramref name="delay"/>.</summary>
    /// <param name="delay">The wait before sending.</param>
    /// <param name="ticket">The store's own value for this grant.</param>
    /// <returns>The grant.</returns>
    /// <remarks>Never throws.</remarks>
    public static QuotaGrant After(TimeSpan delay, long ticket = 0) => new(true, delay, ticket);

    /// <summary>No slot yet: ask again after <paramref name="delay"/>.</summary>
    /// <param name="delay">The wait before asking again.</param>
    /// <returns>The grant.</returns>
    /// <remarks>Never throws.</remarks>
    public static QuotaGrant AskAgainAfter(TimeSpan delay) => new(false, delay);
}
