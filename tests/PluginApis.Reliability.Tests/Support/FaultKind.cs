namespace PluginApis.Reliability.Tests;

/// <summary>What the fault-injecting transport did to one attempt.</summary>
public enum FaultKind
{
    /// <summary>Forwarded to the emulator, answer passed through untouched.</summary>
    None,

    // ---- injected instead of forwarding: the server never saw the request ----

    /// <summary>429 without any rate-limit header.</summary>
    Before429NoHeaders,

    /// <summary>429 with <c>Ratelimit-Reset: 0|1</c>.</summary>
    Before429RatelimitReset,

    /// <summary>429 with <c>Retry-After</c> as an HTTP-date 0–1 s ahead.</summary>
    Before429RetryAfterDate,

    /// <summary>429 asking for an absurd wait (days/years): must be refused at once with RateLimitExceededException.</summary>
    Before429Absurd,

    /// <summary>429 with unparsable <c>Retry-After</c>/<c>Ratelimit-Reset</c> values: falls back to backoff.</summary>
    Before429Garbage,

    /// <summary>500/502/503/504 with an HTML body (a proxy's error page).</summary>
    Before5xxHtml,

    /// <summary>The connection was reset before the request was sent (HttpRequestException with an inner IOException/SocketException).</summary>
    BeforeConnectionReset,

    /// <summary>Nothing comes back: stalls until the attempt timeout cancels it.</summary>
    BeforeStall,

    // ---- injected after the emulator processed the request: the dangerous ones for POSTs ----

    /// <summary>The real status and headers, the body cut in half (truncated JSON).</summary>
    AfterTruncatedJson,

    /// <summary>200 with an empty body.</summary>
    AfterEmpty200,

    /// <summary>200 <c>text/html</c> with an HTML page instead of JSON.</summary>
    AfterWrongContentType,

    /// <summary>The answer is lost: the connection resets after the server processed the request.</summary>
    AfterConnectionReset,

    /// <summary>The headers arrive, then the connection dies in the middle of the body (HttpIOException).</summary>
    AfterBodyReset,

    /// <summary>The answer never arrives: stalls until the attempt timeout cancels it.</summary>
    AfterStall,

    /// <summary>A gateway answers 502 (HTML) although the upstream processed the request.</summary>
    After502Html,
}

/// <summary>Classification of the fault kinds.</summary>
public static class FaultKinds
{
    /// <summary>True when the server never saw the attempt.</summary>
    public static bool IsBefore(this FaultKind kind) => kind is >= FaultKind.Before429NoHeaders and <= FaultKind.BeforeStall;

    /// <summary>True when the server processed the attempt and the fault hit the answer.</summary>
    public static bool IsAfter(this FaultKind kind) => kind >= FaultKind.AfterTruncatedJson;

    /// <summary>True when the SDK retries an idempotent call after this fault (within its retry budget).</summary>
    public static bool IsRetryableForIdempotent(this FaultKind kind) => kind is
        FaultKind.Before429NoHeaders or FaultKind.Before429RatelimitReset or FaultKind.Before429RetryAfterDate or FaultKind.Before429Garbage
        or FaultKind.Before5xxHtml or FaultKind.BeforeConnectionReset or FaultKind.BeforeStall
        or FaultKind.AfterConnectionReset or FaultKind.AfterBodyReset or FaultKind.AfterStall or FaultKind.After502Html;

    /// <summary>True when the SDK retries any call, POSTs included, after this fault (a 429 was refused, not processed).</summary>
    public static bool IsRetryableForAll(this FaultKind kind) => kind is
        FaultKind.Before429NoHeaders or FaultKind.Before429RatelimitReset or FaultKind.Before429RetryAfterDate or FaultKind.Before429Garbage;
}
