using System.Diagnostics;
using PluginApis.Http;

namespace PluginApis.FleetScenario;

/// <summary>Wraps the store the client uses and adds up the time each call spends in it (acquire, confirm, record).</summary>
internal sealed class TimedQuotaStore(IQuotaStore inner) : IQuotaStore
{
    private long _ticks;

    /// <summary>Returns the time spent in the store since the last call, and starts again.</summary>
    public TimeSpan TakeElapsed() => Stopwatch.GetElapsedTime(0, Interlocked.Exchange(ref _ticks, 0));

    public async ValueTask<QuotaGrant> AcquireAsync(QuotaScope scope, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await inner.AcquireAsync(scope, maxWait, cancellationToken);
        }
        finally
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - start);
        }
    }

    public async ValueTask RecordAsync(QuotaScope scope, QuotaGrant grant, QuotaObservation observation, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        await inner.RecordAsync(scope, grant, observation, cancellationToken);
        Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - start);
    }

    public ValueTask ReleaseAsync(QuotaScope scope, QuotaGrant grant, CancellationToken cancellationToken) =>
        inner.ReleaseAsync(scope, grant, cancellationToken);
}
