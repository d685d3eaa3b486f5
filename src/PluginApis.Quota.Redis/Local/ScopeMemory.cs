using PluginApis.Http;

namespace PluginApis.Quota.Redis;

/// <summary>
/// What this process knows of one operation's quota: the policy and fleet size Redis last reported (for the fallback), where
/// the shared schedule stood (to carry it over a Redis restart or into the fallback) and the slots reserved for requests
/// still waiting. A waiting request asks again when its slot is due and takes the earliest due slot of its lane; a slot
/// nobody takes within a window is dropped (it counts as spent, as a sent request would). Thread-safe.
/// </summary>
internal sealed class ScopeMemory(int defaultLimit, TimeSpan defaultWindow)
{
    private readonly Lock _gate = new();
    private readonly List<PendingSlot> _interactive = [];
    private readonly List<PendingSlot> _batch = [];

    public int Limit { get; private set; } = defaultLimit;

    public TimeSpan Window { get; private set; } = defaultWindow;

    public int Fleet { get; private set; }

    /// <summary>The next free slot of the shared schedule as last seen, on the Redis clock (µs; 0 = never seen).</summary>
    public long SharedNextUs { get; private set; }

    /// <summary>The policy of the bucket <see cref="SharedNextUs"/> belongs to.</summary>
    public string SharedPolicy { get; private set; } = string.Empty;

    /// <summary>The same moment on the store's clock.</summary>
    public DateTimeOffset SharedNextLocal { get; private set; }

    public string Policy => ObservedQuota.Format(Limit, Window);

    /// <summary>Keeps what an acquisition reported; a policy no response announced yet is not passed on after a restart.</summary>
    public void Learn(int limit, TimeSpan window, int fleet, long sharedNextUs, DateTimeOffset sharedNextLocal, bool announced)
    {
        lock (_gate)
        {
            (Limit, Window, Fleet, SharedNextUs, SharedNextLocal) = (limit, window, Math.Max(1, fleet), sharedNextUs, sharedNextLocal);
            SharedPolicy = announced ? ObservedQuota.Format(limit, window) : string.Empty;
        }
    }

    public void Learn(string policy)
    {
        var colon = policy.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && int.TryParse(policy.AsSpan(0, colon), out var limit) && long.TryParse(policy.AsSpan(colon + 1), out var ms))
        {
            lock (_gate)
            {
                (Limit, Window) = (limit, TimeSpan.FromMilliseconds(ms));
            }
        }
    }

    public void Hold(QuotaLane lane, PendingSlot slot)
    {
        lock (_gate)
        {
            var list = Pending(lane);
            var at = list.FindIndex(p => p.Due > slot.Due);
            list.Insert(at < 0 ? list.Count : at, slot);
        }
    }

    public bool TryTakeDue(QuotaLane lane, DateTimeOffset now, out PendingSlot slot)
    {
        lock (_gate)
        {
            var list = Pending(lane);
            list.RemoveAll(p => p.Due < now - Window);
            if (list.Count > 0 && list[0].Due <= now)
            {
                slot = list[0];
                list.RemoveAt(0);
                return true;
            }
        }

        slot = default;
        return false;
    }

    private List<PendingSlot> Pending(QuotaLane lane) => lane == QuotaLane.Batch ? _batch : _interactive;
}
