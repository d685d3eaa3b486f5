using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PluginApis.Http;

/// <summary>
/// Runs every request through the shared Polly v8 retry (429 by <c>Retry-After</c> / <c>Ratelimit-Reset</c>; transient
/// faults only for idempotent calls), then proactive quota throttling, then the attempt. The total timeout bounds the
/// whole call: each attempt gets one deadline, the sooner of the attempt timeout and what is left of the total, and
/// throttle and retry waits that would outlast the total end the call when it runs out.
/// Request bodies are rebuilt for each attempt from <see cref="ApiRequestMetadata.ContentFactory"/>.
/// </summary>
public sealed class ResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("PluginApis.Request");
    private static readonly ResiliencePropertyKey<ApiRequestMetadata> MetadataKey = new("PluginApis.Metadata");
    private static readonly ResiliencePropertyKey<Outcome<HttpResponseMessage>?> FirstOutcomeKey = new("PluginApis.FirstOutcome");

    private readonly ApiResilienceOptions _options;
    private readonly RateLimitTracker _tracker;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly bool _hasTotalTimeout;
    private readonly bool _hasDeadline;
    private readonly bool _systemClock;
    private CancellationTokenSource? _spareSource;

    /// <summary>Creates the handler.</summary>
    /// <param name="options">Retry, wait and timeout settings (validated here).</param>
    /// <param name="tracker">The client's rate-limit memory, shared by all its handlers.</param>
    public ResilienceHandler(ApiResilienceOptions options, RateLimitTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tracker);
        options.EnsureValid();
        EnsureTimeoutInRange(options.AttemptTimeout, nameof(options.AttemptTimeout));
        EnsureTimeoutInRange(options.TotalTimeout, nameof(options.TotalTimeout));
        _options = options;
        _hasTotalTimeout = options.TotalTimeout != Timeout.InfiniteTimeSpan;
        _hasDeadline = _hasTotalTimeout || options.AttemptTimeout != Timeout.InfiniteTimeSpan;
        _systemClock = options.TimeProvider == TimeProvider.System;
        _tracker = tracker;
        _time = options.TimeProvider;
        _logger = options.LoggerFactory?.CreateLogger("PluginApis.Http") ?? NullLogger.Instance;
        _pipeline = BuildPipeline();
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
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

        metadata.StartedAt = _hasTotalTimeout ? _time.GetTimestamp() : 0;
        metadata.TotalTimedOut = false;
        if (cancellationToken.IsCancellationRequested)
        {
            // What the pipeline did with a token cancelled before the first attempt: nothing is sent.
            return Task.FromCanceled<HttpResponseMessage>(cancellationToken);
        }

        // The first attempt runs outside the Polly pipeline: most calls need no retry, and then they need neither the
        // pooled context nor the retry strategy's frames. A retriable outcome enters the pipeline as its first attempt.
        var first = SendAttemptAsync(request, metadata, cancellationToken);
        if (!first.IsCompletedSuccessfully)
        {
            return RetryAsync(first, request, metadata, cancellationToken);
        }

        var outcome = first.Result;
        return outcome.Exception is null && !NeedsRetry(outcome, metadata)
            ? Task.FromResult(outcome.Result!)
            : RetryAsync(new ValueTask<Outcome<HttpResponseMessage>>(outcome), request, metadata, cancellationToken);
    }

    private bool NeedsRetry(Outcome<HttpResponseMessage> outcome, ApiRequestMetadata metadata) =>
        _options.MaxRetryAttempts > 0 && ShouldRetry(outcome, metadata);

    private async Task<HttpResponseMessage> RetryAsync(ValueTask<Outcome<HttpResponseMessage>> first, HttpRequestMessage request, ApiRequestMetadata metadata, CancellationToken cancellationToken)
    {
        var outcome = await first.ConfigureAwait(false);
        if (NeedsRetry(outcome, metadata))
        {
            var context = ResilienceContextPool.Shared.Get(metadata.OperationName, cancellationToken);
            context.Properties.Set(RequestKey, request);
            context.Properties.Set(MetadataKey, metadata);
            context.Properties.Set(FirstOutcomeKey, outcome);
            try
            {
                outcome = await _pipeline.ExecuteOutcomeAsync(
                    static (ctx, self) => self.ReplayOrSendAttemptAsync(ctx),
                    context,
                    this).ConfigureAwait(false);
            }
            catch (TimeoutRejectedException timedOut)
            {
                // The total timeout ran out during a retry wait (thrown by OnRetry).
                outcome = Outcome.FromException<HttpResponseMessage>(timedOut);
            }
            finally
            {
                // Not replayed (the pipeline refused to start, e.g. cancelled): nobody else will dispose that response.
                if (context.Properties.TryGetValue(FirstOutcomeKey, out var unused) && unused is { } left)
                {
                    left.Result?.Dispose();
                }

                ResilienceContextPool.Shared.Return(context);
            }
        }

        // A retry blocked by a body that can be sent only once must say so, for failures without a response too.
        var why = metadata.RetrySuppressedReason is { } reason ? " " + reason : string.Empty;
        if (outcome.Exception is TimeoutRejectedException timeout)
        {
            var uri = SecretRedactor.MaskValues(SecretRedactor.RedactQuery(request.RequestUri?.AbsoluteUri ?? string.Empty), metadata.Secrets);
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

    // The pipeline's first attempt is the one already made outside it.
    private ValueTask<Outcome<HttpResponseMessage>> ReplayOrSendAttemptAsync(ResilienceContext context)
    {
        if (context.Properties.TryGetValue(FirstOutcomeKey, out var first) && first is { } outcome)
        {
            context.Properties.Set(FirstOutcomeKey, null);
            return new ValueTask<Outcome<HttpResponseMessage>>(outcome);
        }

        return SendAttemptAsync(context.Properties.GetValue(RequestKey, null!), context.Properties.GetValue(MetadataKey, null!), context.CancellationToken);
    }

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        if (_options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = _options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = _options.UseJitter,
                Delay = _options.BaseDelay,
                MaxDelay = _options.MaxBackoffDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context.Properties.GetValue(MetadataKey, null!))),
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
                    if (_hasTotalTimeout && RemainingTotal(metadata) is var remaining && args.RetryDelay >= remaining)
                    {
                        // The total timeout runs out during this wait: wait only what is left, then end the call.
                        return WaitOutTotalTimeoutAsync(args.Outcome, metadata, remaining, args.Context.CancellationToken);
                    }

                    return default;
                },
            });
        }

        return builder.Build();
    }

    private static void EnsureTimeoutInRange(TimeSpan timeout, string name)
    {
        // The range the Polly timeout strategy used to enforce: a timer is armed with it.
        if (timeout != Timeout.InfiniteTimeSpan && (timeout < TimeSpan.FromMilliseconds(10) || timeout > TimeSpan.FromDays(1)))
        {
            throw new ArgumentException($"Resilience:{name} must be between 10 ms and 1 day, or infinite (was {timeout}).", name);
        }
    }

    private TimeSpan RemainingTotal(ApiRequestMetadata metadata) => _options.TotalTimeout - _time.GetElapsedTime(metadata.StartedAt);

    private TimeoutRejectedException TotalTimeoutExpired(ApiRequestMetadata metadata, Exception? inner = null)
    {
        metadata.TotalTimedOut = true;
        var message = $"The operation didn't complete within the allowed timeout of '{_options.TotalTimeout}'.";
        return inner is null ? new TimeoutRejectedException(message, _options.TotalTimeout) : new TimeoutRejectedException(message, _options.TotalTimeout, inner);
    }

    private async ValueTask WaitOutTotalTimeoutAsync(Outcome<HttpResponseMessage> outcome, ApiRequestMetadata metadata, TimeSpan remaining, CancellationToken cancellationToken)
    {
        outcome.Result?.Dispose();
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, _time, cancellationToken).ConfigureAwait(false);
        }

        throw TotalTimeoutExpired(metadata);
    }

    // One deadline per attempt: the sooner of the attempt timeout and what is left of the total timeout.
    private CancellationTokenSource RentDeadline(TimeSpan delay)
    {
        if (!_systemClock)
        {
            return new CancellationTokenSource(delay, _time);
        }

        var source = Interlocked.Exchange(ref _spareSource, null) ?? new CancellationTokenSource();
        source.CancelAfter(delay);
        return source;
    }

    private void ReturnDeadline(CancellationTokenSource source)
    {
        // TryReset disarms the timer; a source that fired (or was cancelled by the caller) is not reused. The one spare
        // left when the handler goes away holds no armed timer and no registration, so the GC takes it like any object.
        if (_systemClock && source.TryReset())
        {
            Interlocked.Exchange(ref _spareSource, source)?.Dispose();
            return;
        }

        source.Dispose();
    }

    private ValueTask<Outcome<HttpResponseMessage>> SendAttemptAsync(HttpRequestMessage request, ApiRequestMetadata metadata, CancellationToken cancellationToken)
    {
        if (_options.ProactiveThrottling)
        {
            // Throttling first, outside the attempt's deadline; without an async frame when the quota allows the request.
            var wait = _tracker.TryAcquire(metadata.OperationName, _time);
            if (wait > TimeSpan.Zero)
            {
                return ThrottleThenSendAsync(request, metadata, wait, cancellationToken);
            }
        }

        // The first attempt sent without a wait starts with the call: all of the total timeout is left, no clock to read.
        return SendOnceAsync(request, metadata, startsWithCall: metadata.Attempts == 0, cancellationToken);
    }

    private async ValueTask<Outcome<HttpResponseMessage>> ThrottleThenSendAsync(HttpRequestMessage request, ApiRequestMetadata metadata, TimeSpan wait, CancellationToken cancellationToken)
    {
        Exception? refusal;
        try
        {
            refusal = await WaitForQuotaAsync(request, metadata, wait, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex)
        {
            return Outcome.FromException<HttpResponseMessage>(ex);
        }

        return refusal is not null
            ? Outcome.FromException<HttpResponseMessage>(refusal)
            : await SendOnceAsync(request, metadata, startsWithCall: false, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<Outcome<HttpResponseMessage>> SendOnceAsync(HttpRequestMessage request, ApiRequestMetadata metadata, bool startsWithCall, CancellationToken callerToken)
    {
        var cancellationToken = callerToken;
        CancellationTokenSource? deadline = null;
        CancellationTokenRegistration link = default;
        var limitedByTotal = false;
        if (_hasDeadline)
        {
            var limit = _options.AttemptTimeout;
            if (_hasTotalTimeout)
            {
                var remaining = startsWithCall ? _options.TotalTimeout : RemainingTotal(metadata);
                if (remaining <= TimeSpan.Zero)
                {
                    // Not sent: give back the quota unit the throttle took for it.
                    _tracker.Release(metadata.OperationName);
                    return Outcome.FromException<HttpResponseMessage>(TotalTimeoutExpired(metadata));
                }

                if (limit == Timeout.InfiniteTimeSpan || remaining <= limit)
                {
                    limit = remaining;
                    limitedByTotal = true;
                }
            }

            deadline = RentDeadline(limit);
            if (cancellationToken.CanBeCanceled)
            {
                link = cancellationToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), deadline);
            }

            cancellationToken = deadline.Token;
        }

        metadata.Attempts++;
        if (metadata.ContentFactory is { } factory && (metadata.Attempts > 1 || request.Content is null))
        {
            request.Content?.Dispose();
            request.Content = factory();
        }

        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (metadata.BufferResponseContent)
            {
                // Read the body within the attempt: a reset or stall mid-body is then retried like one before the headers.
                try
                {
                    await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
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
                var redacted = SecretRedactor.MaskValues(SecretRedactor.RedactQuery(request.RequestUri?.AbsoluteUri ?? string.Empty), metadata.Secrets)!;
                Log.AttemptCompleted(_logger, metadata.OperationName, request.Method.Method, redacted, status, metadata.Attempts);
            }

            return Outcome.FromResult(response);
        }
        catch (Exception ex)
        {
            _tracker.Release(metadata.OperationName);
            ApiTelemetry.Requests.Add(1, new KeyValuePair<string, object?>("operation", metadata.OperationName), new KeyValuePair<string, object?>("error.type", ex.GetType().Name));
            if (deadline is not null && ex is OperationCanceledException && deadline.IsCancellationRequested && !callerToken.IsCancellationRequested)
            {
                // Our deadline fired, not the caller: an attempt timeout (retried for idempotent calls) or the end of the total.
                return Outcome.FromException<HttpResponseMessage>(limitedByTotal
                    ? TotalTimeoutExpired(metadata, ex)
                    : new TimeoutRejectedException($"The operation didn't complete within the allowed timeout of '{_options.AttemptTimeout}'.", _options.AttemptTimeout, ex));
            }

            return Outcome.FromException<HttpResponseMessage>(ex);
        }
        finally
        {
            if (deadline is not null)
            {
                link.Dispose();
                ReturnDeadline(deadline);
            }
        }
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ApiRequestMetadata metadata)
    {
        if (metadata.TotalTimedOut)
        {
            return false;
        }

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

    // Waits while the operation's known quota is spent; returns why the request must not be sent, or null to send it.
    private async ValueTask<Exception?> WaitForQuotaAsync(HttpRequestMessage request, ApiRequestMetadata metadata, TimeSpan wait, CancellationToken cancellationToken)
    {
        while (wait > TimeSpan.Zero)
        {
            if (wait > _options.MaxRateLimitWait)
            {
                Log.RateLimitExhausted(_logger, metadata.OperationName, wait, _options.MaxRateLimitWait);
                var uri = request.RequestUri is { } u ? ApiUri.Create(SecretRedactor.MaskValues(SecretRedactor.RedactQuery(u.AbsoluteUri), metadata.Secrets)!) : null;
                var response = new ApiErrorResponse(HttpStatusCode.TooManyRequests, request.Method.Method, uri, null, _tracker.Last);
                return new RateLimitExceededException(
                    $"{request.Method} {uri} was not sent: the rate-limit quota is spent and resets in {wait.TotalSeconds:0.#} s, longer than MaxRateLimitWait ({_options.MaxRateLimitWait.TotalSeconds:0.#} s).",
                    response, wait, throttledLocally: true);
            }

            Log.Throttling(_logger, metadata.OperationName, wait);
            if (_hasTotalTimeout && RemainingTotal(metadata) is var remaining && wait >= remaining)
            {
                // The total timeout runs out during this wait: wait only what is left, then end the call.
                if (remaining > TimeSpan.Zero)
                {
                    await Task.Delay(remaining, _time, cancellationToken).ConfigureAwait(false);
                }

                return TotalTimeoutExpired(metadata);
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            metadata.RateLimitWait += wait;
            ApiTelemetry.QuotaWait.Record(wait.TotalSeconds, new KeyValuePair<string, object?>("operation", metadata.OperationName), new KeyValuePair<string, object?>("reason", "throttle"));
            wait = _tracker.TryAcquire(metadata.OperationName, _time);
        }

        return null;
    }
}
