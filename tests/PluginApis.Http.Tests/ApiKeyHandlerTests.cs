using System.Net;

namespace PluginApis.Http.Tests;

/// <summary>The key handler: the key goes in once per attempt, where the service wants it, only to its origin, and never stays behind.</summary>
public class ApiKeyHandlerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_key_goes_into_the_query_exactly_once_even_across_retries()
    {
        var (client, transport, time) = TestClients.Create();
        transport.Then(HttpStatusCode.BadGateway).Then(HttpStatusCode.OK, "{\"name\":\"x\"}");

        var call = client.GetThingAsync(cancellationToken: Ct);
        await time.RunAsync(call);
        await call;

        Assert.Equal(2, transport.Received.Count);
        Assert.All(transport.Received, r => Assert.Equal("https://api.example.test/v1/things/1?apiKey=" + Uri.EscapeDataString(TestClients.ApiKey), r.Uri));
    }

    [Fact]
    public async Task A_raw_path_with_its_own_key_parameter_goes_out_with_the_clients_key_once()
    {
        var (client, transport, _) = TestClients.Create();
        transport.Then(HttpStatusCode.OK, "{}");

        using var document = await client.SendRawAsync(HttpMethod.Get, "things/1?apiKey=spoofed&b=2", Ct);

        Assert.Equal("https://api.example.test/v1/things/1?b=2&apiKey=" + Uri.EscapeDataString(TestClients.ApiKey), transport.Received[0].Uri);
    }

    [Fact]
    public async Task Header_placement_sends_the_key_in_the_header_once_per_attempt_and_never_in_the_uri()
    {
        var (client, transport, time) = TestClients.Create(placement: ApiKeyPlacement.Header("x-api-key"));
        transport.Then(HttpStatusCode.BadGateway).Then(HttpStatusCode.OK, "{\"name\":\"x\"}");

        var call = client.GetThingAsync(cancellationToken: Ct);
        await time.RunAsync(call);
        await call;

        Assert.Equal(2, transport.Received.Count);
        Assert.All(transport.Received, r =>
        {
            Assert.Equal(TestClients.ApiKey, r.Headers["x-api-key"]);
            Assert.DoesNotContain(TestClients.ApiKey, r.Uri, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task After_a_call_the_request_holds_the_key_nowhere(bool inQuery)
    {
        var transport = new MessageKeepingTransport();
        var options = new TestOptions { ApiKey = TestClients.ApiKey };
        var service = TestClients.ServiceWith(inQuery ? ApiKeyPlacement.Query("apiKey") : ApiKeyPlacement.Header("x-api-key"));
        using var client = new TestClient(ApiClientCore.Create(options, service, transport));

        await client.GetThingAsync(cancellationToken: Ct);
        await Assert.ThrowsAsync<ApiException>(() => client.GetThingAsync("missing", cancellationToken: Ct));

        Assert.Equal(2, transport.Sent.Count);
        Assert.All(transport.SentWithKey, Assert.True);
        foreach (var message in transport.Sent)
        {
            Assert.DoesNotContain(TestClients.ApiKey, message.RequestUri?.OriginalString ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain(TestClients.ApiKey, message.Headers.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal("https://api.example.test/v1/things/missing", transport.Sent[1].RequestUri?.AbsoluteUri);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Anonymous_requests_carry_no_key(bool inQuery)
    {
        var (client, transport, _) = TestClients.Create(placement: inQuery ? ApiKeyPlacement.Query("apiKey") : ApiKeyPlacement.Header("x-api-key"));
        transport.Then(HttpStatusCode.OK, "{\"name\":\"x\"}");

        await client.GetPublicAsync("1", Ct);

        Assert.Equal("https://api.example.test/v1/public/1", transport.Received[0].Uri);
        Assert.False(transport.Received[0].Headers.ContainsKey("x-api-key"));
    }

    [Fact]
    public async Task A_handler_added_outside_the_key_handler_never_sees_the_key()
    {
        var seen = new List<string>();
        var transport = new MessageKeepingTransport();
        var outer = new SpyHandler(seen) { InnerHandler = new ApiKeyHandler(ApiKeyPlacement.Query("apiKey"), TestClients.ApiKey, new Uri("https://api.example.test/v1/")) { InnerHandler = transport } };
        using var http = new HttpClient(outer);

        using var response = await http.GetAsync("https://api.example.test/v1/things/1", Ct);

        Assert.True(Assert.Single(transport.SentWithKey));
        Assert.DoesNotContain(TestClients.ApiKey, Assert.Single(seen), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_for_another_origin_is_refused_and_the_key_stays_home()
    {
        var transport = new MessageKeepingTransport();
        using var http = new HttpClient(new ApiKeyHandler(ApiKeyPlacement.Header("x-api-key"), TestClients.ApiKey, new Uri("https://api.example.test/v1/")) { InnerHandler = transport });

        await Assert.ThrowsAsync<InvalidOperationException>(() => http.GetAsync("https://api.example.test:8443/v1/things/1", Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => http.GetAsync("http://api.example.test/v1/things/1", Ct));

        // Texts that begin like the origin but name another host (the origin is judged on the whole authority).
        await Assert.ThrowsAsync<InvalidOperationException>(() => http.GetAsync("https://api.example.test.evil.test/v1/things/1", Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => http.GetAsync("https://api.example.test@evil.test/v1/things/1", Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => http.GetAsync("https://api.example.test:443@evil.test/v1/", Ct));

        Assert.Empty(transport.Sent);
    }

    [Theory]
    [InlineData("https://api.example.test/v1/things/1")]
    [InlineData("HTTPS://API.EXAMPLE.TEST/v1/things/1")]
    [InlineData("https://api.example.test:443/v1/things/1")]
    public async Task The_configured_origin_gets_the_key_however_its_address_is_spelled(string uri)
    {
        var transport = new MessageKeepingTransport();
        using var http = new HttpClient(new ApiKeyHandler(ApiKeyPlacement.Header("x-api-key"), TestClients.ApiKey, new Uri("https://api.example.test/v1/")) { InnerHandler = transport });

        (await http.GetAsync(uri, Ct)).Dispose();

        Assert.Single(transport.Sent);
    }

    [Fact]
    public async Task Disposing_a_client_leaves_the_callers_transport_open()
    {
        using var transport = new DisposalRecordingTransport();
        var options = new TestOptions { ApiKey = TestClients.ApiKey };
        var first = new TestClient(ApiClientCore.Create(options, TestClients.Service, transport));
        await first.GetThingAsync(cancellationToken: Ct);

        first.Dispose();

        Assert.False(transport.Disposed);
        using var second = new TestClient(ApiClientCore.Create(options, TestClients.Service, transport));
        Assert.Equal("x", (await second.GetThingAsync(cancellationToken: Ct)).Name);
    }

    private sealed class SpyHandler(List<string> seen) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            seen.Add(request.RequestUri!.OriginalString + " " + request.Headers);
            return response;
        }
    }

    private sealed class DisposalRecordingTransport : HttpMessageHandler
    {
        public bool Disposed { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"name\":\"x\"}") });

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    private sealed class MessageKeepingTransport : HttpMessageHandler
    {
        public List<HttpRequestMessage> Sent { get; } = [];

        public List<bool> SentWithKey { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent.Add(request);
            SentWithKey.Add(request.RequestUri!.OriginalString.Contains(Uri.EscapeDataString(TestClients.ApiKey), StringComparison.Ordinal)
                || (request.Headers.TryGetValues("x-api-key", out var values) && values.Contains(TestClients.ApiKey)));
            var missing = request.RequestUri!.AbsolutePath.EndsWith("/missing", StringComparison.Ordinal);
            return Task.FromResult(new HttpResponseMessage(missing ? HttpStatusCode.NotFound : HttpStatusCode.OK)
            {
                Content = new StringContent(missing ? "{}" : "{\"name\":\"x\"}"),
                RequestMessage = request,
            });
        }
    }
}
