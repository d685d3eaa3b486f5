using PluginApis.Http;

namespace PluginTests.Client;

/// <summary>
/// The PluginTests API (plugintests.com, v1): plugins, test reports, what plugins leave in the database, webhooks and the
/// test queue. Arguments are checked before any request (<see cref="ArgumentException"/>). Every call can fail with
/// <see cref="PluginTestsException"/> (an error status; <see cref="PluginTestsException.Code"/> tells which),
/// <see cref="RateLimitExceededException"/> (a wait longer than allowed), <see cref="InvalidResponseException"/> (a body
/// that is not the expected JSON or larger than the cap), <see cref="HttpRequestException"/> (the service could not be
/// reached), <see cref="TimeoutException"/> or <see cref="OperationCanceledException"/>.
/// </summary>
public interface IPluginTestsClient : IApiClient
{
    /// <summary>Reads the API root: a partial list of the resources the key can reach and its permissions.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<ServiceRoot> GetRootAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one plugin.</summary>
    /// <param name="directory">The owner or directory slug; <c>wporg</c> for WordPress.org.</param>
    /// <param name="slug">The plugin slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <exception cref="PluginTestsException">The service answered with an error status (<see cref="PluginTestsErrorCode.PluginNotFound"/> when there is no such plugin).</exception>
    /// <exception cref="RateLimitExceededException">The rate limit asks for a wait longer than <see cref="ApiResilienceOptions.MaxRateLimitWait"/>.</exception>
    /// <exception cref="InvalidResponseException">The body is not the expected JSON, or larger than <see cref="ApiClientOptions.MaxResponseBodySize"/>.</exception>
    /// <exception cref="HttpRequestException">The service could not be reached, after the retries allowed.</exception>
    /// <exception cref="TimeoutException">An attempt or the whole call ran out of time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<Plugin> GetPluginAsync(string directory, string slug, CancellationToken cancellationToken = default);

    /// <summary>Lists a plugin's test reports.</summary>
    /// <param name="directory">The owner or directory slug; <c>wporg</c> for WordPress.org.</param>
    /// <param name="slug">The plugin slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<IReadOnlyList<PluginReport>> ListReportsAsync(string directory, string slug, CancellationToken cancellationToken = default);

    /// <summary>Reads one test report.</summary>
    /// <param name="directory">The owner or directory slug; <c>wporg</c> for WordPress.org.</param>
    /// <param name="slug">The plugin slug.</param>
    /// <param name="reportSlug">The report slug (<see cref="PluginReport.Slug"/> or <see cref="Plugin.LatestReport"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<PluginReport> GetReportAsync(string directory, string slug, string reportSlug, CancellationToken cancellationToken = default);

    /// <summary>Lists the database tables or options a plugin creates.</summary>
    /// <param name="directory">The owner or directory slug; <c>wporg</c> for WordPress.org.</param>
    /// <param name="slug">The plugin slug.</param>
    /// <param name="collection">Tables or options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<IReadOnlyList<PluginEntity>> ListEntitiesAsync(string directory, string slug, EntityCollection collection, CancellationToken cancellationToken = default);

    /// <summary>Deletes one of the caller's own plugins (WordPress.org plugins can never be deleted).</summary>
    /// <param name="directory">The caller's directory slug.</param>
    /// <param name="slug">The plugin slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task DeletePluginAsync(string directory, string slug, CancellationToken cancellationToken = default);

    /// <summary>Reads the user the API key belongs to.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<PluginTestsUser> GetCurrentUserAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the current user's plugins.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<IReadOnlyList<Plugin>> ListUserPluginsAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the current user's webhooks.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<IReadOnlyList<Webhook>> ListWebhooksAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates a webhook. Not retried after a transient fault (it may have been created).</summary>
    /// <param name="url">The absolute http(s) URL that receives the events; several webhooks may share one.</param>
    /// <param name="eventType">The one event type it receives; null for all events.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<Webhook> CreateWebhookAsync(Uri url, WebhookEventType? eventType = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one webhook.</summary>
    /// <param name="webhookId">The webhook id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<Webhook> GetWebhookAsync(string webhookId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a webhook.</summary>
    /// <param name="webhookId">The webhook id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task DeleteWebhookAsync(string webhookId, CancellationToken cancellationToken = default);

    /// <summary>Lists the test queue. Restricted: most keys get a 403 <see cref="PluginTestsException"/>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<IReadOnlyList<QueueJob>> ListQueueAsync(CancellationToken cancellationToken = default);

