using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PluginApis.Http;
using PluginApis.Tests.Shared;
using RichardSzalay.MockHttp;

namespace PluginTests.Client.Tests.DependencyInjection;

/// <summary>
/// The factory chain around a registered client: the registration hands back the <see cref="IHttpClientBuilder"/>, handlers
/// a user adds (before or after registering) never see the API key, and a primary handler a user brings follows no redirects.
/// </summary>
public sealed class HandlerChainTests
{
    private static readonly Uri Base = new("https://pt.test/api/v1/");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_registration_returns_the_IHttpClientBuilder_of_its_own_named_HttpClient()
    {
        var services = new ServiceCollection();

        IHttpClientBuilder unnamed = services.AddPluginTestsClient(o => o.ApiKey = "k");
        IHttpClientBuilder named = services.AddPluginTestsClient("second", o => o.ApiKey = "k2");

        Assert.Equal(PluginTestsServiceCollectionExtensions.HttpClientName, unnamed.Name);
        Assert.Equal(PluginTestsServiceCollectionExtensions.HttpClientName + ":second", named.Name);
    }

    [Fact]
    public async Task Handlers_added_before_or_after_the_registration_never_see_the_key_while_the_transport_gets_it_once()
    {
        var seen = new ConcurrentQueue<string>();
        var atTransport = new ConcurrentQueue<string>();
        using var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, Base + "user").Respond(request =>
        {
            atTransport.Enqueue(request.RequestUri!.OriginalString);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"u1","name":"N"}""") };
        });
        var services = new ServiceCollection();

        // Before the SDK registers: on every client, and on the SDK's client by its name.
        services.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => new KeySpyHandler("defaults", seen)));
        services.AddHttpClient(PluginTestsServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => new KeySpyHandler("by name, before", seen));
        services.AddPluginTestsClient(o =>
            {
                o.ApiKey = Harness.ApiKey;
                o.BaseAddress = Base;
            })
            .AddHttpMessageHandler(() => new KeySpyHandler("after", seen)) // after, on the builder it returned
            .ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IPluginTestsClient>().GetCurrentUserAsync(Ct);

        foreach (var spy in new[] { "defaults", "by name, before", "after" })
        {
            Assert.Single(seen, s => s.StartsWith(spy + " out: GET " + Base + "user |", StringComparison.Ordinal));
            Assert.Single(seen, s => s.StartsWith(spy + " back: GET " + Base + "user |", StringComparison.Ordinal));
        }

        Assert.Equal(6, seen.Count);
        Assert.All(seen, line =>
        {
            Assert.DoesNotContain(Harness.ApiKey, line, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(Harness.ApiKey), line, StringComparison.Ordinal);
            Assert.DoesNotContain("apiKey", line, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Equal([Base + "user?apiKey=" + Uri.EscapeDataString(Harness.ApiKey)], atTransport);
    }

    [Fact]
    public async Task A_users_HttpClientHandler_as_primary_handler_gets_its_redirects_turned_off()
    {
        await using var server = new RedirectingServer();
        HttpClientHandler? primary = null;
        var services = new ServiceCollection();
        services.AddPluginTestsClient(o =>
            {
                o.ApiKey = Harness.ApiKey;
                o.BaseAddress = new Uri(server.BaseAddress, "api/v1/");
                o.Resilience.MaxRetryAttempts = 0;
            })
            .ConfigurePrimaryHttpMessageHandler(() => primary = new HttpClientHandler());
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IPluginTestsClient>();

        var ex = await Assert.ThrowsAsync<PluginTestsException>(() => client.GetCurrentUserAsync(Ct));

        Assert.NotNull(primary);
        Assert.False(primary.AllowAutoRedirect);
        Assert.False(primary.UseCookies);
        Assert.Equal(HttpStatusCode.Found, ex.StatusCode);
        var line = Assert.Single(server.RequestLines); // the redirect to /elsewhere was not followed
        Assert.StartsWith("GET /api/v1/user?apiKey=", line, StringComparison.Ordinal);
        Assert.DoesNotContain(Harness.ApiKey, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(Harness.ApiKey), ex.ToString(), StringComparison.Ordinal);
    }
}
