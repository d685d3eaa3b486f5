using System.Diagnostics;
using System.Net;
using PluginApis.Emulator;
using PluginApis.Http;
using PluginTests.Client;

namespace PluginApis.Tour;

/// <summary>
/// A real 429, waited out. A well-behaved client rarely sees one: it remembers the quota and holds requests back itself.
/// So client A spends the quota of a key, and client B — a fresh instance with the same key, which knows nothing —
/// sends a request, gets a 429 with <c>Ratelimit-Reset</c>, waits that long and succeeds.
/// Runs on its own emulator with a limit of 3 requests per second, so the wait is about one second.
/// </summary>
internal static class RateLimitTour
{
    private const int PermitLimit = 3;

    public static async Task RunAsync(TourSteps steps)
    {
        steps.Section("Rate limits: a 429 waited out");
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            RateLimit = new EmulatorRateLimit { PermitLimit = PermitLimit, Window = TimeSpan.FromSeconds(1) },
        }, steps.CancellationToken).ConfigureAwait(false);
        steps.Note($"a second emulator with a limit of {PermitLimit} requests per 1 s window");

        var options = new PluginTestsClientOptions
        {
            ApiKey = EmulatorKeys.PluginTestsDemo,
            BaseAddress = emulator.PluginTestsBaseAddress,
            Resilience = { MaxRateLimitWait = TimeSpan.FromSeconds(5) },
        };

        using var clientA = new PluginTestsClient(options);
        await steps.RunAsync($"client A: {PermitLimit} calls", async () =>
        {
            for (var i = 0; i < PermitLimit; i++)
            {
                await clientA.GetCurrentUserAsync(steps.CancellationToken).ConfigureAwait(false);
            }

            return clientA.LastRateLimit;
        }, info => $"quota spent: Ratelimit-Remaining {info?.Remaining}, Ratelimit-Reset {info?.Reset?.TotalSeconds} s").ConfigureAwait(false);

        // Client B sees the raw responses through a transport of our own, under the SDK's retry handler.
        using var wire = new WireRecorder { InnerHandler = new SocketsHttpHandler() };
        using var clientB = new PluginTestsClient(options, wire);
        var refusedBefore = emulator.Stats.RateLimited;
        await steps.RunAsync("client B: one call", async () =>
        {
            var watch = Stopwatch.StartNew();
            var user = await clientB.GetCurrentUserAsync(steps.CancellationToken).ConfigureAwait(false);
            return (User: user, watch.Elapsed);
        }, r =>
        {
            var refused = wire.Responses.FirstOrDefault(x => x.Status == HttpStatusCode.TooManyRequests);
            TourSteps.Check(refused.Status == HttpStatusCode.TooManyRequests, "a 429 on the wire");
            TourSteps.Check(wire.Responses[^1].Status == HttpStatusCode.OK, "a 200 after the wait");
            return $"429 with Ratelimit-Reset: {refused.Reset} → waited → 200 OK ({r.User.Id}), {r.Elapsed.TotalSeconds:0.0} s in all; " +
                   $"the emulator refused {emulator.Stats.RateLimited - refusedBefore}";
        }).ConfigureAwait(false);
    }

    /// <summary>Records the status and <c>Ratelimit-Reset</c> header of every response it passes on.</summary>
    private sealed class WireRecorder : DelegatingHandler
    {
        private readonly List<(HttpStatusCode Status, string? Reset)> _responses = [];

        public IReadOnlyList<(HttpStatusCode Status, string? Reset)> Responses
        {
            get
            {
                lock (_responses)
                {
                    return [.. _responses];
                }
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var reset = response.Headers.TryGetValues("Ratelimit-Reset", out var values) ? string.Join(",", values) + " s" : null;
            lock (_responses)
            {
                _responses.Add((response.StatusCode, reset));
            }

            return response;
        }
    }
}
