using PluginApis.Http;
using Refit;
using Ops = PluginTests.Client.PluginTestsOperations;

namespace PluginTests.Client;

/// <summary>
/// Client of the PluginTests API. Thread-safe; create one per API key and reuse it (or register it with
/// <see cref="PluginTestsServiceCollectionExtensions.AddPluginTestsClient(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{PluginTestsClientOptions})"/>).
/// Each method checks its arguments, then calls the generated Refit interface inside the SDK's pipeline: the API key as
/// the <c>apiKey</c> query parameter, proactive throttling, 429 retries by <c>Retry-After</c>/<c>Ratelimit-Reset</c>,
/// transient-fault retries for GET and DELETE only, typed errors.
/// </summary>
public sealed class PluginTestsClient : ApiClient, IPluginTestsClient
{
    private static readonly RefitSettings Settings = ApiClientCore.RefitSettingsFor(PluginTestsRequestJsonContext.Default);
    private static readonly PluginTestsJsonContext Json = PluginTestsJsonContext.Default;

    private readonly IPluginTestsApi _api;

    /// <summary>Creates a client for the public service with default settings.</summary>
    /// <param name="apiKey">The API key.</param>
    /// <exception cref="ArgumentException">The key is blank or holds a character that is not printable ASCII.</exception>
    public PluginTestsClient(string apiKey)
        : this(new PluginTestsClientOptions { ApiKey = apiKey! })
    {
    }

    /// <summary>Creates a client with the given settings over a new pooled socket handler (no redirects, no cookies).</summary>
    /// <param name="options">The settings, validated here. Do not change them afterwards: the client keeps using this instance.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public PluginTestsClient(PluginTestsClientOptions options)
        : this(ApiClientCore.Create(options, PluginTestsService.Definition, transport: null))
    {
    }

    /// <summary>Creates a client with the given settings over a transport of your own (a proxy-aware handler, a test double, the emulator).</summary>
    /// <param name="options">The settings, validated here. Do not change them afterwards: the client keeps using this instance.</param>
    /// <param name="transport">The innermost handler; redirects and cookies are turned off on a <see cref="SocketsHttpHandler"/> or <see cref="HttpClientHandler"/> (the key must not follow a redirect; the client is stateless). It is not disposed with the client.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="transport"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is invalid (the message names it), or the transport follows redirects or keeps cookies and was already used.</exception>
    public PluginTestsClient(PluginTestsClientOptions options, HttpMessageHandler transport)
        : this(ApiClientCore.Create(options, PluginTestsService.Definition, transport ?? throw new ArgumentNullException(nameof(transport))))
    {
    }

    internal PluginTestsClient(ApiClientCore core)
        : base(core) => _api = RestService.ForGenerated<IPluginTestsApi>(core.HttpClient, Settings);

    /// <inheritdoc />
    public Task<ServiceRoot> GetRootAsync(CancellationToken cancellationToken = default) =>
        Caller.ReadAsync(ApiCall.Start(Ops.GetRoot), _api, static (api, _, ct) => api.GetRoot(ct), Json.ServiceRoot, cancellationToken);

