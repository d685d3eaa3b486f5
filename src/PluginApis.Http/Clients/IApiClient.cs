using System.Text.Json;

namespace PluginApis.Http;

/// <summary>What every PluginApis client offers besides its typed methods: the last rate-limit snapshot and a raw call.</summary>
public interface IApiClient
{
    /// <summary>The rate-limit headers of the most recent response that carried any; null before the first.</summary>
    RateLimitInfo? LastRateLimit { get; }

    /// <summary>
    /// Calls any path under the base address with the API key and the whole pipeline (throttling, retries, timeouts,
    /// typed errors) and returns the success body as a <see cref="JsonDocument"/> (null for an empty body). For endpoints
    /// the typed methods do not cover or a model that guessed wrong. Dispose the document.
    /// </summary>
    /// <param name="method">The HTTP method (GET, PUT and DELETE are retried after transient faults; POST and PATCH are not).</param>
    /// <param name="relativePath">A path relative to the base address, segments already escaped, optionally with a query, e.g. <c>plugins/wporg/akismet</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body, or null when it is empty.</returns>
    /// <exception cref="ArgumentException">The path is absolute, leaves the base address (<c>//host</c>, <c>..</c>) or is blank.</exception>
    /// <exception cref="ApiException">The service answered with a non-success status (the client's subtype, e.g. a 404).</exception>
    /// <exception cref="RateLimitExceededException">The rate limit asks for a longer wait than allowed.</exception>
    /// <exception cref="InvalidResponseException">The body is not JSON or is larger than the cap.</exception>
    /// <exception cref="HttpRequestException">The service could not be reached, after the retries allowed.</exception>
    /// <exception cref="TimeoutException">An attempt or the whole call ran out of time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<JsonDocument?> SendRawAsync(HttpMethod method, string relativePath, CancellationToken cancellationToken = default);

    /// <summary>Like <see cref="SendRawAsync(HttpMethod, string, CancellationToken)"/>, with a JSON request body.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativePath">A path relative to the base address, segments already escaped, optionally with a query.</param>
    /// <param name="body">The JSON body (sent again as it is on a retry).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body, or null when it is empty.</returns>
    /// <exception cref="ArgumentException">The path is not relative to the base address, or <paramref name="body"/> is undefined.</exception>
    /// <exception cref="ApiException">The service answered with a non-success status.</exception>
    /// <exception cref="RateLimitExceededException">The rate limit asks for a longer wait than allowed.</exception>
    /// <exception cref="InvalidResponseException">The body is not JSON or is larger than the cap.</exception>
    /// <exception cref="HttpRequestException">The service could not be reached, after the retries allowed.</exception>
    /// <exception cref="TimeoutException">An attempt or the whole call ran out of time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<JsonDocument?> SendRawAsync(HttpMethod method, string relativePath, JsonElement body, CancellationToken cancellationToken = default);
}
