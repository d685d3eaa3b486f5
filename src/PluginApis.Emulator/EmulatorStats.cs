namespace PluginApis.Emulator;

/// <summary>
/// Counters of side effects the emulator has carried out (successful, state-changing requests) and of requests seen.
/// Tests use them to prove a client did not repeat a non-idempotent call. Thread-safe.
/// </summary>
public sealed class EmulatorStats
{
    private long _requests;
    private long _rateLimited;
    private long _testQueueJobsCreated;
    private long _webhooksCreated;
    private long _webhooksDeleted;
    private long _pluginTestsPluginsDeleted;
    private long _pluginsCreated;
    private long _pluginsDeleted;
    private long _versionsUploaded;
    private long _versionsDeleted;
    private long _licenseKeyWrites;
    private long _tokensCreated;
    private long _testJobsFinished;
    private long _webhooksDelivered;
    private long _webhookDeliveryFailures;

    /// <summary>All requests that reached the emulator (including refused ones).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests refused with 429.</summary>
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    /// <summary>PluginTests <c>POST /test-queue</c> requests that enqueued a job.</summary>
    public long TestQueueJobsCreated => Interlocked.Read(ref _testQueueJobsCreated);

    /// <summary>PluginTests <c>POST /user/webhooks</c> requests that created a webhook.</summary>
    public long WebhooksCreated => Interlocked.Read(ref _webhooksCreated);

    /// <summary>PluginTests webhooks deleted.</summary>
    public long WebhooksDeleted => Interlocked.Read(ref _webhooksDeleted);

    /// <summary>PluginTests plugins deleted.</summary>
    public long PluginTestsPluginsDeleted => Interlocked.Read(ref _pluginTestsPluginsDeleted);

    /// <summary>WunderUpdates <c>POST /plugins</c> requests that created a plugin.</summary>
    public long PluginsCreated => Interlocked.Read(ref _pluginsCreated);

    /// <summary>WunderUpdates plugins deleted.</summary>
    public long PluginsDeleted => Interlocked.Read(ref _pluginsDeleted);

    /// <summary>WunderUpdates ZIP uploads accepted (a replaced version counts again).</summary>
    public long VersionsUploaded => Interlocked.Read(ref _versionsUploaded);

    /// <summary>WunderUpdates versions deleted.</summary>
    public long VersionsDeleted => Interlocked.Read(ref _versionsDeleted);

    /// <summary>WunderUpdates licence-key writes (replace list, add one, delete one).</summary>
    public long LicenseKeyWrites => Interlocked.Read(ref _licenseKeyWrites);

    /// <summary>WunderUpdates API tokens created.</summary>
    public long TokensCreated => Interlocked.Read(ref _tokensCreated);

    /// <summary>PluginTests test jobs that finished and published a report.</summary>
    public long TestJobsFinished => Interlocked.Read(ref _testJobsFinished);

    /// <summary>Webhook POSTs the receiver answered with a 2xx status.</summary>
    public long WebhooksDelivered => Interlocked.Read(ref _webhooksDelivered);

    /// <summary>Webhook POSTs that failed: a non-2xx answer, a connection error or <see cref="EmulatorOptions.WebhookTimeout"/>. Not retried.</summary>
    public long WebhookDeliveryFailures => Interlocked.Read(ref _webhookDeliveryFailures);

    internal void Request() => Interlocked.Increment(ref _requests);

    internal void RateLimitedRequest() => Interlocked.Increment(ref _rateLimited);

    internal void TestQueueJobCreated() => Interlocked.Increment(ref _testQueueJobsCreated);

    internal void WebhookCreated() => Interlocked.Increment(ref _webhooksCreated);

    internal void WebhookDeleted() => Interlocked.Increment(ref _webhooksDeleted);

    internal void PluginTestsPluginDeleted() => Interlocked.Increment(ref _pluginTestsPluginsDeleted);

    internal void PluginCreated() => Interlocked.Increment(ref _pluginsCreated);

    internal void PluginDeleted() => Interlocked.Increment(ref _pluginsDeleted);

    internal void VersionUploaded() => Interlocked.Increment(ref _versionsUploaded);

    internal void VersionDeleted() => Interlocked.Increment(ref _versionsDeleted);

    internal void LicenseKeyWritten() => Interlocked.Increment(ref _licenseKeyWrites);

    internal void TokenCreated() => Interlocked.Increment(ref _tokensCreated);

    internal void TestJobFinished() => Interlocked.Increment(ref _testJobsFinished);

    internal void WebhookDelivered() => Interlocked.Increment(ref _webhooksDelivered);

    internal void WebhookDeliveryFailed() => Interlocked.Increment(ref _webhookDeliveryFailures);

    /// <summary>Every counter as <c>Name=value</c>, comma-separated, for a log line.</summary>
    /// <returns>The counters.</returns>
    /// <remarks>Never throws.</remarks>
    public override string ToString() =>
        $"Requests={Requests}, RateLimited={RateLimited}, TestQueueJobsCreated={TestQueueJobsCreated}, WebhooksCreated={WebhooksCreated}, " +
        $"PluginsCreated={PluginsCreated}, VersionsUploaded={VersionsUploaded}, LicenseKeyWrites={LicenseKeyWrites}, TokensCreated={TokensCreated}, " +
        $"TestJobsFinished={TestJobsFinished}, WebhooksDelivered={WebhooksDelivered}, WebhookDeliveryFailures={WebhookDeliveryFailures}";
}
