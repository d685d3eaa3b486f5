namespace PluginApis.Http;

/// <summary>
/// What the pipeline needs to know about a request beyond HTTP: the operation name, whether re-sending it is safe,
/// and how to rebuild its body for each attempt. Attached to the <see cref="HttpRequestMessage"/>.
/// </summary>
public sealed class ApiRequestMetadata
{
    private static readonly HttpRequestOptionsKey<ApiRequestMetadata> Key = new("PluginApis.RequestMetadata");

    /// <summary>The SDK operation, e.g. <c>GetPlugin</c>; names spans, metrics and the rate-limit scope.</summary>
    public required string OperationName { get; init; }

    /// <summary>True when the call may be sent again after a transient fault without doubling a side effect.</summary>
    public bool IsIdempotent { get; init; }

    /// <summary>Creates a fresh body for each attempt; null for requests without a body.</summary>
    public Func<HttpContent>? ContentFactory { get; init; }

    /// <summary>False when the body can be sent only once (a non-seekable stream): such a request is never retried.</summary>
    public bool IsReplayable { get; init; } = true;

    /// <summary>
    /// True when the whole response body is read inside each attempt, so that a connection lost or stalled in the middle
    /// of the body is a transient fault the retry (and the attempt timeout) covers. Set for every call whose body is not streamed.
    /// </summary>
    internal bool BufferResponseContent { get; init; }

    /// <summary>Values of this call masked wherever the request is shown (see <see cref="ApiRequest.Secrets"/>).</summary>
    internal IReadOnlyList<string>? Secrets { get; init; }

    /// <summary>Attempts made so far (set by the pipeline).</summary>
    public int Attempts { get; internal set; }

    /// <summary>Total time spent waiting for rate-limit windows (set by the pipeline).</summary>
    public TimeSpan RateLimitWait { get; internal set; }

    /// <summary>When the current call entered the pipeline (<see cref="TimeProvider.GetTimestamp"/>); bounds it by the total timeout.</summary>
    internal long StartedAt { get; set; }

    /// <summary>True once the call ran out of its total timeout; nothing is retried after that.</summary>
    internal bool TotalTimedOut { get; set; }

    /// <summary>Why a retry that was needed could not happen, if that is the case (set by the pipeline).</summary>
    public string? RetrySuppressedReason { get; internal set; }

    /// <summary>Attaches this metadata to a request.</summary>
    /// <param name="request">The request.</param>
    public void AttachTo(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request is ApiHttpRequestMessage own)
        {
            own.Metadata = this;
            return;
        }

        request.Options.Set(Key, this);
    }

    /// <summary>The metadata attached to a request, or null.</summary>
    /// <param name="request">The request.</param>
    public static ApiRequestMetadata? Get(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request is ApiHttpRequestMessage { Metadata: { } own })
        {
            return own;
        }

        return request.Options.TryGetValue(Key, out var metadata) ? metadata : null;
    }
}

/// <summary>
/// The request message the SDK creates: it carries its <see cref="ApiRequestMetadata"/> in a field, which spares every
/// call the dictionary behind <see cref="HttpRequestMessage.Options"/>, and the URI without the API key for everything shown.
/// Other messages keep the metadata in the options.
/// </summary>
internal sealed class ApiHttpRequestMessage : HttpRequestMessage
{
    private readonly string _shownSource;
    private readonly int _shownLength;
    private Uri? _shownUri;

    /// <param name="method">The method.</param>
    /// <param name="requestUri">The URI sent (with the API key when it travels in the query).</param>
    /// <param name="shownSource">A text that starts with the URI without the API key (often the sent text itself).</param>
    /// <param name="shownLength">The length of the key-free URI at the start of <paramref name="shownSource"/>.</param>
    public ApiHttpRequestMessage(HttpMethod method, Uri requestUri, string shownSource, int shownLength)
        : base(method, requestUri)
    {
        _shownSource = shownSource;
        _shownLength = shownLength;
    }

    public ApiRequestMetadata? Metadata { get; set; }

    /// <summary>The header that carries the API key on this request, if the service takes the key in a header.</summary>
    public string? KeyHeader { get; set; }

    /// <summary>The URI without the API key, for exceptions, logs and spans (made when first needed).</summary>
    public Uri ShownUri => _shownUri ??= ApiUri.Create(_shownSource.Length == _shownLength ? _shownSource : _shownSource[.._shownLength]);

    /// <summary>
    /// Drops what carried the API key (the sent URI, the key header), so that nothing kept after the call holds the key:
    /// what is left of the URI is the key-free one when it was made for an exception, log or span, else none.
    /// </summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            RequestUri = _shownUri;
            if (KeyHeader is { } header)
            {
                Headers.Remove(header);
            }
        }

        base.Dispose(disposing);
    }
}
