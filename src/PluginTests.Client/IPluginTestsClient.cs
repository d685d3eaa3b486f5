using System.Text.Json;
using PluginApis.Http;

namespace PluginTests.Client;

/// <summary>
/// The PluginTests API (plugintests.com, v1): plugins, test reports, what plugins leave in the database, webhooks and the
/// test queue. Arguments are checked before any request (<see cref="ArgumentException"/>); failures from the service are
/// <see cref="PluginTestsException"/>, <see cref="RateLimitExceededException"/> or <see cref="InvalidResponseException"/>.
/// </summary>
public interface IPluginTestsClient
{
    /// <summary>The rate-limit headers of the most recent response, or null before the first.</summary>
    RateLimitInfo? LastRateLimit { get; }

    /// <summary>Reads the API root: a partial list of the resources the key can reach and its permissions.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ServiceRoot> GetRootAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one plugin.</summary>
    /// <param name="directory">The owner or directory slug; <c>wporg</c> for WordPress.org.</param>
    /// <param name="slug">The plugin slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="PluginTestsException">With <see cref="PluginTestsErrorCode.PluginNotFound"/> when there is no such plugin.</exception>
    Task<Plugin> GetPluginAsync(string directory, string slug, CancellationToken cancellationToken = default);

    /// <summary>Lists a plugin's test reports.</summary>
    /// <param name="directory">The owner or directory slug; <c>wporg</c> for WordPress.org.</param>
    /// <param name="slug">The plugin slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<PluginReport>> ListReportsAsync(string directory, string slug, CancellationToken cancellationToken = default);

    /// <summary>Reads one test report.</summary>
    /// <param name="directory">The owner or directory slug; <c>wporg</c> for WordPress.org.</param>
    /// <param name="slug">The plugin slug.</param>
    /// <param name="reportSlug">The report slug (<see cref="PluginReport.Slug"/> or <see cref="Plugin.LatestReport"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PluginReport> GetReportAsync(string directory, string slug, string reportSlug, CancellationToken cancellationToken = default);

    /// <summary>Lists the database tables or options a plugin creates.</summary>
    /// <param name="directory">The owner or directory slug; <c>wporg</c> for WordPress.org.</param>
    /// <param name="slug">The plugin slug.</param>
    /// <param name="collection">Tables or options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<PluginEntity>> ListEntitiesAsync(string directory, string slug, EntityCollection collection, CancellationToken cancellationToken = default);

    /// <summary>Deletes one of the caller's own plugins (WordPress.org plugins can never be deleted).</summary>
    /// <param name="directory">The caller's directory slug.</param>
    /// <param name="slug">The plugin slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DeletePluginAsync(string directory, string slug, CancellationToken cancellationToken = default);

    /// <summary>Reads the user the API key belongs to.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<PluginTestsUser> GetCurrentUserAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the current user's plugins.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<Plugin>> ListUserPluginsAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the current user's webhooks.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<Webhook>> ListWebhooksAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates a webhook. Not retried after a transient fault (it may have been created).</summary>
    /// <param name="url">The absolute http(s) URL that receives the events; several webhooks may share one.</param>
    /// <param name="eventType">The one event type it receives; null for all events.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<Webhook> CreateWebhookAsync(Uri url, WebhookEventType? eventType = null, CancellationToken cancellationToken = default);

    /// <summary>Reads one webhook.</summary>
    /// <param name="webhookId">The webhook id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<Webhook> GetWebhookAsync(string webhookId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a webhook.</summary>
    /// <param name="webhookId">The webhook id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DeleteWebhookAsync(string webhookId, CancellationToken cancellationToken = default);

    /// <summary>Lists the test queue. Restricted: most keys get a 403 <see cref="PluginTestsException"/>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<QueueJob>> ListQueueAsync(CancellationToken cancellationToken = default);

    /// <summary>Queues a test of a plugin. Not retried after a transient fault (it may have been queued).</summary>
    /// <param name="request">What to test; checked before sending (see <see cref="EnqueueTestRequest"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
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
    /// <see cref="LastRateLimit"/> may lengthen the pause: in each rate-limit window, polling spends at most a quarter of
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
    /// <exception cref="TimeoutException">No matching report appeared within the timeout.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="PluginTestsException">A poll failed with another error (e.g. an invalid key).</exception>
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
    /// <exception cref="TimeoutException">No matching report appeared within the timeout.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="PluginTestsException">A poll failed with another error (e.g. an invalid key).</exception>
    Task<PluginReport> WaitForReportAsync(string directory, string slug, DateTimeOffset queuedAt, TimeSpan? timeout, IProgress<ReportWaitStatus>? progress, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams every database table created by plugins with at least the given number of active installs. The list is
    /// large (over 1 MB) and is read element by element as it arrives, never buffered whole.
    /// </summary>
    /// <param name="activeInstalls">The threshold: 10 or 500 active installs.</param>
    /// <param name="cancellationToken">Cancels the call and the enumeration.</param>
    IAsyncEnumerable<PluginTable> ListPluginTablesAsync(ActiveInstalls activeInstalls, CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls any path and returns the body as a <see cref="JsonDocument"/> (null when empty) — for fields or endpoints the
    /// models miss. The API key is added as usual; retries follow the method (GET/PUT/DELETE are retried, POST is not).
    /// Dispose the document.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativePath">The path relative to the base address, e.g. <c>plugins/wporg/akismet</c>, already escaped (use <see cref="ApiUri.EscapeSegment"/> for values); may carry a query.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<JsonDocument?> SendRawAsync(HttpMethod method, string relativePath, CancellationToken cancellationToken = default);

    /// <summary>Like <see cref="SendRawAsync(HttpMethod, string, CancellationToken)"/>, with a JSON request body.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativePath">The path relative to the base address, already escaped; may carry a query.</param>
    /// <param name="body">The JSON body to send.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<JsonDocument?> SendRawAsync(HttpMethod method, string relativePath, JsonElement body, CancellationToken cancellationToken = default);
}
