using System.Globalization;
using System.Net;

namespace PluginApis.Emulator.Jobs;

/// <summary>
/// Downloads a <c>direct</c> job's ZIP: http(s) only, at most <see cref="EmulatorOptions.MaxUploadBytes"/>, within
/// <see cref="EmulatorOptions.PackageDownloadTimeout"/> (on the emulator's clock), at most 5 redirects, no cookies.
/// Messages never include the URL (its query may hold a licence key).
/// </summary>
internal sealed class PackageFetcher : IDisposable
{
    /// <summary>The emulator's own requests carry this User-Agent (so fetching from the emulator itself never waits on itself).</summary>
    public const string UserAgent = "PluginApis.Emulator/1.0";

    private readonly HttpClient _http;
    private readonly EmulatorOptions _options;

    public PackageFetcher(EmulatorOptions options)
    {
        _options = options;
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
    }

    public async Task<(byte[]? Zip, string? Error)> FetchAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return (null, "The download URL is not an absolute http or https URL.");
        }

        using var timeout = new CancellationTokenSource(_options.PackageDownloadTimeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"Downloading the package failed: HTTP {((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)}.");
            }

            var body = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                using var zip = await RequestBody.ReadLimitedAsync(body, response.Content.Headers.ContentLength, _options.MaxUploadBytes, linked.Token)
                    .ConfigureAwait(false);
                return zip is null
                    ? (null, $"Downloading the package failed: it is larger than {_options.MaxUploadBytes.ToString(CultureInfo.InvariantCulture)} bytes.")
                    : (zip.ToArray(), null);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (null, $"Downloading the package failed: no complete answer within {_options.PackageDownloadTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.");
        }
        catch (HttpRequestException ex)
        {
            return (null, $"Downloading the package failed: {Describe(ex)}.");
        }
        catch (IOException)
        {
            return (null, "Downloading the package failed: the connection was interrupted.");
        }
    }

    public void Dispose() => _http.Dispose();

    private static string Describe(HttpRequestException ex) => ex.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "the host name could not be resolved",
        HttpRequestError.ConnectionError => "no connection to the host",
        HttpRequestError.SecureConnectionError => "the TLS handshake failed",
        HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded => "the server's answer was not valid HTTP",
        _ => "the request failed",
    };
}
