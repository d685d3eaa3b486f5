using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace PluginApis.Emulator.Tests;

/// <summary>
/// The limit belongs to the API key: many independent clients (own connection pools, new connections per request, as separate
/// processes would be) on one key share one window; other keys have their own.
/// </summary>
public sealed class SharedKeyRateLimitTests
{
    private const string Canary = "pt-canary-key-acting-as-the-demo-user";
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 6, 0, 0, TimeSpan.Zero);

    /// <summary>An independent client: its own handler and pool; every request on a fresh connection.</summary>
    private static HttpClient IndependentClient(EmulatorHost emu)
    {
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { BaseAddress = emu.BaseAddress };
        http.DefaultRequestHeaders.ConnectionClose = true;
        return http;
    }

    /// <summary><paramref name="clients"/> clients send <paramref name="each"/> requests each, all at once; returns (status, remaining) per response.</summary>
    private static async Task<List<(HttpStatusCode Status, int Remaining)>> HammerAsync(
        EmulatorHost emu, int clients, int each, Func<HttpClient, Task<HttpResponseMessage>> send)
    {
        var all = Enumerable.Range(0, clients).Select(async _ =>
        {
            using var http = IndependentClient(emu);
            var results = new List<(HttpStatusCode, int)>();
            for (var i = 0; i < each; i++)
            {
                using var response = await send(http);
                results.Add((response.StatusCode, int.Parse(response.Header("Ratelimit-Remaining"), System.Globalization.CultureInfo.InvariantCulture)));
            }

            return results;
        });
        return (await Task.WhenAll(all)).SelectMany(r => r).ToList();
    }

    [Fact]
    public async Task One_key_shares_one_window_across_independent_clients_and_each_key_has_its_own()
    {
        var time = new FakeTimeProvider(Start);
        await using var emu = await T.StartAsync(o =>
        {
            o.TimeProvider = time;
            o.RateLimit = new EmulatorRateLimit { PermitLimit = 60, Window = TimeSpan.FromSeconds(2) };
            o.AdditionalPluginTestsDemoKeys.Add(Canary);
        });

        var demo = HammerAsync(emu, 8, 10, http => http.PtGet("user"));
        var other = HammerAsync(emu, 3, 10, http => http.PtGet("user", EmulatorKeys.PluginTestsOther));
        var canary = HammerAsync(emu, 4, 16, http => http.PtGet("user", Canary));
        var wunderUpdates = HammerAsync(emu, 5, 14, http => http.WuGet("plugins"));
        await Task.WhenAll(demo, other, canary, wunderUpdates);

        // 80 requests on the demo key from 8 clients: exactly 60 served, each remaining count seen once, 20 refused.
        AssertOneWindow(await demo, served: 60, refused: 20);
        AssertOneWindow(await other, served: 30, refused: 0);
        AssertOneWindow(await canary, served: 60, refused: 4); // same user as the demo key, but its own key and window
        AssertOneWindow(await wunderUpdates, served: 60, refused: 10); // the demo key of the other service: its own window
        Assert.Equal(34, emu.Stats.RateLimited);

        // The window is 2 s on the emulator's clock; then the key starts over.
        time.Advance(TimeSpan.FromSeconds(2));
        using var http = IndependentClient(emu);
        using var again = await http.PtGet("user");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("60, 60;w=2", again.Header("RateLimit-Limit"));
        Assert.Equal("59", again.Header("Ratelimit-Remaining"));
        Assert.Equal("2", again.Header("Ratelimit-Reset"));
    }

    private static void AssertOneWindow(List<(HttpStatusCode Status, int Remaining)> responses, int served, int refused)
    {
        var ok = responses.Where(r => r.Status == HttpStatusCode.OK).Select(r => r.Remaining).Order().ToList();
        Assert.Equal(Enumerable.Range(60 - served, served), ok);
        Assert.Equal(refused, responses.Count(r => r.Status == HttpStatusCode.TooManyRequests));
        Assert.All(responses.Where(r => r.Status == HttpStatusCode.TooManyRequests), r => Assert.Equal(0, r.Remaining));
        Assert.Equal(served + refused, responses.Count);
    }
}
