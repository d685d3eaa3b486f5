using System.Net.Http.Json;
using System.Text.Json;

namespace PluginApis.Http;

/// <summary>
/// What the PluginApis clients share: construction over the one handler chain and pipeline, the last rate-limit snapshot,
/// the raw call and disposal. Derived only by the SDK's own clients (<c>PluginTestsClient</c>, <c>WunderUpdatesClient</c>).
/// </summary>
public abstract class ApiClient : IApiClient, IDisposable
{
    internal ApiClient(ApiClientCore core) => Core = core;

    /// <inheritdoc />
    public RateLimitInfo? LastRateLimit => Core.Caller.LastRateLimit;

    internal ApiClientCore Core { get; }

    internal ApiCaller Caller => Core.Caller;

    /// <inheritdoc />
    public Task<JsonDocument?> SendRawAsync(HttpMethod method, string relativePath, CancellationToken cancellationToken = default) =>
        RawAsync(method, relativePath, null, cancellationToken);

    /// <inheritdoc />
    public Task<JsonDocument?> SendRawAsync(HttpMethod method, string relativePath, JsonElement body, CancellationToken cancellationToken = default)
    {
        if (body.ValueKind == JsonValueKind.Undefined)
        {
            throw new ArgumentException("The body must be a JSON value (it was an undefined JsonElement).", nameof(body));
        }

        return RawAsync(method, relativePath, body.Clone(), cancellationToken);
    }

    /// <summary>Releases the client's connections (a transport or factory client passed in is left open) and stops streamed responses.</summary>
    /// <remarks>Never throws; a second call does nothing.</remarks>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the client's resources.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    /// <remarks>Never throws; a second call does nothing.</remarks>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Core.Dispose();
        }
    }

    private Task<JsonDocument?> RawAsync(HttpMethod method, string relativePath, JsonElement? body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        var path = RawPath.Check(relativePath);
        var call = ApiCall.Start(ApiOperation.Raw(Caller.Service.Name, method));
        return Caller.ReadDocumentAsync(call, (Core.HttpClient, method, path, body), static async (args, _, ct) =>
        {
            using var request = new HttpRequestMessage(args.method, new Uri(args.path, UriKind.Relative))
            {
                Content = args.body is { } json ? JsonContent.Create(json, HttpJsonContext.Default.JsonElement) : null,
            };
            try
            {
                return await args.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                throw ApiTransportFailure.Wrap(request, ex, ct);
            }
        }, cancellationToken);
    }
}
