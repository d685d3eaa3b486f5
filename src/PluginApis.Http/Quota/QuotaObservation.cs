namespace PluginApis.Http;

/// <summary>What a request sent under a quota grant came back with.</summary>
/// <param name="RateLimit">The parsed rate-limit headers of the response; null when no response arrived.</param>
/// <param name="RateLimited">True when the service refused the request with 429: every caller of the scope should pause until the announced reset.</param>
/// <remarks>Never throws: the constructor only stores the values.</remarks>
public readonly record struct QuotaObservation(RateLimitInfo? RateLimit, bool RateLimited)
{
    /// <summary>No response arrived (a connection error or a timeout); the server may or may not have counted the request.</summary>
    public static QuotaObservation NoResponse { get; } = new(null, false);
}
