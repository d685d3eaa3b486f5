using System.Net;
using Microsoft.Extensions.Logging;
using Polly;

namespace PluginApis.Http;

/// <summary>
/// Holds an attempt back while the quota it draws on is known to be spent, instead of provoking a 429 (the services count
/// refused requests against the limit too). Before the attempt it asks the <see cref="IQuotaStore"/> for a slot and waits
/// the store's delay on the configured clock; a wait longer than <see cref="ApiResilienceOptions.MaxRateLimitWait"/> is not
/// taken: the call fails at once with a <see cref="RateLimitExceededException"/> and nothing is sent. After the attempt
/// the store learns what the response announced.
/// </summary>
internal sealed class QuotaThrottleStrategy : ResilienceStrategy<HttpResponseMessage>
{
    private readonly IQuotaStore _store;
    private readonly TimeSpan _maxWait;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public QuotaThrottleStrategy(IQuotaStore store, ApiResilienceOptions options, ILogger logger)
    {
        _store = store;
        _maxWait = options.MaxRateLimitWait;
        _time = options.TimeProvider;
        _logger = logger;
    }

    protected override ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        var call = ApiCall.From(context);
        var scope = call.QuotaScope;
        var acquiring = _store.AcquireAsync(scope, _maxWait, context.CancellationToken);
        if (!acquiring.IsCompletedSuccessfully)
        {
            return WaitThenAttemptAsync(acquiring, callback, context, state, call, scope);
        }

        var grant = acquiring.Result;
        if (!grant.Reserved || grant.Delay > TimeSpan.Zero)
        {
            return WaitThenAttemptAsync(new ValueTask<QuotaGrant>(grant), callback, context, state, call, scope);
        }

        // A slot at once (the usual case): no wait to take, so no state machine unless the attempt itself waits.
        var attempt = callback(context, state);
        return attempt.IsCompletedSuccessfully ? Record(scope, grant, call, attempt.Result) : RecordLaterAsync(attempt, scope, grant, call);
    }

    private async ValueTask<Outcome<HttpResponseMessage>> WaitThenAttemptAsync<TState>(
        ValueTask<QuotaGrant> acquiring,
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback,
        ResilienceContext context,
        TState state,
        ApiCall call,
        QuotaScope scope)
    {
        var cancellationToken = context.CancellationToken;
        QuotaGrant grant;
        while (true)
        {
            grant = await acquiring.ConfigureAwait(false);
            if (grant.Delay > _maxWait)
            {
                await GiveBackAsync(scope, grant).ConfigureAwait(false);
                Log.RateLimitExhausted(_logger, call.Operation.Name, grant.Delay, _maxWait);
                return Outcome.FromException<HttpResponseMessage>(new QuotaSpentException(grant.Delay));
            }

            if (grant.Delay > TimeSpan.Zero)
            {
                Log.Throttling(_logger, call.Operation.Name, grant.Delay);
                try
                {
                    await Task.Delay(grant.Delay, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException ex)
                {
                    await GiveBackAsync(scope, grant).ConfigureAwait(false);
                    return Outcome.FromException<HttpResponseMessage>(ex);
                }

                call.RateLimitWait += grant.Delay;
                ApiTelemetry.QuotaWait.Record(grant.Delay.TotalSeconds, call.Operation.Tag, new KeyValuePair<string, object?>("reason", "throttle"));
            }

            if (grant.Reserved)
            {
                break;
            }

            acquiring = _store.AcquireAsync(scope, _maxWait, cancellationToken);
        }

        var outcome = await callback(context, state).ConfigureAwait(false);
        return await Record(scope, grant, call, outcome).ConfigureAwait(false);
    }

    private async ValueTask<Outcome<HttpResponseMessage>> RecordLaterAsync(
        ValueTask<Outcome<HttpResponseMessage>> attempt, QuotaScope scope, QuotaGrant grant, ApiCall call) =>
        await Record(scope, grant, call, await attempt.ConfigureAwait(false)).ConfigureAwait(false);

    /// <summary>Tells the store what the attempt's response announced (or that none came); the outcome once it knows.</summary>
    private ValueTask<Outcome<HttpResponseMessage>> Record(QuotaScope scope, QuotaGrant grant, ApiCall call, Outcome<HttpResponseMessage> outcome)
    {
        var observation = outcome.Result is { } response
            ? new QuotaObservation(call.RateLimit, response.StatusCode == HttpStatusCode.TooManyRequests)
            : QuotaObservation.NoResponse;
        var recording = _store.RecordAsync(scope, grant, observation, CancellationToken.None);
        if (!recording.IsCompletedSuccessfully)
        {
            return RecordedAsync(recording, outcome);
        }

        recording.GetAwaiter().GetResult();
        return new ValueTask<Outcome<HttpResponseMessage>>(outcome);
    }

    private static async ValueTask<Outcome<HttpResponseMessage>> RecordedAsync(ValueTask recording, Outcome<HttpResponseMessage> outcome)
    {
        await recording.ConfigureAwait(false);
        return outcome;
    }

    private ValueTask GiveBackAsync(QuotaScope scope, QuotaGrant grant) =>
        grant.Reserved ? _store.ReleaseAsync(scope, grant, CancellationToken.None) : ValueTask.CompletedTask;
}