    /// <inheritdoc />
    public Task<Plugin> GetPluginAsync(string directory, string slug, CancellationToken cancellationToken = default)
    {
        PathValue.Check(directory);
        PathValue.Check(slug);
        return Caller.ReadAsync(ApiCall.Start(Ops.GetPlugin), (_api, directory, slug), static (a, _, ct) => a._api.GetPlugin(a.directory, a.slug, ct), Json.Plugin, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PluginReport>> ListReportsAsync(string directory, string slug, CancellationToken cancellationToken = default)
    {
        PathValue.Check(directory);
        PathValue.Check(slug);
        return ItemsAsync(Caller.ReadAsync(ApiCall.Start(Ops.ListReports), (_api, directory, slug), static (a, _, ct) => a._api.ListReports(a.directory, a.slug, ct), Json.ListEnvelopePluginReport, cancellationToken));
    }

    /// <inheritdoc />
    public Task<PluginReport> GetReportAsync(string directory, string slug, string reportSlug, CancellationToken cancellationToken = default)
    {
        PathValue.Check(directory);
        PathValue.Check(slug);
        PathValue.Check(reportSlug);
        return Caller.ReadAsync(ApiCall.Start(Ops.GetReport), (_api, directory, slug, reportSlug), static (a, _, ct) => a._api.GetReport(a.directory, a.slug, a.reportSlug, ct), Json.PluginReport, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PluginEntity>> ListEntitiesAsync(string directory, string slug, EntityCollection collection, CancellationToken cancellationToken = default)
    {
        PathValue.Check(directory);
        PathValue.Check(slug);
        var wire = collection.ToWire(nameof(collection));
        return ItemsAsync(Caller.ReadAsync(ApiCall.Start(Ops.ListEntities), (_api, directory, slug, wire), static (a, _, ct) => a._api.ListEntities(a.directory, a.slug, a.wire, ct), Json.ListEnvelopePluginEntity, cancellationToken));
    }

    /// <inheritdoc />
    public Task DeletePluginAsync(string directory, string slug, CancellationToken cancellationToken = default)
    {
        PathValue.Check(directory);
        PathValue.Check(slug);
        return Caller.SendAsync(ApiCall.Start(Ops.DeletePlugin), (_api, directory, slug), static (a, _, ct) => a._api.DeletePlugin(a.directory, a.slug, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<PluginTestsUser> GetCurrentUserAsync(CancellationToken cancellationToken = default) =>
        Caller.ReadAsync(ApiCall.Start(Ops.GetCurrentUser), _api, static (api, _, ct) => api.GetCurrentUser(ct), Json.PluginTestsUser, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Plugin>> ListUserPluginsAsync(CancellationToken cancellationToken = default) =>
        ItemsAsync(Caller.ReadAsync(ApiCall.Start(Ops.ListUserPlugins), _api, static (api, _, ct) => api.ListUserPlugins(ct), Json.ListEnvelopePlugin, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<Webhook>> ListWebhooksAsync(CancellationToken cancellationToken = default) =>
        ItemsAsync(Caller.ReadAsync(ApiCall.Start(Ops.ListWebhooks), _api, static (api, _, ct) => api.ListWebhooks(ct), Json.ListEnvelopeWebhook, cancellationToken));

    /// <inheritdoc />
    public Task<Webhook> CreateWebhookAsync(Uri url, WebhookEventType? eventType = null, CancellationToken cancellationToken = default)
    {
        WireValues.EnsureHttpUrl(url, nameof(url));
        var body = new CreateWebhookBody(url.AbsoluteUri, eventType?.ToWire(nameof(eventType)));
        return Caller.ReadAsync(ApiCall.Start(Ops.CreateWebhook), (_api, body), static (a, _, ct) => a._api.CreateWebhook(a.body, ct), Json.Webhook, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Webhook> GetWebhookAsync(string webhookId, CancellationToken cancellationToken = default)
    {
        PathValue.Check(webhookId);
        return Caller.ReadAsync(ApiCall.Start(Ops.GetWebhook), (_api, webhookId), static (a, _, ct) => a._api.GetWebhook(a.webhookId, ct), Json.Webhook, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteWebhookAsync(string webhookId, CancellationToken cancellationToken = default)
    {
        PathValue.Check(webhookId);
        return Caller.SendAsync(ApiCall.Start(Ops.DeleteWebhook), (_api, webhookId), static (a, _, ct) => a._api.DeleteWebhook(a.webhookId, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<QueueJob>> ListQueueAsync(CancellationToken cancellationToken = default) =>
        ItemsAsync(Caller.ReadAsync(ApiCall.Start(Ops.ListQueue), _api, static (api, _, ct) => api.ListQueue(ct), Json.ListEnvelopeQueueJob, cancellationToken));

    /// <inheritdoc />
    public Task<QueueJob> EnqueueTestAsync(EnqueueTestRequest request, CancellationToken cancellationToken = default)
    {
        var body = EnqueueTestBody.From(request);
        return Caller.ReadAsync(ApiCall.Start(Ops.EnqueueTest), (_api, body), static (a, _, ct) => a._api.EnqueueTest(a.body, ct), Json.QueueJob, cancellationToken);
    }

    /// <inheritdoc />
    public Task<PluginReport> WaitForReportAsync(string directory, string slug, DateTimeOffset queuedAt, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        new ReportWaiter(this, Caller.Time).WaitAsync(directory, slug, queuedAt, timeout, progress: null, cancellationToken);

    /// <inheritdoc />
    public Task<PluginReport> WaitForReportAsync(string directory, string slug, DateTimeOffset queuedAt, TimeSpan? timeout, IProgress<ReportWaitStatus>? progress, CancellationToken cancellationToken = default) =>
        new ReportWaiter(this, Caller.Time).WaitAsync(directory, slug, queuedAt, timeout, progress, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<PluginTable> ListPluginTablesAsync(ActiveInstalls activeInstalls, CancellationToken cancellationToken = default)
    {
        var wire = activeInstalls.ToWire(nameof(activeInstalls));
        return Caller.StreamAsync(Ops.ListPluginTables, (_api, wire), static (a, _, ct) => a._api.ListPluginTables(a.wire, ct), Json.PluginTable, Core.Lifetime, cancellationToken);
    }

    private static async Task<IReadOnlyList<T>> ItemsAsync<T>(Task<ListEnvelope<T>> list) => (await list.ConfigureAwait(false)).Items;
}
