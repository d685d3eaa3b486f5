using PluginApis.Http;

namespace PluginTests.Client;

/// <summary>
/// Where a <see cref="IPluginTestsClient.WaitForReportAsync(string, string, DateTimeOffset, TimeSpan?, IProgress{ReportWaitStatus}, CancellationToken)"/>
/// stands after a poll that found no new report: reported once per poll, just before the wait for the next one.
/// </summary>
public sealed class ReportWaitStatus
{
    /// <summary>Polls of the report list made so far (at least 1).</summary>
    public int Polls { get; init; }

    /// <summary>Reports the last poll listed (all of them older than the queued test).</summary>
    public int ReportsListed { get; init; }

    /// <summary>Time since the wait started, by the client's <see cref="ApiResilienceOptions.TimeProvider"/>.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>How long the waiter pauses before the next poll (paced by the quota, see the method's remarks).</summary>
    public TimeSpan NextPollIn { get; init; }

    /// <summary>The rate-limit state the pacing was based on: the client's <see cref="IApiClient.LastRateLimit"/>, or null without headers.</summary>
    public RateLimitInfo? RateLimit { get; init; }
}