    /// <summary>Queues a test of a plugin. Not retried after a transient fault (it may have been queued).</summary>
    /// <param name="request">What to test; checked before sending (see <see cref="EnqueueTestRequest"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<QueueJob> EnqueueTestAsync(EnqueueTestRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits for the report of a test queued at <paramref name="queuedAt"/>: polls <see cref="ListReportsAsync"/> until a
    /// report tested at or after that moment appears, and returns the earliest such report.
    /// </summary>
    /// <remarks>
    /// The service documents no link from a queued job to its report, so the match is a guess: a report counts when its
    /// <see cref="PluginReport.TestedAt"/> is at or after <paramref name="queuedAt"/> cut to whole seconds (pass the
    /// service's <see cref="QueueJob.QueuedAt"/> when it has one, so both times come from the same clock); a report
    /// without <c>TestedAt</c> counts when its slug was not listed at the first poll. A <c>plugin_not_found</c> answer
    /// reads as "no report yet".
    /// Pacing: the first poll is immediate, then 2 s growing by half each poll up to 30 s; after every poll the client's
    /// <see cref="IApiClient.LastRateLimit"/> may lengthen the pause: in each rate-limit window, polling spends at most a quarter of
    /// the requests left when it first saw the window (and never more than a quarter of what is left now), spread evenly
    /// until the reset, or waits for the reset when no share is left; for each announced policy at most a quarter of its
    /// quota per window; a <c>Retry-After</c> is waited out. So polling alone never provokes a 429. Waits use the clock of
    /// <see cref="ApiResilienceOptions.TimeProvider"/>.
    /// </remarks>
    /// <param name="directory">The owner or directory slug; <c>wporg</c> for WordPress.org.</param>
    /// <param name="slug">The plugin slug.</param>
    /// <param name="queuedAt">When the test was queued (the service's <see cref="QueueJob.QueuedAt"/> if present).</param>
    /// <param name="timeout">How long to wait; null = 30 minutes; <see cref="Timeout.InfiniteTimeSpan"/> = until cancelled.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="ArgumentException">A blank directory or slug.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A timeout that is zero or negative (and not infinite).</exception>
    /// <exception cref="TimeoutException">No matching report appeared within the timeout, or a poll ran out of time.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="PluginTestsException">A poll failed with an error other than <c>plugin_not_found</c> (e.g. an invalid key).</exception>
    /// <exception cref="RateLimitExceededException">A poll was refused by the rate limit without saying how long to wait (a refusal with a <c>Retry-After</c> is waited out).</exception>
    /// <exception cref="InvalidResponseException">A poll's body is not the expected JSON, or larger than <see cref="ApiClientOptions.MaxResponseBodySize"/>.</exception>
    /// <exception cref="HttpRequestException">The service could not be reached, after the retries allowed.</exception>
    Task<PluginReport> WaitForReportAsync(string directory, string slug, DateTimeOffset queuedAt, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Like <see cref="WaitForReportAsync(string, string, DateTimeOffset, TimeSpan?, CancellationToken)"/>, reporting a
    /// <see cref="ReportWaitStatus"/> after every poll that found nothing (for a progress display).
    /// </summary>
    /// <param name="directory">The owner or directory slug; <c>wporg</c> for WordPress.org.</param>
    /// <param name="slug">The plugin slug.</param>
    /// <param name="queuedAt">When the test was queued (the service's <see cref="QueueJob.QueuedAt"/> if present).</param>
    /// <param name="timeout">How long to wait; null = 30 minutes; <see cref="Timeout.InfiniteTimeSpan"/> = until cancelled.</param>
    /// <param name="progress">Receives the state after each poll that found no new report; null for none.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="ArgumentException">A blank directory or slug.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A timeout that is zero or negative (and not infinite).</exception>
    /// <exception cref="TimeoutException">No matching report appeared within the timeout, or a poll ran out of time.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="PluginTestsException">A poll failed with an error other than <c>plugin_not_found</c> (e.g. an invalid key).</exception>
    /// <exception cref="RateLimitExceededException">A poll was refused by the rate limit without saying how long to wait (a refusal with a <c>Retry-After</c> is waited out).</exception>
    /// <exception cref="InvalidResponseException">A poll's body is not the expected JSON, or larger than <see cref="ApiClientOptions.MaxResponseBodySize"/>.</exception>
    /// <exception cref="HttpRequestException">The service could not be reached, after the retries allowed.</exception>
    Task<PluginReport> WaitForReportAsync(string directory, string slug, DateTimeOffset queuedAt, TimeSpan? timeout, IProgress<ReportWaitStatus>? progress, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams every database table created by plugins with at least the given number of active installs. The list is
    /// large (over 1 MB) and is read element by element as it arrives, never buffered whole.
    /// </summary>
    /// <param name="activeInstalls">The threshold: 10 or 500 active installs.</param>
    /// <param name="cancellationToken">Cancels the call and the enumeration.</param>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <exception cref="PluginTestsException">The service answered with an error status.</exception>
    /// <exception cref="RateLimitExceededException">The rate limit asks for a wait longer than <see cref="ApiResilienceOptions.MaxRateLimitWait"/>.</exception>
    /// <exception cref="InvalidResponseException">The body is not the expected JSON, or larger than <see cref="ApiClientOptions.MaxResponseBodySize"/>.</exception>
    /// <exception cref="HttpRequestException">The service could not be reached, after the retries allowed.</exception>
    /// <exception cref="TimeoutException">An attempt ran out of time, or the stream sent no data for the attempt timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    IAsyncEnumerable<PluginTable> ListPluginTablesAsync(ActiveInstalls activeInstalls, CancellationToken cancellationToken = default);
}
