using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PluginApis.Tests.Shared;
using RichardSzalay.MockHttp;
using Xunit;

namespace WunderUpdates.Client.Tests.DependencyInjection;

/// <summary>
/// The factory chain around a registered client: the registration hands back the <see cref="IHttpClientBuilder"/>, handlers
/// a user adds (before or after registering) never see the <c>x-api-key</c> header, and a primary handler a user brings
/// follows no redirects.
/// </summary>
public sealed class HandlerChainTests
{
    private const string Key = "wu-di-secret-4711";
    private static readonly Uri Base = new("https://wu.test/v1/");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_registration_returns_the_IHttpClientBuilder_of_its_own_named_HttpClient()
    {
        var services = new ServiceCollection();

        IHttpClientBuilder unnamed = services.AddWunderUpdatesClient(o => o.ApiKey = "k");
        IHttpClientBuilder named = services.AddWunderUpdatesClient("second", o => o.ApiKey = "k2");

        Assert.Equal(WunderUpdatesServiceCollectionExtensions.HttpClientName, unnamed.Name);
        Assert.Equal(WunderUpdatesServiceCollectionExtensions.HttpClientName + ":second", named.Name);
    }

    [Fact]
    public async Task Handlers_added_before_or_after_the_registration_never_see_the_key_while_the_transport_gets_it_once()
    {
        var seen = new ConcurrentQueue<string>();
        var keysAtTransport = new ConcurrentQueue<string[]>();
        using var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, Base + "plugins").Respond(request =>
        {
            keysAtTransport.Enqueue(request.Headers.TryGetValues("x-api-key", out var keys) ? [.. keys] : []);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"status":200,"plugins":[]}""") };
        });
        var services = new ServiceCollection();

        // Before the SDK registers: on every client, and on the SDK's client by its name.
        services.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => new KeySpyHandler("defaults", seen)));
        services.AddHttpClient(WunderUpdatesServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => new KeySpyHandler("by name, before", seen));
        services.AddWunderUpdatesClient(o =>
            {
                o.ApiKey = Key;
                o.BaseAddress = Base;
            })
            .AddHttpMessageHandler(() => new KeySpyHandler("after", seen)) // after, on the builder it returned
            .ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IWunderUpdatesClient>().ListPluginsAsync(Ct);

        foreach (var spy in new[] { "defaults", "by name, before", "after" })
        {
            Assert.Single(seen, s => s.StartsWith(spy + " out: GET " + Base + "plugins |", StringComparison.Ordinal));
            Assert.Single(seen, s => s.StartsWith(spy + " back: GET " + Base + "plugins |", StringComparison.Ordinal));
        }

        Assert.Equal(6, seen.Count);
        Assert.All(seen, line =>
        {
            Assert.DoesNotContain(Key, line, StringComparison.Ordinal);
            Assert.DoesNotContain("x-api-key", line, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Equal([Key], Assert.Single(keysAtTransport));
    }

    [Fact]
    public async Task A_users_HttpClientHandler_as_primary_handler_gets_its_redirects_turned_off()
    {
        await using var server = new RedirectingServer();
        HttpClientHandler? primary = null;
        var services = new ServiceCollection();
        services.AddWunderUpdatesClient(o =>
            {
                o.ApiKey = Key;
                o.BaseAddress = new Uri(server.BaseAddress, "v1/");
                o.Resilience.MaxRetryAttempts = 0;
            })
            .ConfigurePrimaryHttpMessageHandler(() => primary = new HttpClientHandler());
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IWunderUpdatesClient>();

        var ex = await Assert.ThrowsAsync<WunderUpdatesException>(() => client.ListPluginsAsync(Ct));

        Assert.NotNull(primary);
        Assert.False(primary.AllowAutoRedirect);
        Assert.False(primary.UseCookies);
        Assert.Equal(HttpStatusCode.Found, ex.StatusCode);
        Assert.Equal(["GET /v1/plugins HTTP/1.1"], server.RequestLines); // the redirect to /elsewhere was not followed
        Assert.DoesNotContain(Key, ex.ToString(), StringComparison.Ordinal);
    }
}
