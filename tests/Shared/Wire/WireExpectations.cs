using System.Text.Json;
using RichardSzalay.MockHttp;

namespace PluginApis.Tests.Shared;

/// <summary>
/// MockHttp matchers for the wire contract, each with a description MockHttp shows when a request does not match:
/// the Refit method that built the request, query parameters that occur exactly once, the exact set of request headers,
/// JSON bodies compared as parsed JSON, and raw bodies compared byte for byte.
/// </summary>
internal static class WireExpectations
{
    private static readonly HttpRequestOptionsKey<string> RefitMethodName = new(Refit.HttpRequestMessageOptions.MethodName);

    /// <summary>The request was built by the Refit interface method <paramref name="endpoint"/> (Refit records its name on each request).</summary>
    public static MockedRequest BuiltBy(this MockedRequest request, string endpoint) =>
        request.Matching($"built by the Refit method {endpoint}", m => RefitMethod(m) == endpoint);

    /// <summary>The request was not built by Refit (a raw call goes straight to the HttpClient).</summary>
    public static MockedRequest NotBuiltByRefit(this MockedRequest request) =>
        request.Matching("not built by a Refit method", m => RefitMethod(m) is null);

    /// <summary>
    /// The query holds exactly these parameters (names and unescaped values, as MockHttp's exact query matcher checks),
    /// each name exactly once; with none, the URI has no query at all.
    /// </summary>
    public static MockedRequest WithOnlyQuery(this MockedRequest request, params (string Name, string Value)[] parameters)
    {
        if (parameters.Length == 0)
        {
            return request.Matching("no query string", m => m.RequestUri!.Query.Length == 0);
        }

        request.WithExactQueryString(parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)));
        var names = string.Join(", ", parameters.Select(p => p.Name));
        return request.Matching($"each of [{names}] exactly once and nothing else", m =>
        {
            var sent = m.RequestUri!.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => Uri.UnescapeDataString(p.Split('=', 2)[0]))
                .ToList();
            return sent.Count == parameters.Length && parameters.All(p => sent.Count(n => n == p.Name) == 1);
        });
    }

    /// <summary>The request's own headers (not its content headers) are exactly these names, each with one value.</summary>
    public static MockedRequest WithOnlyHeaders(this MockedRequest request, params string[] names) =>
        request.Matching($"request headers exactly [{string.Join(", ", names)}], one value each", m =>
        {
            var sent = m.Headers.Select(h => (h.Key, Count: h.Value.Count())).ToList();
            return sent.Count == names.Length
                && names.All(n => sent.Any(h => string.Equals(h.Key, n, StringComparison.OrdinalIgnoreCase) && h.Count == 1));
        });

    /// <summary>The request carries no content.</summary>
    public static MockedRequest WithoutContent(this MockedRequest request) =>
        request.Matching("no content", m => m.Content is null);

    /// <summary>
    /// The body is <c>application/json; charset=utf-8</c> and parses to the same JSON as <paramref name="expectedJson"/>
    /// (same members, values and array order; member order and whitespace are free); with <paramref name="buffered"/>, it
    /// also states its length (a body serialized once, sent again as it is), otherwise it states none (streamed).
    /// </summary>
    public static MockedRequest WithJsonBody(this MockedRequest request, string expectedJson, bool buffered = true)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        var expectedRoot = expected.RootElement.Clone();
        request.WithHeaders("Content-Type", "application/json; charset=utf-8");
        var length = buffered ? "with a Content-Length" : "without a Content-Length";
        return request.Matching($"a JSON body equal to {expectedJson} {length}", m =>
        {
            if (m.Content is null || m.Content.Headers.ContentLength.HasValue != buffered)
            {
                return false;
            }

            using var sent = JsonDocument.Parse(m.Content.ReadAsStringAsync().GetAwaiter().GetResult());
            return JsonElement.DeepEquals(expectedRoot, sent.RootElement);
        });
    }

    /// <summary>The body is exactly <paramref name="expected"/> with that length, of media type <paramref name="mediaType"/>.</summary>
    public static MockedRequest WithBytes(this MockedRequest request, byte[] expected, string mediaType)
    {
        request.WithHeaders("Content-Type", mediaType);
        return request.Matching($"a body of exactly {expected.Length} bytes ({mediaType})", m =>
            m.Content?.Headers.ContentLength == expected.Length
            && m.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult().AsSpan().SequenceEqual(expected));
    }

    /// <summary>Adds a matcher MockHttp names by <paramref name="description"/> in its match summary.</summary>
    public static MockedRequest Matching(this MockedRequest request, string description, Func<HttpRequestMessage, bool> match)
    {
        request.With(new DescribedMatcher(description, match));
        return request;
    }

    private static string? RefitMethod(HttpRequestMessage message) =>
        message.Options.TryGetValue(RefitMethodName, out var name) ? name : null;

    private sealed class DescribedMatcher(string description, Func<HttpRequestMessage, bool> match) : IMockedRequestMatcher
    {
        public bool Matches(HttpRequestMessage message) => match(message);

        public override string ToString() => description;
    }
}
