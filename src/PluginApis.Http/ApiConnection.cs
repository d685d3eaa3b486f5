using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PluginApis.Http;

/// <summary>
/// Sends <see cref="ApiRequest"/>s for a typed client and turns responses into models or typed exceptions:
/// builds the URI, starts one span per call, reads JSON with source-generated metadata (streaming large arrays),
/// and maps failures to the service's <see cref="ApiException"/> subtype with secrets redacted.
/// The typed clients use it; call it directly only to reach an endpoint the clients do not cover.
/// </summary>
public sealed class ApiConnection : IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly bool _disposeClient;
    private readonly string _baseAddress;
    private readonly ApiServiceDefinition _service;
    private readonly string _apiKey;
    private readonly string _keyQuery;
    private readonly SecretRedactor _redactor;
    private readonly RateLimitTracker _tracker;
    private readonly TimeProvider _time;

    /// <summary>Creates a connection.</summary>
    /// <param name="httpClient">A client whose handler chain came from <see cref="ApiHandlerChain"/>.</param>
    /// <param name="baseAddress">The service's absolute base address.</param>
    /// <param name="service">Where the key goes and how errors are read.</param>
    /// <param name="apiKey">The API key, put where <see cref="ApiServiceDefinition.KeyPlacement"/> says and removed from everything shown.</param>
    /// <param name="tracker">The rate-limit memory shared with the resilience handler.</param>
    /// <param name="disposeClient">True when disposing the connection disposes <paramref name="httpClient"/>.</param>
    /// <param name="timeProvider">The clock for rate-limit timestamps; default the system clock.</param>
    public ApiConnection(HttpClient httpClient, Uri baseAddress, ApiServiceDefinition service, string apiKey, RateLimitTracker tracker, bool disposeClient, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ArgumentNullException.ThrowIfNull(tracker);
        if (!baseAddress.IsAbsoluteUri || (baseAddress.Scheme != Uri.UriSchemeHttp && baseAddress.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The base address must be an absolute http(s) URI (was '{baseAddress}').", nameof(baseAddress));
        }

        _httpClient = httpClient;
        _disposeClient = disposeClient;
        var text = baseAddress.GetLeftPart(UriPartial.Path);
        _baseAddress = text.EndsWith('/') ? text : text + "/";
        _service = service;
        _apiKey = apiKey;
        _keyQuery = "?" + ApiUri.EscapeQuery(service.KeyPlacement.Name) + "=" + ApiUri.EscapeQuery(apiKey);
        _redactor = new SecretRedactor(apiKey);
        _tracker = tracker;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Builds a connection without dependency injection: validates the options, then links the SDK handler chain
    /// (<see cref="ApiHandlerChain"/>) over <paramref name="transport"/> (or a new <see cref="SocketsHttpHandler"/>).
    /// </summary>
    /// <param name="options">The client options (validated here).</param>
    /// <param name="service">Where the key goes and how errors are read.</param>
    /// <param name="transport">The innermost handler; null for a new pooled socket handler. A caller's transport is not disposed with the client.</param>
    public static ApiConnection Create(ApiClientOptions options, ApiServiceDefinition service, HttpMessageHandler? transport)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        var tracker = new RateLimitTracker();
        var inner = transport is null ? ApiHandlerChain.CreateDefaultTransport() : new CallerOwnedTransport(transport);
        var chain = ApiHandlerChain.Link(ApiHandlerChain.CreateHandlers(options.Resilience, tracker), inner);
        var httpClient = new HttpClient(chain, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        return new ApiConnection(httpClient, options.BaseAddress, service, options.ApiKey, tracker, disposeClient: true, options.Resilience.TimeProvider);
    }

    /// <summary>Builds a connection over an <see cref="IHttpClientFactory"/> client registered by <see cref="ApiClientRegistration"/>.</summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <param name="parts">The options, HttpClient and tracker from dependency injection.</param>
    /// <param name="service">Service-specific error handling.</param>
    public static ApiConnection Create<TOptions>(ApiClientParts<TOptions> parts, ApiServiceDefinition service)
        where TOptions : ApiClientOptions
    {
        ArgumentNullException.ThrowIfNull(parts);
        return new ApiConnection(parts.HttpClient, parts.Options.BaseAddress, service, parts.Options.ApiKey, parts.Tracker, disposeClient: false, parts.Options.Resilience.TimeProvider);
    }

    /// <summary>The rate-limit headers of the most recent response.</summary>
    public RateLimitInfo? LastRateLimit => _tracker.Last;

    /// <summary>Sends the request and reads the success body as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The response model.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="typeInfo">Source-generated JSON metadata of the model.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        using var activity = StartActivity(request);
        using var message = CreateMessage(request, out var metadata);
        using var response = await SendCoreAsync(message, metadata, HttpCompletionOption.ResponseContentRead, activity, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, message, metadata, cancellationToken).ConfigureAwait(false);
        return ReadBufferedJson(response, message, typeInfo);
    }

    /// <summary>Sends the request and ignores the success body.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        using var activity = StartActivity(request);
        using var message = CreateMessage(request, out var metadata);
        using var response = await SendCoreAsync(message, metadata, HttpCompletionOption.ResponseContentRead, activity, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, message, metadata, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the request and returns the success body as a <see cref="JsonDocument"/> (null when the body is empty). Dispose it.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<JsonDocument?> SendForDocumentAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        using var activity = StartActivity(request);
        using var message = CreateMessage(request, out var metadata);
        using var response = await SendCoreAsync(message, metadata, HttpCompletionOption.ResponseContentRead, activity, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, message, metadata, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0 || bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw InvalidBody(response, message, Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, ApiErrorBody.MaxBodyLength)), ex);
        }
    }

    /// <summary>
    /// The raw call behind each client's <c>SendRawAsync</c>: any path relative to the base address, read as a <see cref="JsonDocument"/>
    /// (null for an empty body), with the API key and the whole pipeline. Absolute URLs are refused so the key never goes to another host.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativePath">A path relative to the base address, segments already escaped, optionally with a query.</param>
    /// <param name="body">A JSON body, or null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<JsonDocument?> SendRawAsync(HttpMethod method, string relativePath, JsonElement? body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(relativePath);
        var end = relativePath.IndexOfAny(['?', '#']);
        var pathPart = end < 0 ? relativePath : relativePath[..end];
        if (pathPart.StartsWith("//", StringComparison.Ordinal) || pathPart.Contains("://", StringComparison.Ordinal) || pathPart.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The path must be relative to the base address, e.g. 'plugins/my-plugin' (was '{relativePath}'); the API key is never sent to another host.", nameof(relativePath));
        }

        if (body is { ValueKind: JsonValueKind.Undefined })
        {
            throw new ArgumentException("The body must be a JSON value (it was an undefined JsonElement).", nameof(body));
        }

        var copy = body?.Clone();
        var request = new ApiRequest(method, relativePath.TrimStart('/'), "Raw")
        {
            ContentFactory = copy is { } json ? ApiRequest.JsonBody(json, HttpJsonContext.Default.JsonElement) : null,
        };
        return SendForDocumentAsync(request, cancellationToken);
    }

    /// <summary>
    /// Sends the request and streams the elements of a top-level JSON array as they arrive: the body is never buffered whole.
    /// </summary>
    /// <typeparam name="T">The element model.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="typeInfo">Source-generated JSON metadata of the element.</param>
    /// <param name="cancellationToken">Cancels the call and the enumeration.</param>
    public async IAsyncEnumerable<T> StreamArrayAsync<T>(ApiRequest request, JsonTypeInfo<T> typeInfo, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        using var activity = StartActivity(request);
        using var message = CreateMessage(request, out var metadata, bufferResponse: false);
        using var response = await SendCoreAsync(message, metadata, HttpCompletionOption.ResponseHeadersRead, activity, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, message, metadata, cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var enumerator = JsonSerializer.DeserializeAsyncEnumerable(stream, typeInfo, cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (enumerator.ConfigureAwait(false))
            {
                var count = 0L;
                while (true)
                {
                    bool hasNext;
                    try
                    {
                        hasNext = await enumerator.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch (JsonException ex)
                    {
                        throw InvalidBody(response, message, null, ex, $" after {count} element(s)");
                    }
                    catch (IOException ex)
                    {
                        // The connection died mid-body. Elements were already handed out, so the call cannot be retried here.
                        throw new HttpRequestException(
                            HttpRequestError.ResponseEnded,
                            $"{message.Method.Method} {RedactedUri(message)?.AbsoluteUri} failed while streaming the response after {count} element(s): {Redact(ex.Message, message)} Start the enumeration again to retry.",
                            ex,
                            response.StatusCode);
                    }

                    if (!hasNext)
                    {
                        break;
                    }

                    if (enumerator.Current is { } item)
                    {
                        count++;
                        yield return item;
                    }
                }

                activity?.SetTag("pluginapis.items", count);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposeClient)
        {
            _httpClient.Dispose();
        }
    }

    private string WithQuery(ReadOnlySpan<char> path, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var uri = new StringBuilder(_baseAddress.Length + path.Length + 32).Append(_baseAddress).Append(path);
        var separator = '?';
        for (var i = 0; i < query.Count; i++)
        {
            var (name, value) = query[i];
            uri.Append(separator).Append(ApiUri.EscapeQuery(name)).Append('=').Append(ApiUri.EscapeQuery(value));
            separator = '&';
        }

        return uri.ToString();
    }

    private Activity? StartActivity(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ApiTelemetry.ActivitySource.HasListeners())
        {
            // Nobody listens: StartActivity would return null anyway; skip building the span name.
            return null;
        }

        var activity = ApiTelemetry.ActivitySource.StartActivity(_service.Name + "." + request.OperationName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("pluginapis.service", _service.Name);
            activity.SetTag("pluginapis.operation", request.OperationName);
            activity.SetTag("http.request.method", request.Method.Method);
        }

        return activity;
    }

    private ApiHttpRequestMessage CreateMessage(ApiRequest request, out ApiRequestMetadata metadata, bool bufferResponse = true)
    {
        // The key goes in here, the one place it is added; the message keeps the key-free part for everything shown.
        var placement = _service.KeyPlacement;
        var keyInQuery = placement.InQuery && !request.Anonymous;
        var path = request.Path.AsSpan().TrimStart('/');
        var query = request.Query;
        string sent, shown;
        int shownLength;
        if (query.Count == 0 && keyInQuery && path.IndexOfAny('?', '#') < 0)
        {
            // The common case: the key-free URI is the start of the sent text, so one string serves both.
            sent = shown = string.Concat(_baseAddress, path, _keyQuery);
            shownLength = sent.Length - _keyQuery.Length;
        }
        else
        {
            shown = query.Count == 0 ? string.Concat(_baseAddress, path) : WithQuery(path, query);
            shownLength = shown.Length;
            sent = !keyInQuery ? shown
                : shown.AsSpan().IndexOfAny('?', '#') < 0 ? string.Concat(shown, _keyQuery)
                : ApiUri.WithQueryParameter(shown, placement.Name, _apiKey); // a query of its own: set the key once
        }

        var message = new ApiHttpRequestMessage(request.Method, ApiUri.Create(sent), shown, shownLength);
        if (!placement.InQuery && !request.Anonymous)
        {
            message.Headers.TryAddWithoutValidation(placement.Name, _apiKey);
            message.KeyHeader = placement.Name;
        }

        metadata = new ApiRequestMetadata
        {
            OperationName = request.OperationName,
            IsIdempotent = request.IsIdempotent,
            IsReplayable = request.IsReplayable,
            ContentFactory = request.ContentFactory,
            BufferResponseContent = bufferResponse,
            Secrets = request.Secrets,
        };
        metadata.AttachTo(message);
        return message;
    }

    private Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage message, ApiRequestMetadata metadata, HttpCompletionOption completion, Activity? activity, CancellationToken cancellationToken) =>
        activity is null
            ? _httpClient.SendAsync(message, completion, cancellationToken) // no span to fill: no frame of our own
            : SendTracedAsync(message, metadata, completion, activity, cancellationToken);

    private async Task<HttpResponseMessage> SendTracedAsync(HttpRequestMessage message, ApiRequestMetadata metadata, HttpCompletionOption completion, Activity activity, CancellationToken cancellationToken)
    {
        if (activity.IsAllDataRequested)
        {
            activity.SetTag("url.full", RedactedUri(message)?.AbsoluteUri);
        }

        try
        {
            var response = await _httpClient.SendAsync(message, completion, cancellationToken).ConfigureAwait(false);
            if (activity.IsAllDataRequested)
            {
                activity.SetTag("http.response.status_code", (int)response.StatusCode);
                activity.SetTag("pluginapis.attempts", metadata.Attempts);
                activity.SetTag("pluginapis.ratelimit.remaining", _tracker.Last?.Remaining);
                if (metadata.RateLimitWait > TimeSpan.Zero)
                {
                    activity.SetTag("pluginapis.ratelimit.wait_seconds", metadata.RateLimitWait.TotalSeconds);
                }

                if (!response.IsSuccessStatusCode)
                {
                    activity.SetStatus(ActivityStatusCode.Error);
                    activity.SetTag("error.type", ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return response;
        }
        catch (Exception ex)
        {
            activity.SetStatus(ActivityStatusCode.Error);
            activity.SetTag("error.type", ex.GetType().FullName);
            activity.SetTag("pluginapis.attempts", metadata.Attempts);
            throw;
        }
    }

    private Uri? RedactedUri(HttpRequestMessage message)
    {
        var uri = _redactor.Redact(message is ApiHttpRequestMessage own ? own.ShownUri : message.RequestUri);
        return ApiRequestMetadata.Get(message)?.Secrets is { Count: > 0 } secrets && uri is not null
            ? ApiUri.Create(SecretRedactor.MaskValues(uri.AbsoluteUri, secrets)!)
            : uri;
    }

    private string? Redact(string? text, HttpRequestMessage message) =>
        SecretRedactor.MaskValues(_redactor.Redact(text), ApiRequestMetadata.Get(message)?.Secrets);

    // A success costs no asynchronous frame; a failure is read and thrown by ThrowForStatusAsync.
    private ValueTask EnsureSuccessAsync(HttpResponseMessage response, HttpRequestMessage message, ApiRequestMetadata metadata, CancellationToken cancellationToken) =>
        response.IsSuccessStatusCode ? ValueTask.CompletedTask : ThrowForStatusAsync(response, message, metadata, cancellationToken);

    private async ValueTask ThrowForStatusAsync(HttpResponseMessage response, HttpRequestMessage message, ApiRequestMetadata metadata, CancellationToken cancellationToken)
    {
        var body = Redact(await ApiErrorBody.ReadCappedAsync(response.Content, cancellationToken).ConfigureAwait(false), message);
        var rateLimit = RateLimitInfo.Parse(response.Headers, _time.GetUtcNow());
        var details = new ApiErrorResponse(response.StatusCode, message.Method.Method, RedactedUri(message), body, rateLimit);
        ApiErrorInfo info;
        try
        {
            info = _service.ParseError(body);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            info = default;
        }

        info = new ApiErrorInfo(Redact(info.Code, message), Redact(info.Message, message));
        var text = ApiException.FormatMessage(details, info.Code, info.Message);
        if (metadata.RetrySuppressedReason is { } why)
        {
            text += " " + why;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var retryAfter = rateLimit.RetryAfter ?? rateLimit.Reset;
            if (retryAfter is { } wait)
            {
                text += $" The service asks to wait {wait.TotalSeconds:0.#} s before trying again.";
            }

            throw new RateLimitExceededException(text, details, retryAfter, info.Code, info.Message);
        }

        throw _service.CreateException(text, details, info);
    }

    // The body is already in memory: SendAsync asks HttpClient for ResponseContentRead, and the resilience handler
    // reads it inside the attempt. So it is read synchronously, without the frames of the asynchronous reader.
    private T ReadBufferedJson<T>(HttpResponseMessage response, HttpRequestMessage message, JsonTypeInfo<T> typeInfo)
    {
        using var stream = response.Content.ReadAsStream();
        try
        {
            return JsonSerializer.Deserialize(stream, typeInfo)
                ?? throw new JsonException("The response body was JSON null where an object was expected.");
        }
        catch (JsonException ex)
        {
            throw InvalidBody(response, message, ApiErrorBody.ReadCapped(stream), ex);
        }
    }

    private InvalidResponseException InvalidBody(HttpResponseMessage response, HttpRequestMessage message, string? body, JsonException ex, string? where = null)
    {
        var details = new ApiErrorResponse(response.StatusCode, message.Method.Method, RedactedUri(message), Redact(body, message), RateLimitInfo.Parse(response.Headers, _time.GetUtcNow()));
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "no content type";
        var shown = body is null && response.Content.Headers.ContentLength == 0 ? " The body was empty." : string.Empty;
        var text = $"{message.Method.Method} {details.RequestUri} returned {(int)response.StatusCode} ({mediaType}) but the body could not be read as the expected JSON{where} at {ex.Path ?? "$"}: {Redact(ex.Message, message)}.{shown}";
        return new InvalidResponseException(text, details, ex.Path, ex);
    }

    // Forwards to a caller-owned transport without disposing it when the client is disposed.
    private sealed class CallerOwnedTransport(HttpMessageHandler transport) : DelegatingHandler(transport)
    {
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2215:Dispose methods should call base class dispose", Justification = "base.Dispose would dispose the caller's transport, which the caller owns.")]
        protected override void Dispose(bool disposing)
        {
        }
    }
}
