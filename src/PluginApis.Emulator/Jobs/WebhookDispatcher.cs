using System.Net.Http.Headers;
using System.Text.Json;
using PluginApis.Emulator.Json;

namespace PluginApis.Emulator.Jobs;

/// <summary>
/// POSTs webhook events as JSON, one attempt each, no redirects, within <see cref="EmulatorOptions.WebhookTimeout"/> (on the
/// emulator's clock). A 2xx answer counts as delivered; anything else (status, connection error, timeout) as a failure. Never throws.
/// </summary>
internal sealed class WebhookDispatcher : IDisposable
{
    private readonly HttpClient _http;
    private readonly EmulatorOptions _options;
    private readonly EmulatorStats _stats;
    private readonly BackgroundWork _work;
    private readonly CancellationToken _stopping;

    public WebhookDispatcher(EmulatorOptions options, EmulatorStats stats, BackgroundWork work, CancellationToken stopping)
    {
        _options = options;
        _stats = stats;
        _work = work;
        _stopping = stopping;
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(PackageFetcher.UserAgent);
    }

    public void Send(IEnumerable<WebhookDelivery> deliveries)
    {
        foreach (var delivery in deliveries)
        {
            _work.Track(SendAsync(delivery));
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task SendAsync(WebhookDelivery delivery)
    {
        // Leave the caller (a request or a timer callback) at once.
        await Task.Yield();
        try
        {
            using var timeout = new CancellationTokenSource(_options.WebhookTimeout, _options.TimeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(_stopping, timeout.Token);
            using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(delivery.Payload, EmulatorJson.Context.PtWebhookEventDto));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = content };
            request.Headers.Add("X-PluginTests-Event", delivery.Payload.EventType);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                _stats.WebhookDelivered();
                return;
            }
        }
        catch (Exception)
        {
            // Counted below; a receiver's failure never reaches the emulator.
        }

        _stats.WebhookDeliveryFailed();
    }
}
