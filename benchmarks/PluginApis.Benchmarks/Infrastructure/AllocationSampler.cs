using System.Diagnostics.Tracing;

namespace PluginApis.Benchmarks.Infrastructure;

/// <summary>
/// Samples allocations by type through the runtime's <c>GCAllocationTick</c> event (one event per ~100 KB allocated):
/// over many calls the counts show which types a code path allocates, without an external profiler.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private volatile bool _recording;

    public void Start() => _recording = true;

    public IReadOnlyList<KeyValuePair<string, long>> Stop()
    {
        _recording = false;
        lock (_gate)
        {
            var top = _counts.OrderByDescending(p => p.Value).Take(45).ToList();
            _counts.Clear();
            return top;
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.PayloadNames is null)
        {
            return;
        }

        var index = eventData.PayloadNames.IndexOf("TypeName");
        if (index >= 0 && eventData.Payload?[index] is string type)
        {
            lock (_gate)
            {
                _counts[type] = _counts.GetValueOrDefault(type) + 1;
            }
        }
    }
}
