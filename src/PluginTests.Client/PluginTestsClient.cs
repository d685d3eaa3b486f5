using System.Runtime.CompilerServices;
using System.Text.Json;
using PluginApis.Http;

namespace PluginTests.Client;

/// <summary>
/// Client of the PluginTests API. Thread-safe; create one per API key and reuse it (or register it with
/// <see cref="PluginTestsServiceCollectionExtensions.AddPluginTestsClient(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{PluginTestsClientOptions})"/>).
/// Every call goes through the shared pipeline: the API key as the <c>apiKey</c> query parameter, proactive throttling,
/// 429 retries by <c>Retry-After</c>/<c>Ratelimit-Reset</c>, transient-fault retries for GET and DELETE only.
/// </summary>
public sealed class PluginTestsClient : IPluginTestsClient, IDisposable
{
    private static readonly PluginTestsJsonContext Json = PluginTestsJsonContext.Default;
    private static readonly PluginTestsRequestJsonContext RequestJson = PluginTestsRequestJsonContext.Default;

    private readonly ApiConnection _connection;
    private readonly TimeProvider _time;

    /// <summary>Creates a client for the public service with default settings.</summary>
    /// <param name="apiKey">The API key.</param>
    /// <exception cref="ArgumentException">The key is blank.</exception>
    public PluginTestsClient(string apiKey)
        : this(new PluginTestsClientOptions { ApiKey = apiKey! })
    {
    }

    /// <summary>Creates a client with the given settings over a new pooled socket handler.</summary>
    /// <param name="options">The settings, validated here. Do not change them afterwards: the client keeps using this instance.</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public PluginTestsClient(PluginTestsClientOptions options)
        : this(Connect(options, transport: null), options.Resilience.TimeProvider)
    {
    }

    /// <summary>Creates a client with the given settings over a transport of your own (a proxy-aware handler, a test double, the emulator).</summary>
    /// <param name="options">The settings, validated here. Do not change them afterwards: the client keeps using this instance.</param>
    /// <param name="transport">The innermost handler. It is not disposed with the client.</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public PluginTestsClient(PluginTestsClientOptions options, HttpMessageHandler transport)
        : this(Connect(options, transport ?? throw new ArgumentNullException(nameof(transport))), options.Resilience.TimeProvider)
    {
    }

    /// <summary>Creates a client over an <see cref="IHttpClientFactory"/> client (dependency injection).</summary>
    internal PluginTestsClient(ApiClientParts<PluginTestsClientOptions> parts)
        : this(ApiConnection.Create(parts, PluginTestsService.Definition), parts.Options.Resilience.TimeProvider)
    {
    }

    private PluginTestsClient(ApiConnection connection, TimeProvider time)
    {
        _connection = connection;
        _time = time;
    }

    /// <inheritdoc />
    public RateLimitInfo? LastRateLimit => _connection.LastRateLimit;

    /// <inheritdoc />
    public Task<ServiceRoot> GetRootAsync(CancellationToken cancellationToken = default) =>
        _connection.SendAsync(new ApiRequest(HttpMethod.Get, string.Empty, "GetRoot"), Json.ServiceRoot, cancellationToken);

