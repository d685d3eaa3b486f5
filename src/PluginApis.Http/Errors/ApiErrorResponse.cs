using System.Net;

namespace PluginApis.Http;

/// <summary>What an API error is built from: the status, the redacted request line, the capped and redacted body and the rate-limit headers.</summary>
/// <param name="StatusCode">The HTTP status of the response.</param>
/// <param name="RequestMethod">The HTTP method of the request.</param>
/// <param name="RequestUri">The request URI with secrets redacted.</param>
/// <param name="Body">The response body as text, capped and with secrets redacted; null when there was none.</param>
/// <param name="RateLimit">The rate-limit headers of the response.</param>
/// <remarks>Never throws: the constructor only stores the values.</remarks>
public sealed record ApiErrorResponse(HttpStatusCode StatusCode, string RequestMethod, Uri? RequestUri, string? Body, RateLimitInfo? RateLimit);
