using System.Net;
using Polly;

namespace PluginApis.Http;

/// <summary>
/// One attempt, the callback at the centre of the pipeline: sends a fresh request through the Refit interface, reads the
/// body within the attempt (capped; streamed bodies excepted), parses the rate-limit headers once and counts the attempt.
/// Failures become outcomes, never exceptions thrown through Polly.
/// </summary>
internal static class ApiAttempt
{
    /// <summary>Runs one attempt of <paramref name="state"/>'s call.</summary>
    public static async ValueTask<Outcome<HttpResponseMessage>> RunAsync<TArgs>(ResilienceContext context, AttemptState<TArgs> state)
    {
        var call = state.Call;
        var caller = state.Caller;
        call.Attempts++;
        HttpResponseMessage response;
        try
        {
            response = await state.Send(state.Args, call, context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var failure = ex is ApiTransportFailure { InnerException: { } inner } wrapped ? inner : ex;
            if (ex is ApiTransportFailure { RequestUri: { } uri })
            {
                call.RequestUri = uri;
            }

            CallTelemetry.Failed(call, failure);
            return Outcome.FromException<HttpResponseMessage>(failure);
        }

        call.RequestUri = response.RequestMessage?.RequestUri ?? call.RequestUri;
        call.RateLimit = caller.RecordRateLimit(response);
        try
        {
            if (!call.Operation.IsStreamed || !response.IsSuccessStatusCode)
            {
                await BoundedBody.BufferAsync(response, caller.MaxResponseBodySize, context.CancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            response.Dispose();
            CallTelemetry.Failed(call, ex);
            return Outcome.FromException<HttpResponseMessage>(ex);
        }

        caller.Telemetry.Answered(call, response);
        return Outcome.FromResult(response);
    }
}

/// <summary>What the pipeline hands to each attempt: the caller, the call, the arguments and how to send them.</summary>
/// <typeparam name="TArgs">The arguments of the Refit method.</typeparam>
internal readonly record struct AttemptState<TArgs>(ApiCaller Caller, ApiCall Call, TArgs Args, ApiSend<TArgs> Send);