    /// <inheritdoc />
    public Task<Plugin> GetPluginAsync(string directory, string slug, CancellationToken cancellationToken = default)
    {
        var path = PluginPath(directory, slug);
        return _connection.SendAsync(new ApiRequest(HttpMethod.Get, path, "GetPlugin"), Json.Plugin, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PluginReport>> ListReportsAsync(string directory, string slug, CancellationToken cancellationToken = default)
    {
        var path = PluginPath(directory, slug) + "/reports";
        var list = await _connection.SendAsync(new ApiRequest(HttpMethod.Get, path, "ListReports"), Json.ListEnvelopePluginReport, cancellationToken).ConfigureAwait(false);
        return list.Items;
    }

    /// <inheritdoc />
    public Task<PluginReport> GetReportAsync(string directory, string slug, string reportSlug, CancellationToken cancellationToken = default)
    {
        var path = PluginPath(directory, slug) + "/reports/" + Segment(reportSlug);
        return _connection.SendAsync(new ApiRequest(HttpMethod.Get, path, "GetReport"), Json.PluginReport, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PluginEntity>> ListEntitiesAsync(string directory, string slug, EntityCollection collection, CancellationToken cancellationToken = default)
    {
        var path = PluginPath(directory, slug) + "/" + collection.ToWire(nameof(collection));
        var list = await _connection.SendAsync(new ApiRequest(HttpMethod.Get, path, "ListEntities"), Json.ListEnvelopePluginEntity, cancellationToken).ConfigureAwait(false);
        return list.Items;
    }

    /// <inheritdoc />
    public Task DeletePluginAsync(string directory, string slug, CancellationToken cancellationToken = default)
    {
        var path = PluginPath(directory, slug);
        return _connection.SendAsync(new ApiRequest(HttpMethod.Delete, path, "DeletePlugin"), cancellationToken);
    }

    /// <inheritdoc />
    public Task<PluginTestsUser> GetCurrentUserAsync(CancellationToken cancellationToken = default) =>
        _connection.SendAsync(new ApiRequest(HttpMethod.Get, "user", "GetCurrentUser"), Json.PluginTestsUser, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Plugin>> ListUserPluginsAsync(CancellationToken cancellationToken = default)
    {
        var list = await _connection.SendAsync(new ApiRequest(HttpMethod.Get, "user/plugins", "ListUserPlugins"), Json.ListEnvelopePlugin, cancellationToken).ConfigureAwait(false);
        return list.Items;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Webhook>> ListWebhooksAsync(CancellationToken cancellationToken = default)
    {
        var list = await _connection.SendAsync(new ApiRequest(HttpMethod.Get, "user/webhooks", "ListWebhooks"), Json.ListEnvelopeWebhook, cancellationToken).ConfigureAwait(false);
        return list.Items;
    }

    /// <inheritdoc />
    public Task<Webhook> CreateWebhookAsync(Uri url, WebhookEventType? eventType = null, CancellationToken cancellationToken = default)
    {
        WireValues.EnsureHttpUrl(url, nameof(url));
        var body = new CreateWebhookBody(url.AbsoluteUri, eventType?.ToWire(nameof(eventType)));
        var request = new ApiRequest(HttpMethod.Post, "user/webhooks", "CreateWebhook")
        {
            ContentFactory = ApiRequest.JsonBody(body, RequestJson.CreateWebhookBody),
        };
        return _connection.SendAsync(request, Json.Webhook, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Webhook> GetWebhookAsync(string webhookId, CancellationToken cancellationToken = default)
    {
        var path = "user/webhooks/" + Segment(webhookId);
        return _connection.SendAsync(new ApiRequest(HttpMethod.Get, path, "GetWebhook"), Json.Webhook, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteWebhookAsync(string webhookId, CancellationToken cancellationToken = default)
    {
        var path = "user/webhooks/" + Segment(webhookId);
        return _connection.SendAsync(new ApiRequest(HttpMethod.Delete, path, "DeleteWebhook"), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QueueJob>> ListQueueAsync(CancellationToken cancellationToken = default)
    {
        var list = await _connection.SendAsync(new ApiRequest(HttpMethod.Get, "test-queue", "ListQueue"), Json.ListEnvelopeQueueJob, cancellationToken).ConfigureAwait(false);
        return list.Items;
    }

    /// <inheritdoc />
    public Task<QueueJob> EnqueueTestAsync(EnqueueTestRequest request, CancellationToken cancellationToken = default)
    {
        var body = ToBody(request);
        var apiRequest = new ApiRequest(HttpMethod.Post, "test-queue", "EnqueueTest")
        {
            ContentFactory = ApiRequest.JsonBody(body, RequestJson.EnqueueTestBody),
        };
        return _connection.SendAsync(apiRequest, Json.QueueJob, cancellationToken);
    }

    /// <inheritdoc />
    public Task<PluginReport> WaitForReportAsync(string directory, string slug, DateTimeOffset queuedAt, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        new ReportWaiter(this, _time).WaitAsync(directory, slug, queuedAt, timeout, progress: null, cancellationToken);

    /// <inheritdoc />
    public Task<PluginReport> WaitForReportAsync(string directory, string slug, DateTimeOffset queuedAt, TimeSpan? timeout, IProgress<ReportWaitStatus>? progress, CancellationToken cancellationToken = default) =>
        new ReportWaiter(this, _time).WaitAsync(directory, slug, queuedAt, timeout, progress, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<PluginTable> ListPluginTablesAsync(ActiveInstalls activeInstalls, CancellationToken cancellationToken = default)
    {
        var path = "tablesWith" + activeInstalls.ToWire(nameof(activeInstalls)) + "installs.json";
        return _connection.StreamArrayAsync(new ApiRequest(HttpMethod.Get, path, "ListPluginTables"), Json.PluginTable, cancellationToken);
    }

    /// <inheritdoc />
    public Task<JsonDocument?> SendRawAsync(HttpMethod method, string relativePath, CancellationToken cancellationToken = default) =>
        _connection.SendRawAsync(method, relativePath, body: null, cancellationToken);

    /// <inheritdoc />
    public Task<JsonDocument?> SendRawAsync(HttpMethod method, string relativePath, JsonElement body, CancellationToken cancellationToken = default) =>
        _connection.SendRawAsync(method, relativePath, body, cancellationToken);

    /// <summary>Releases the client's connections (a transport passed in by the caller is left open).</summary>
    public void Dispose() => _connection.Dispose();

    private static ApiConnection Connect(PluginTestsClientOptions options, HttpMessageHandler? transport)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        return ApiConnection.Create(options, PluginTestsService.Definition, transport);
    }

    private static string PluginPath(string directory, string slug, [CallerArgumentExpression(nameof(directory))] string? directoryName = null, [CallerArgumentExpression(nameof(slug))] string? slugName = null)
    {
        var dir = Segment(directory, directoryName);
        return "plugins/" + dir + "/" + Segment(slug, slugName);
    }

    private static string Segment(string value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        return ApiUri.EscapeSegment(value);
    }

    private static EnqueueTestBody ToBody(EnqueueTestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Directory, "request.Directory");
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Slug, "request.Slug");
        if (request.Priority is < EnqueueTestRequest.MinPriority or > EnqueueTestRequest.MaxPriority)
        {
            throw new ArgumentOutOfRangeException("request.Priority", request.Priority, $"Priority must be between {EnqueueTestRequest.MinPriority} and {EnqueueTestRequest.MaxPriority}.");
        }

        var source = request.PackageSource.ToWire("request.PackageSource");
        if (request.PackageSource == PackageSource.Direct)
        {
            if (request.DownloadUrl is null)
            {
                throw new ArgumentException("DownloadUrl is required when PackageSource is Direct.", "request.DownloadUrl");
            }

            WireValues.EnsureHttpUrl(request.DownloadUrl, "request.DownloadUrl");
        }
        else if (request.DownloadUrl is not null)
        {
            throw new ArgumentException("DownloadUrl is only allowed with PackageSource.Direct; the Stable source always tests the latest WordPress.org release.", "request.DownloadUrl");
        }

        return new EnqueueTestBody(request.Directory, request.Slug, request.Priority, source, request.DownloadUrl?.AbsoluteUri);
    }
}
