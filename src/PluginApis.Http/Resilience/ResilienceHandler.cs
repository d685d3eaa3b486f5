using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PluginApis.Http;

/// <summary>
/// Runs every request through the shared Polly v8 pipeline: total timeout → retry (429 by <c>Retry-After</c> /
/// <c>Ratelimit-Reset</c>; transient faults only for idempotent calls) → proactive quota throttling → attempt timeout.
/// Request bodies are rebuilt for each attempt from <see cref="ApiRequestMetadata.ContentFactory"/>.
/// </summary>
public sealed class ResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("PluginApis.Request");
    private static readonly ResiliencePropertyKey<ApiRequestMetadata> MetadataKey = new("PluginApis.Metadata");

    private readonly ApiResilienceOptions _options;
    private readonly RateLimitTracker _tracker;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <summary>Creates the handler.</summary>
    /// <param name="options">Retry, wait and timeout settings (validated here).</param>
    /// <param name="tracker">The client's rate-limit memory, shared by all its handlers.</param>
    public ResilienceHandler(ApiResilienceOptions options, RateLimitTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tracker);
        options.EnsureValid();
        _options = options;
        _tracker = tracker;
        _time = options.TimeProvider;
        _logger = options.LoggerFactory?.CreateLogger("PluginApis.Http") ?? NullLogger.Instance;
        _pipeline = BuildPipeline();
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var metadata = ApiRequestMetadata.Get(request);
        if (metadata is null)
        {
            metadata = new ApiRequestMetadata
            {
                OperationName = "HTTP " + request.Method.Method,
                IsIdempotent = request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Put
                    || request.Method == HttpMethod.Delete || request.Method == HttpMethod.Options,
                IsReplayable = request.Content is null,
            };
            metadata.AttachTo(request);
        }

        var context = ResilienceContextPool.Shared.Get(metadata.OperationName, cancellationToken);
        context.Properties.Set(RequestKey, request);
        context.Properties.Set(MetadataKey, metadata);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static (ctx, self) => self.SendAttemptAsync(ctx),
                context,
                this).ConfigureAwait(false);

            // A retry blocked by a body that can be sent only once must say so, for failures without a response too.
            var why = metadata.RetrySuppressedReason is { } reason ? " " + reason : string.Empty;
            if (outcome.Exception is TimeoutRejectedException timeout)
            {
                var uri = SecretRedactor.RedactQuery(request.RequestUri?.AbsoluteUri ?? string.Empty);
                throw new TimeoutException($"{request.Method} {uri} timed out after {timeout.Timeout.TotalSeconds:0.###} s ({metadata.Attempts} attempt(s)).{why}", timeout);
            }

            if (why.Length > 0)
            {
                switch (outcome.Exception)
                {
                    case HttpRequestException http:
                        throw new HttpRequestException(http.HttpRequestError, http.Message + why, http, http.StatusCode);
                    case IOException io:
                        throw new IOException(io.Message + why, io);
                }
            }

            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The throttle options carry no data-annotation attributes; nothing is trimmed away from validation.")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, typeof(QuotaThrottleStrategyOptions))]
    private ResiliencePipeline<HttpResponseMessage> BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        if (_options.TotalTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(_options.TotalTimeout);
        }

        if (_options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = _options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = _options.UseJitter,
                Delay = _options.BaseDelay,
                MaxDelay = _options.MaxBackoffDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(ServerRequestedDelay(args.Outcome)),
                OnRetry = args =>
                {
                    var metadata = args.Context.Properties.GetValue(MetadataKey, null!);
                    var reason = Describe(args.Outcome);
                    var isRateLimit = args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests;
                    if (isRateLimit)
                    {
                        Log.WaitingForReset(_logger, metadata.OperationName, args.RetryDelay, ServerRequestedDelay(args.Outcome) is null ? "backoff" : "announced reset");
                        metadata.RateLimitWait += args.RetryDelay;
                        ApiTelemetry.QuotaWait.Record(args.RetryDelay.TotalSeconds, new KeyValuePair<string, object?>("operation", metadata.OperationName), new KeyValuePair<string, object?>("reason", "429"));
                    }

                    Log.Retrying(_logger, metadata.OperationName, args.AttemptNumber + 1, args.RetryDelay, reason);
                    ApiTelemetry.Retries.Add(1, new KeyValuePair<string, object?>("operation", metadata.OperationName), new KeyValuePair<string, object?>("reason", reason));
                    return default;
                },
            });
        }

        builder.AddStrategy(_ => new QuotaThrottleStrategy(this), new QuotaThrottleStrategyOptions());

        if (_options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(_options.AttemptTimeout);
        }

        return builder.Build();
    }

    private async ValueTask<Outcome<HttpResponseMessage>> SendAttemptAsync(ResilienceContext context)
    {
        var request = context.Properties.GetValue(RequestKey, null!);
        var metadata = context.Properties.GetValue(MetadataKey, null!);
        metadata.Attempts++;
        if (metadata.ContentFactory is { } factory && (metadata.Attempts > 1 || request.Content is null))
        {
            request.Content?.Dispose();
            request.Content = factory();
        }

        try
        {
            var response = await base.SendAsync(request, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
            if (metadata.BufferResponseContent)
            {
                // Read the body within the attempt: a reset or stall mid-body is then retried like one before the headers.
                try
                {
                    await response.Content.LoadIntoBufferAsync(context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
                }
                catch
                {
                    response.Dispose();
                    throw;
                }
            }

            var info = RateLimitInfo.Parse(response.Headers, _time.GetUtcNow());
            _tracker.Record(metadata.OperationName, info);
            var status = (int)response.StatusCode;
            if (ApiTelemetry.Requests.Enabled)
            {
                // Guarded: the tags box the status code, which is wasted work when no listener collects the counter.
                ApiTelemetry.Requests.Add(1, new KeyValuePair<string, object?>("operation", metadata.OperationName), new KeyValuePair<string, object?>("http.response.status_code", status));
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                ApiTelemetry.RateLimited.Add(1, new KeyValuePair<string, object?>("operation", metadata.OperationName));
            }

            if (_logger.IsEnabled(LogLevel.Debug))
            {
                var redacted = SecretRedactor.RedactQuery(request.RequestUri?.AbsoluteUri ?? string.Empty);
                Log.AttemptCompleted(_logger, metadata.OperationName, request.Method.Method, redacted, status, metadata.Attempts);
            }

            return Outcome.FromResult(response);
        }
        catch (Exception ex)
        {
            _tracker.Release(metadata.OperationName);
            ApiTelemetry.Requests.Add(1, new KeyValuePair<string, object?>("operation", metadata.OperationName), new KeyValuePair<string, object?>("error.type", ex.GetType().Name));
            return Outcome.FromException<HttpResponseMessage>(ex);
        }
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        var metadata = context.Properties.GetValue(MetadataKey, null!);
        if (outcome.Exception is { } exception)
        {
            if (exception is OperationCanceledException or RateLimitExceededException)
            {
                return false;
            }

            var transient = exception is HttpRequestException or TimeoutRejectedException or IOException;
            return transient && CanResend(metadata, "a transient fault (" + exception.GetType().Name + ")");
        }

        var response = outcome.Result!;
        var status = response.StatusCode;
        if (status == HttpStatusCode.TooManyRequests)
        {
            // A 429 was refused, not processed: always safe to repeat, if the wait is acceptable.
            var delay = ServerRequestedDelay(outcome);
            if (delay is { } wait && wait > _options.MaxRateLimitWait)
            {
                Log.RateLimitExhausted(_logger, metadata.OperationName, wait, _options.MaxRateLimitWait);
                return false;
            }

            return CanResend(metadata, "429 Too Many Requests", requiresIdempotency: false);
        }

        if (status is HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
        {
            if (ServerRequestedDelay(outcome) is { } wait && wait > _options.MaxRateLimitWait)
            {
                return false;
            }

            return CanResend(metadata, $"{(int)status} {status}");
        }

        return false;
    }

    private static bool CanResend(ApiRequestMetadata metadata, string reason, bool requiresIdempotency = true)
    {
        if (requiresIdempotency && !metadata.IsIdempotent)
        {
            return false;
        }

        if (!metadata.IsReplayable)
        {
            metadata.RetrySuppressedReason =
                $"The call was not retried after {reason} because its body came from a non-seekable stream, which can be sent only once. " +
                "Pass a file path or a seekable stream to allow retries.";
            return false;
        }

        return true;
    }

    // Retry-After wins; else, for a 429, Ratelimit-Reset; else null = exponential backoff.
    private TimeSpan? ServerRequestedDelay(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Result is not { } response)
        {
            return null;
        }

        var info = RateLimitInfo.Parse(response.Headers, _time.GetUtcNow());
        if (info.RetryAfter is { } retryAfter)
        {
            return retryAfter;
        }

        return response.StatusCode == HttpStatusCode.TooManyRequests ? info.Reset : null;
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } ex
            ? ex.GetType().Name
            : $"{(int)outcome.Result!.StatusCode} {outcome.Result.StatusCode}";

    private async ValueTask<RateLimitExceededException?> WaitForQuotaAsync(ResilienceContext context)
    {
        if (!_options.ProactiveThrottling)
        {
            return null;
        }

        var metadata = context.Properties.GetValue(MetadataKey, null!);
        while (true)
        {
            var wait = _tracker.TryAcquire(metadata.OperationName, _time.GetUtcNow());
            if (wait <= TimeSpan.Zero)
            {
                return null;
            }

            if (wait > _options.MaxRateLimitWait)
            {
                Log.RateLimitExhausted(_logger, metadata.OperationName, wait, _options.MaxRateLimitWait);
                var request = context.Properties.GetValue(RequestKey, null!);
                var uri = request.RequestUri is { } u ? ApiUri.Create(SecretRedactor.RedactQuery(u.AbsoluteUri)) : null;
                var response = new ApiErrorResponse(HttpStatusCode.TooManyRequests, request.Method.Method, uri, null, _tracker.Last);
                return new RateLimitExceededException(
                    $"{request.Method} {uri} was not sent: the rate-limit quota is spent and resets in {wait.TotalSeconds:0.#} s, longer than MaxRateLimitWait ({_options.MaxRateLimitWait.TotalSeconds:0.#} s).",
                    response, wait, throttledLocally: true);
            }

            Log.Throttling(_logger, metadata.OperationName, wait);
            await Task.Delay(wait, _time, context.CancellationToken).ConfigureAwait(false);
            metadata.RateLimitWait += wait;
            ApiTelemetry.QuotaWait.Record(wait.TotalSeconds, new KeyValuePair<string, object?>("operation", metadata.OperationName), new KeyValuePair<string, object?>("reason", "throttle"));
        }
    }

    private sealed class QuotaThrottleStrategyOptions : ResilienceStrategyOptions
    {
        public QuotaThrottleStrategyOptions() => Name = "QuotaThrottle";
    }

    private sealed class QuotaThrottleStrategy(ResilienceHandler handler) : ResilienceStrategy<HttpResponseMessage>
    {
        protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
            Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
        {
            RateLimitExceededException? refusal;
            try
            {
                refusal = await handler.WaitForQuotaAsync(context).ConfigureAwait(context.ContinueOnCapturedContext);
            }
            catch (OperationCanceledException ex)
            {
                return Outcome.FromException<HttpResponseMessage>(ex);
            }

            return refusal is not null
                ? Outcome.FromException<HttpResponseMessage>(refusal)
                : await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        }
    }
}
