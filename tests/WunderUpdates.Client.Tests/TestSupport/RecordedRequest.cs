namespace WunderUpdates.Client.Tests.TestSupport;

/// <summary>What reached the transport for one attempt, captured while the request was in flight.</summary>
internal sealed record RecordedRequest(
    HttpMethod Method,
    string Uri,
    string[] ApiKeys,
    string? ContentType,
    long? ContentLength,
    byte[] Body)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    public static async Task<RecordedRequest> CaptureAsync(HttpRequestMessage request)
    {
        var keys = request.Headers.TryGetValues(WunderUpdatesClient.ApiKeyHeaderName, out var values) ? values.ToArray() : [];
        var contentType = request.Content?.Headers.ContentType?.MediaType;
        var length = request.Content?.Headers.ContentLength;
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync();
        return new RecordedRequest(request.Method, request.RequestUri!.AbsoluteUri, keys, contentType, length, body);
    }
}
