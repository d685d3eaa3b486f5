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

    /// <summary>Creates the call of <paramref name="operation"/>.</summary>
    public ApiCall(ApiOperation operation) => Operation = operation;

    /// <summary>What is fixed about the endpoint.</summary>
    public ApiOperation Operation { get; }

    /// <summary>
    /// Values of this call that must never be shown besides the API key (a customer's licence key in a path, query or body):
    /// masked wherever the call is shown.
    /// </summary>
    public IReadOnlyList<string>? Secrets { get; init; }

    /// <summary>Creates the body of one attempt, for bodies that cannot simply be sent again (files, streams); null otherwise.</summary>
    public Func<HttpContent>? BodyFactory { get; init; }

    /// <summary>False when the body can be sent only once (a non-seekable stream): the call is then never re-sent.</summary>
    public bool IsReplayable { get; init; } = true;

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

    /// <summary>The quota the call draws on.</summary>
    public QuotaScope QuotaScope { get; set; }

    /// <summary>True once the whole call ran out of time (the total timeout, not one attempt's).</summary>
    public bool TotalTimedOut { get; set; }

    /// <summary>The call's span, when someone listens.</summary>
    public Activity? Activity { get; set; }

    /// <summary>The body for the next attempt.</summary>
    /// <exception cref="InvalidOperationException">The call has no body factory.</exception>
    public HttpContent CreateBody() =>
        (BodyFactory ?? throw new InvalidOperationException($"{Operation.Name} has no body factory."))();

    /// <summary>The call on a Polly context.</summary>
    public static ApiCall From(ResilienceContext context) => context.Properties.GetValue(Key, null!);
}
