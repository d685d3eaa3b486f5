using System.Globalization;
using System.Net;

namespace PluginApis.FleetScenario;

/// <summary>What one worker saw: answers by kind, how long each call waited for quota, the time spent in the store.</summary>
internal sealed class WorkerStats
{
    private readonly Lock _gate = new();
    private readonly List<double> _waitsMs = [];
    private readonly List<double> _storeUs = [];
    private int _ok, _limited, _other, _failed, _refused;

    public void Answered(HttpStatusCode status, TimeSpan waited, TimeSpan inStore)
    {
        lock (_gate)
        {
            if (status == HttpStatusCode.OK)
            {
                _ok++;
            }
            else if (status == HttpStatusCode.TooManyRequests)
            {
                _limited++;
            }
            else
            {
                _other++;
            }

            _waitsMs.Add(waited.TotalMilliseconds);
            _storeUs.Add(inStore.TotalMicroseconds);
        }
    }

    public void Failed()
    {
        lock (_gate)
        {
            _failed++;
        }
    }

    public void Refused()
    {
        lock (_gate)
        {
            _refused++;
        }
    }

    public string Summary(TimeSpan elapsed)
    {
        lock (_gate)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"summary ok={_ok} limited={_limited} other={_other} failed={_failed} refused={_refused} elapsed_ms={elapsed.TotalMilliseconds:F0} " +
                $"call_p50_ms={Percentile(_waitsMs, 0.5):F1} call_p95_ms={Percentile(_waitsMs, 0.95):F1} " +
                $"store_p50_us={Percentile(_storeUs, 0.5):F0} store_p99_us={Percentile(_storeUs, 0.99):F0}");
        }
    }

    public static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
