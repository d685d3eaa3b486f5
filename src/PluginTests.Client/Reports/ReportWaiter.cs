using PluginApis.Http;

namespace PluginTests.Client;

/// <summary>
/// Polls a plugin's report list until the report of a queued test appears (see <see cref="NewReportFinder"/>), paced by
/// <see cref="ReportPollPacer"/>. Uses only the public client surface (<see cref="IPluginTestsClient.ListReportsAsync"/>,
/// <see cref="IApiClient.LastRateLimit"/>) and waits on the given clock, so a fake clock drives it in tests.
/// </summary>
internal sealed class ReportWaiter
{
    /// <summary>The wait limit when the caller passes none.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    private readonly IPluginTestsClient _client;
    private readonly TimeProvider _time;
    private readonly TimeSpan _minInterval;
    private readonly TimeSpan _maxInterval;

    public ReportWaiter(IPluginTestsClient client, TimeProvider time)
        : this(client, time, ReportPollPacer.DefaultMinInterval, ReportPollPacer.DefaultMaxInterval)
    {
    }

    public ReportWaiter(IPluginTestsClient client, TimeProvider time, TimeSpan minInterval, TimeSpan maxInterval)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _minInterval = minInterval;
        _maxInterval = maxInterval;
    }

    public async Task<PluginReport> WaitAsync(
        string directory,
        string slug,
        DateTimeOffset queuedAt,
        TimeSpan? timeout,
        IProgress<ReportWaitStatus>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(slug);
        var limit = timeout ?? DefaultTimeout;
        if (limit != Timeout.InfiniteTimeSpan && limit <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), limit, "The timeout must be positive or Timeout.InfiniteTimeSpan.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var started = _time.GetTimestamp();
        using var deadline = limit == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : new CancellationTokenSource(limit, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var finder = new NewReportFinder(queuedAt);
        var pacer = new ReportPollPacer(_minInterval, _maxInterval);
        var polls = 0;
        try
        {
            while (true)
            {
                IReadOnlyList<PluginReport>? reports = null;
                var refusedFor = TimeSpan.Zero;
                try
                {
                    reports = await ListAsync(directory, slug, linked.Token).ConfigureAwait(false);
                }
                catch (RateLimitExceededException ex) when (ex.RetryAfter is { } retryAfter)
                {
                    // Someone else spent the quota for longer than the pipeline waits: wait it out here.
                    refusedFor = retryAfter;
                }

                polls++;
                if (reports is not null && finder.Find(reports) is { } report)
                {
                    return report;
                }

                var rateLimit = _client.LastRateLimit;
                var pause = pacer.Next(rateLimit, _time.GetUtcNow());
                pause = refusedFor > pause ? refusedFor : pause;

                // The timer exists before progress is reported: whoever observes the status sees the waiter parked.
                var delay = Task.Delay(pause, _time, linked.Token);
                progress?.Report(new ReportWaitStatus
                {
                    Polls = polls,
                    ReportsListed = reports?.Count ?? 0,
                    Elapsed = _time.GetElapsedTime(started),
                    NextPollIn = pause,
                    RateLimit = rateLimit,
                });
                await delay.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"No report of {directory}/{slug} tested at or after {queuedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z appeared within {limit} ({polls} poll(s)).");
        }
    }

    /// <summary>
    /// One poll. Tolerated: <c>plugin_not_found</c> (a plugin tested for the first time may be listed only once its report
    /// exists) reads as an empty list. Anything else propagates.
    /// </summary>
    private async Task<IReadOnlyList<PluginReport>> ListAsync(string directory, string slug, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.ListReportsAsync(directory, slug, cancellationToken).ConfigureAwait(false);
        }
        catch (PluginTestsException ex) when (ex.Code == PluginTestsErrorCode.PluginNotFound)
        {
            return [];
        }
    }
}
