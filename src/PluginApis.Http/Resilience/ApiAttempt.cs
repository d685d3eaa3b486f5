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

/// <summary>
/// What the pipeline hands to each attempt: the caller, the call, the arguments and how to send them. A reference, so
/// each strategy of the pipeline passes one pointer down instead of copying the arguments; one spare per thread and
/// argument type is reused once the call's pipeline has returned, so a call allocates none.
/// </summary>
/// <typeparam name="TArgs">The arguments of the Refit method.</typeparam>
internal sealed class AttemptState<TArgs>
{
    [ThreadStatic]
    private static AttemptState<TArgs>? t_spare;

    private AttemptState()
    {
    }

    /// <summary>The caller running the call.</summary>
    public ApiCaller Caller { get; private set; } = null!;

    /// <summary>The call.</summary>
    public ApiCall Call { get; private set; } = null!;

    /// <summary>The arguments of the Refit method.</summary>
    public TArgs Args { get; private set; } = default!;

    /// <summary>Sends one attempt.</summary>
    public ApiSend<TArgs> Send { get; private set; } = null!;

    /// <summary>The state of one run of the pipeline; <see cref="Return"/> it once the pipeline has returned.</summary>
    public static AttemptState<TArgs> Rent(ApiCaller caller, ApiCall call, TArgs args, ApiSend<TArgs> send)
    {
        var state = t_spare ?? new AttemptState<TArgs>();
        t_spare = null;
        state.Caller = caller;
        state.Call = call;
        state.Args = args;
        state.Send = send;
        return state;
    }

    /// <summary>Forgets the call (no arguments are kept alive) and becomes this thread's spare.</summary>
    public void Return()
    {
        Caller = null!;
        Call = null!;
        Args = default!;
        Send = null!;
        t_spare = this;
    }
}
