using System.Diagnostics;
using Polly;

namespace PluginApis.Http;

/// <summary>
/// The one object that carries an SDK call from the client method to the wire and back: the operation, the values of the
/// call that must never be shown, how to rebuild a body that cannot be sent twice, and what the attempts learned
/// (their number, the waits, the key-free request URI and the rate-limit headers, parsed once per response).
/// </summary>
internal sealed class ApiCall
{
    /// <summary>Where the pipeline's strategies find the call on the Polly context.</summary>
    public static readonly ResiliencePropertyKey<ApiCall> Key = new("PluginApis.Call");

    // One spare per thread: a call object is reused once its call has ended, so a call allocates none of its own.
    [ThreadStatic]
    private static ApiCall? t_spare;

    private ApiCall()
    {
    }

    /// <summary>What is fixed about the endpoint.</summary>
    public ApiOperation Operation { get; private set; } = null!;

    /// <summary>
    /// Values of this call that must never be shown besides the API key (a customer's licence key in a path, query or body):
    /// masked wherever the call is shown.
    /// </summary>
    public IReadOnlyList<string>? Secrets { get; private set; }

    /// <summary>Creates the body of one attempt, for bodies that cannot simply be sent again (files, streams); null otherwise.</summary>
    public Func<HttpContent>? BodyFactory { get; private set; }

    /// <summary>False when the body can be sent only once (a non-seekable stream): the call is then never re-sent.</summary>
    public bool IsReplayable { get; private set; } = true;

    /// <summary>Attempts made so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Time spent waiting for rate-limit windows (throttling and 429 resets).</summary>
    public TimeSpan RateLimitWait { get; set; }

    /// <summary>Why a retry that was needed could not happen, if that is the case.</summary>
    public string? RetrySuppressedReason { get; set; }

    /// <summary>The request URI of the latest attempt, without the API key; null until a request was built.</summary>
    public Uri? RequestUri { get; set; }

    /// <summary>The rate-limit headers of the latest response (parsed once, in the attempt); null before any response.</summary>
    public RateLimitInfo? RateLimit { get; set; }

    /// <summary>The caller running the call (set when it starts).</summary>
    public ApiCaller Caller { get; set; } = null!;

    /// <summary>The quota the call draws on.</summary>
    public QuotaScope QuotaScope => new(Operation.Service, Caller.KeyId, Operation.Name, Caller.Options.Resilience.QuotaLane);

    /// <summary>True once the whole call ran out of time (the total timeout, not one attempt's).</summary>
    public bool TotalTimedOut { get; set; }

    /// <summary>The call's span, when someone listens.</summary>
    public Activity? Activity { get; set; }

    /// <summary>Starts a call of <paramref name="operation"/>; <see cref="ApiCaller"/> ends it when its result has been read.</summary>
    /// <param name="operation">The endpoint.</param>
    /// <param name="secrets">Values of the call to mask wherever it is shown.</param>
    /// <param name="body">Creates the body of each attempt (files, streams).</param>
    /// <param name="replayable">False when the body can be sent only once.</param>
    public static ApiCall Start(ApiOperation operation, IReadOnlyList<string>? secrets = null, Func<HttpContent>? body = null, bool replayable = true)
    {
        var call = t_spare ?? new ApiCall();
        t_spare = null;
        call.Operation = operation;
        call.Secrets = secrets;
        call.BodyFactory = body;
        call.IsReplayable = replayable;
        return call;
    }

    /// <summary>Ends the call: nothing may use it afterwards; it becomes this thread's spare.</summary>
    public void End()
    {
        Operation = null!;
        Secrets = null;
        BodyFactory = null;
        IsReplayable = true;
        Attempts = 0;
        RateLimitWait = TimeSpan.Zero;
        RetrySuppressedReason = null;
        RequestUri = null;
        RateLimit = null;
        Caller = null!;
        TotalTimedOut = false;
        Activity = null;
        t_spare = this;
    }

    /// <summary>The body for the next attempt.</summary>
    /// <exception cref="InvalidOperationException">The call has no body factory.</exception>
    public HttpContent CreateBody() =>
        (BodyFactory ?? throw new InvalidOperationException($"{Operation.Name} has no body factory."))();

    /// <summary>The call on a Polly context.</summary>
    public static ApiCall From(ResilienceContext context) => context.Properties.GetValue(Key, null!);
}
