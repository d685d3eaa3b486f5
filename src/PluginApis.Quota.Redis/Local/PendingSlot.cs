namespace PluginApis.Quota.Redis;

/// <summary>A slot reserved for a request that is still waiting for it: due at <paramref name="Due"/> on the store's clock.</summary>
/// <param name="Due">When the request may go.</param>
/// <param name="SlotUs">The slot on the Redis clock (µs); 0 for a slot of the local fallback schedule.</param>
internal readonly record struct PendingSlot(DateTimeOffset Due, long SlotUs)
{
    public bool Shared => SlotUs > 0;
}
