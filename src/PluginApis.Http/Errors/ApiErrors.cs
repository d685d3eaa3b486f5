using System.Net;
using System.Text.Json;
using Polly.Timeout;

namespace PluginApis.Http;

/// <summary>
/// The one place where what came back from the pipeline becomes what a caller catches: a non-success response becomes
/// the service's <see cref="ApiException"/> subtype (<see cref="RateLimitExceededException"/> for a 429), a failure
/// without a response a <see cref="TimeoutException"/> or <see cref="HttpRequestException"/> (also for a body cut off midway)
/// naming the operation, the redacted URI and the attempts. Everything shown passes through the <see cref="Redactor"/>.
/// </summary>
internal static class ApiErrors
{
    /// <summary>The exception for a non-success response (its body already read within the attempt, capped).</summary>
    public static ApiException FromResponse(ApiCaller caller, ApiCall call, HttpResponseMessage response)
    {
        var redactor = caller.Redactor;
        var body = redactor.Text(ApiErrorBody.ReadCapped(response.Content), call.Secrets);
        var details = Details(caller, call, response.StatusCode, body);
        ApiErrorInfo info;
        try
        {
            info = caller.Service.ParseError(body);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            info = default;
        }

        info = new ApiErrorInfo(redactor.Text(info.Code, call.Secrets), redactor.Text(info.Message, call.Secrets));
        var text = ApiException.FormatMessage(details, info.Code, info.Message) + Suffix(call);
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
        {
            var location = response.Headers.TryGetValues("Location", out var values) ? redactor.Text(Redactor.Query(string.Join(", ", values)), call.Secrets) : "(no Location)";
            text += $" The service redirected to {location}; the SDK follows no redirects, so the API key never leaves the configured origin"
                + (call.Operation.IsIdempotent ? "." : " and the request was not sent again.");
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var retryAfter = call.RateLimit?.RetryAfter ?? call.RateLimit?.Reset;
            if (retryAfter is { } wait)
            {
                text += $" The service asks to wait {wait.TotalSeconds:0.#} s before trying again.";
            }

            return new RateLimitExceededException(text, details, retryAfter, info.Code, info.Message);
        }

        return caller.Service.CreateException(text, details, info);
    }

    /// <summary>The exception a caller gets for a failure without a usable response.</summary>
    public static Exception FromFailure(ApiCaller caller, ApiCall call, Exception exception)
    {
        var what = $"{call.Operation.Service}.{call.Operation.Name}: {call.Operation.Method} {Shown(caller, call)}";
        var attempts = $"{call.Attempts} attempt(s)";
        var why = Suffix(call);
        switch (exception)
        {
            case OperationCanceledException:
                return exception;
            case TimeoutRejectedException timeout:
                var limit = call.TotalTimedOut ? caller.Options.Resilience.TotalTimeout : timeout.Timeout;
                var which = call.TotalTimedOut ? "TotalTimeout" : "AttemptTimeout";
                return new TimeoutException($"{what} timed out after {limit.TotalSeconds:0.###} s ({which}; {attempts}).{why}", timeout);
            case QuotaSpentException spent:
                var max = caller.Options.Resilience.MaxRateLimitWait;
                var details = Details(caller, call, HttpStatusCode.TooManyRequests, null);
                return new RateLimitExceededException(
                    $"{what} was not sent: the rate-limit quota is spent and resets in {spent.Wait.TotalSeconds:0.#} s, longer than MaxRateLimitWait ({max.TotalSeconds:0.#} s).",
                    details with { RateLimit = caller.LastRateLimit },
                    spent.Wait,
                    throttledLocally: true);
            case ResponseBodyTooLargeException tooLarge:
                var response = Details(caller, call, tooLarge.StatusCode, null);
                return new InvalidResponseException($"{what} returned {(int)tooLarge.StatusCode}, but {Lower(tooLarge.Message)}", response, jsonPath: null, tooLarge);
            case HttpRequestException http:
                return new HttpRequestException(http.HttpRequestError, $"{what} failed after {attempts}: {caller.Redactor.Text(http.Message, call.Secrets)}{why}", http, http.StatusCode);
            case IOException io:
                // The connection died in the middle of the body (read within the attempt).
                return new HttpRequestException(HttpRequestError.ResponseEnded, $"{what} failed after {attempts} while reading the response: {caller.Redactor.Text(io.Message, call.Secrets)}{why}", io);
            default:
                return exception;
        }
    }

    /// <summary>The exception for a success response whose body is not the expected JSON.</summary>
    public static InvalidResponseException InvalidBody(ApiCaller caller, ApiCall call, HttpResponseMessage response, JsonException ex, string? where = null)
    {
        var body = caller.Redactor.Text(ApiErrorBody.ReadCapped(response.Content), call.Secrets);
        var details = Details(caller, call, response.StatusCode, body);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "no content type";
        var empty = body is null ? " The body was empty." : string.Empty;
        var text = $"{call.Operation.Method} {details.RequestUri} returned {(int)response.StatusCode} ({mediaType}) but the body could not be read as the expected JSON{where} at {ex.Path ?? "$"}: {caller.Redactor.Text(ex.Message, call.Secrets)}.{empty}";
        return new InvalidResponseException(text, details, ex.Path, ex);
    }

    /// <summary>The redacted request URI of the call, or its operation when no request was built.</summary>
    public static string Shown(ApiCaller caller, ApiCall call) =>
        caller.Redactor.Uri(call.RequestUri, call.Secrets)?.AbsoluteUri ?? "(request not built)";

    private static ApiErrorResponse Details(ApiCaller caller, ApiCall call, HttpStatusCode status, string? body) =>
        new(status, call.Operation.Method, caller.Redactor.Uri(call.RequestUri, call.Secrets), body, call.RateLimit);

    private static string Suffix(ApiCall call) => call.RetrySuppressedReason is { } why ? " " + why : string.Empty;

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
