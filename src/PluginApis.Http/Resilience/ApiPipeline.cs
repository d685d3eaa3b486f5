using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace PluginApis.Http;

/// <summary>
/// Builds the one <see cref="ResiliencePipeline{T}"/> every attempt of every call runs in, the first attempt included.
/// The order is the design's, outermost first: total timeout → retry → quota throttle → attempt timeout → the attempt
/// (the callback, <see cref="ApiAttempt"/>). Timeouts and retries are Polly's own strategies; the throttle is ours.
/// </summary>
internal static class ApiPipeline
{
    /// <summary>Builds the pipeline for validated <paramref name="options"/>.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Build(ApiResilienceOptions options, IQuotaStore store, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider };
        if (options.TotalTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                Name = "TotalTimeout",
                Timeout = options.TotalTimeout,
                OnTimeout = static args =>
                {
                    ApiCall.From(args.Context).TotalTimedOut = true;
                    return default;
                },
            });
        }

        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(ApiRetry.Create(options, logger));
        }

        if (options.ProactiveThrottling)
        {
            builder.AddStrategy(_ => new QuotaThrottleStrategy(store, options, logger));
        }

        if (options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = options.AttemptTimeout });
        }

        return builder.Build();
    }
}
