using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PluginApis.Http;

/// <summary>
/// The SDK's traces and metrics (only the name is public: subscribe to it). Listen to the <see cref="ActivitySource"/> and <see cref="Meter"/> named
/// <see cref="Name"/> (<c>PluginApis</c>) with OpenTelemetry or an <see cref="ActivityListener"/>/<see cref="MeterListener"/>.
/// URLs in tags are redacted; the API key never appears.
/// </summary>
public static class ApiTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "PluginApis";

    /// <summary>One span per SDK call, named after the operation (e.g. <c>PluginTests.GetPlugin</c>).</summary>
    internal static readonly ActivitySource ActivitySource = new(Name, typeof(ApiTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>The SDK's meter.</summary>
    internal static readonly Meter Meter = new(Name, typeof(ApiTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Counts HTTP attempts sent (<c>pluginapis.requests</c>), tagged with operation and status.</summary>
    internal static readonly Counter<long> Requests = Meter.CreateCounter<long>("pluginapis.requests", "{request}", "HTTP attempts sent by the SDK.");

    /// <summary>Counts retries (<c>pluginapis.retries</c>), tagged with operation and reason.</summary>
    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>("pluginapis.retries", "{retry}", "Attempts repeated after a 429 or a transient fault.");

    /// <summary>Counts 429 responses received (<c>pluginapis.rate_limited</c>).</summary>
    internal static readonly Counter<long> RateLimited = Meter.CreateCounter<long>("pluginapis.rate_limited", "{response}", "429 Too Many Requests responses received.");

    /// <summary>Time spent waiting for quota, by a 429's reset or proactive throttling (<c>pluginapis.quota_wait</c>, seconds).</summary>
    internal static readonly Histogram<double> QuotaWait = Meter.CreateHistogram<double>("pluginapis.quota_wait", "s", "Time spent waiting for a rate-limit window.");
}
