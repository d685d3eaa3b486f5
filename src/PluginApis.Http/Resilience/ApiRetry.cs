using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PluginApis.Http;

/// <summary>
/// The rules of Polly's retry strategy in the pipeline. A 429 is always retried (it was refused, not processed) after
/// <c>Retry-After</c>, else <c>Ratelimit-Reset</c>, else jittered exponential backoff; a wait longer than
/// <see cref="ApiResilienceOptions.MaxRateLimitWait"/> is not taken. 408, 500, 502, 503, 504, connection errors and attempt
/// timeouts are retried only for idempotent calls whose body can be sent again.
/// </summary>
internal static class ApiRetry
{
    /// <summary>The retry options for validated <paramref name="options"/>.</summary>
    public static RetryStrategyOptions<HttpResponseMessage> Create(ApiResilienceOptions options, ILogger logger) => new()
    {
        MaxRetryAttempts = options.MaxRetryAttempts,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = options.UseJitter,
        Delay = options.BaseDelay,
        MaxDelay = options.MaxBackoffDelay,
        ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, ApiCall.From(args.Context), options.MaxRateLimitWait, logger)),
        DelayGenerator = args => new ValueTask<TimeSpan?>(ServerDelay(args.Outcome, ApiCall.From(args.Context))),
        OnRetry = args =>
        {
            var call = ApiCall.From(args.Context);
            var reason = Describe(args.Outcome);
            if (args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var source = ServerDelay(args.Outcome, call) is null ? "backoff" : "announced reset";
                Log.WaitingForReset(logger, call.Operation.Name, args.RetryDelay, source);
                call.RateLimitWait += args.RetryDelay;
                ApiTelemetry.QuotaWait.Record(args.RetryDelay.TotalSeconds, call.Operation.Tag, new KeyValuePair<string, object?>("reason", "429"));
            }

            Log.Retrying(logger, call.Operation.Name, args.AttemptNumber + 1, args.RetryDelay, reason);
            ApiTelemetry.Retries.Add(1, call.Operation.Tag, new KeyValuePair<string, object?>("reason", reason));
            return default;
        },
    };

    /// <summary>True when the outcome should be retried (see the class summary).</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ApiCall call, TimeSpan maxRateLimitWait, ILogger logger)
    {
        if (call.TotalTimedOut)
        {
            return false;
        }

        if (outcome.Exception is { } exception)
        {
            var transient = exception is HttpRequestException or IOException or TimeoutRejectedException;
            return transient && CanResend(call, "a transient fault (" + exception.GetType().Name + ")", requiresIdempotency: true);
        }

        var response = outcome.Result!;
        var status = response.StatusCode;
        var isRateLimit = status == HttpStatusCode.TooManyRequests;
        if (!isRateLimit && status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout))
        {
            return false;
        }

        if (ServerDelay(outcome, call) is { } wait && wait > maxRateLimitWait)
        {
            if (isRateLimit)
            {
                Log.RateLimitExhausted(logger, call.Operation.Name, wait, maxRateLimitWait);
            }

            return false;
        }

        return CanResend(call, isRateLimit ? "429 Too Many Requests" : $"{(int)status} {status}", requiresIdempotency: !isRateLimit);
    }

    /// <summary><c>Retry-After</c> wins; else, for a 429, <c>Ratelimit-Reset</c>; else null (exponential backoff).</summary>
    public static TimeSpan? ServerDelay(Outcome<HttpResponseMessage> outcome, ApiCall call)
    {
        if (outcome.Result is not { } response || call.RateLimit is not { } info)
        {
            return null;
        }

        if (info.RetryAfter is { } retryAfter)
        {
            return retryAfter;
        }

        return response.StatusCode == HttpStatusCode.TooManyRequests ? info.Reset : null;
    }

    private static bool CanResend(ApiCall call, string reason, bool requiresIdempotency)
    {
        if (requiresIdempotency && !call.Operation.IsIdempotent)
        {
            return false;
        }

        if (!call.IsReplayable)
        {
            call.RetrySuppressedReason =
                $"The call was not retried after {reason} because its body came from a non-seekable stream, which can be sent only once. " +
                "Pass a file path or a seekable stream to allow retries.";
            return false;
        }

        return true;
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } ex ? ex.GetType().Name : $"{(int)outcome.Result!.StatusCode} {outcome.Result.StatusCode}";
}
