using System.Net;

namespace PluginApis.Http.Tests;

public class RedactionAndErrorTests
{
    [Fact]
    public async Task Api_key_goes_into_the_query_exactly_once_even_across_retries_and_is_removed_afterwards()
    {
        var (connection, transport, time) = TestClients.Create();
        transport.Then(HttpStatusCode.BadGateway).Then(HttpStatusCode.OK, "{\"name\":\"x\"}");
        var request = TestClients.Get("things/1?apiKey=spoofed").WithQuery("q", "1");

        var call = connection.SendAsync(TestClients.Get().WithQuery("q", "1"), TestClients.ThingInfo, TestContext.Current.CancellationToken);
        await time.AdvanceUntilDone(call, TimeSpan.FromSeconds(10));
        await call;

        Assert.Equal(2, transport.Received.Count);
        Assert.All(transport.Received, r =>
        {
            Assert.Equal(1, CountOccurrences(r.Uri, "apiKey="));
            Assert.Contains("apiKey=" + Uri.EscapeDataString(TestClients.ApiKey), r.Uri, StringComparison.Ordinal);
            Assert.Contains("q=1", r.Uri, StringComparison.Ordinal);
        });
        _ = request;
    }

    [Fact]
    public async Task A_raw_path_with_its_own_key_parameter_goes_out_with_the_clients_key_once()
    {
        var (connection, transport, _) = TestClients.Create();
        transport.Then(HttpStatusCode.OK, "{}");

        using var document = await connection.SendRawAsync(HttpMethod.Get, "things/1?apiKey=spoofed&b=2", null, TestContext.Current.CancellationToken);

        Assert.Equal("https://api.example.test/v1/things/1?b=2&apiKey=" + Uri.EscapeDataString(TestClients.ApiKey), transport.Received[0].Uri);
    }

    [Fact]
    public async Task Header_placement_sends_the_key_in_the_header_once_per_attempt_and_never_in_the_uri()
    {
        var (connection, transport, time) = TestClients.Create(placement: ApiKeyPlacement.Header("x-api-key"));
        transport.Then(HttpStatusCode.BadGateway).Then(HttpStatusCode.OK, "{\"name\":\"x\"}");

        var call = connection.SendAsync(TestClients.Get(), TestClients.ThingInfo, TestContext.Current.CancellationToken);
        await time.AdvanceUntilDone(call, TimeSpan.FromSeconds(10));
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
        using var connection = ApiConnection.Create(options, service, transport);

        await connection.SendAsync(TestClients.Get(), TestClients.ThingInfo, TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<ApiException>(() => connection.SendAsync(TestClients.Get("missing"), TestClients.ThingInfo, TestContext.Current.CancellationToken));

        Assert.Equal(2, transport.Sent.Count);
        Assert.All(transport.SentWithKey, Assert.True);
        foreach (var message in transport.Sent)
        {
            Assert.DoesNotContain(TestClients.ApiKey, message.RequestUri?.OriginalString ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain(TestClients.ApiKey, message.Headers.ToString(), StringComparison.Ordinal);
        }

        // The failed call made the key-free URI for its exception; that is what its request shows afterwards.
        Assert.Equal("https://api.example.test/v1/missing", transport.Sent[1].RequestUri?.AbsoluteUri);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Anonymous_requests_carry_no_key(bool inQuery)
    {
        var (connection, transport, _) = TestClients.Create(placement: inQuery ? ApiKeyPlacement.Query("apiKey") : ApiKeyPlacement.Header("x-api-key"));
        transport.Then(HttpStatusCode.OK, "{\"name\":\"x\"}");

        await connection.SendAsync(new ApiRequest(HttpMethod.Get, "public/1", "Public") { Anonymous = true }, TestClients.ThingInfo, TestContext.Current.CancellationToken);

        Assert.Equal("https://api.example.test/v1/public/1", transport.Received[0].Uri);
        Assert.False(transport.Received[0].Headers.ContainsKey("x-api-key"));
    }

    [Theory]
    [InlineData(false, "https://api.example.test/v1/things/a%2Fb")]
    [InlineData(true, "https://api.example.test/v1/things/a%2Fb?q=1")]
    public async Task Exceptions_show_the_request_uri_without_the_key_parameter(bool withQuery, string shown)
    {
        var (connection, transport, _) = TestClients.Create();
        transport.Then(HttpStatusCode.NotFound, "{}");
        var request = withQuery ? TestClients.Get("things/a%2Fb").WithQuery("q", "1") : TestClients.Get("things/a%2Fb");

        var ex = await Assert.ThrowsAsync<ApiException>(() => connection.SendAsync(request, TestClients.ThingInfo, TestContext.Current.CancellationToken));

        Assert.Equal(shown, ex.RequestUri!.AbsoluteUri);
        Assert.Contains("apiKey=", transport.Received[0].Uri, StringComparison.Ordinal);
        Assert.DoesNotContain("apiKey", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_exception_carries_status_code_message_body_and_rate_limit_without_the_key()
    {
        var (connection, transport, _) = TestClients.Create();
        var body = $"{{\"code\":\"thing_not_found\",\"message\":\"No thing for key {TestClients.ApiKey}\"}}";
        transport.Then(HttpStatusCode.NotFound, body, ("Ratelimit-Remaining", "41"));

        var ex = await Assert.ThrowsAsync<ApiException>(() => connection.SendAsync(TestClients.Get("things/%2E%2E"), TestClients.ThingInfo, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("thing_not_found", ex.ErrorCode);
        Assert.Equal("No thing for key REDACTED", ex.ServerMessage);
        Assert.Equal(41, ex.RateLimit!.Remaining);
        Assert.Equal("https://api.example.test/v1/things/%2E%2E", ex.RequestUri!.AbsoluteUri);
        Assert.DoesNotContain(TestClients.ApiKey, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.ApiKey, ex.ResponseBody!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("")]
    [InlineData("{\"code\":\"trunc")]
    public async Task Non_json_error_bodies_still_give_the_service_exception_with_the_raw_body(string body)
    {
        var (connection, transport, _) = TestClients.Create(o => o.MaxRetryAttempts = 0);
        transport.Then(HttpStatusCode.BadRequest, body);

        var ex = await Assert.ThrowsAsync<ApiException>(() => connection.SendAsync(TestClients.Get(), TestClients.ThingInfo, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Null(ex.ErrorCode);
        Assert.Equal(body.Length == 0 ? null : body, ex.ResponseBody);
    }

    [Fact]
    public async Task Long_error_bodies_are_capped()
    {
        var (connection, transport, _) = TestClients.Create();
        transport.Then(HttpStatusCode.BadRequest, new string('x', 100_000));

        var ex = await Assert.ThrowsAsync<ApiException>(() => connection.SendAsync(TestClients.Get(), TestClients.ThingInfo, TestContext.Current.CancellationToken));

        Assert.True(ex.ResponseBody!.Length <= ApiErrorBody.MaxBodyLength + 20);
    }

    [Theory]
    [InlineData("", "application/json")]
    [InlineData("{\"name\":", "application/json")]
    [InlineData("<html>hi</html>", "text/html")]
    [InlineData("null", "application/json")]
    public async Task Unreadable_success_body_is_an_invalid_response_exception_with_the_body(string body, string mediaType)
    {
        var (connection, transport, _) = TestClients.Create();
        transport.Then(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, mediaType) });

        var ex = await Assert.ThrowsAsync<InvalidResponseException>(() => connection.SendAsync(TestClients.Get(), TestClients.ThingInfo, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal(body.Length == 0 ? null : body, ex.ResponseBody);
        Assert.IsType<System.Text.Json.JsonException>(ex.InnerException);
    }

    [Theory]
    [InlineData("https://h/x?apiKey=abc&b=1", "https://h/x?apiKey=REDACTED&b=1")]
    [InlineData("https://h/x?key=lic-123", "https://h/x?key=REDACTED")]
    [InlineData("https://h/x?APIKEY=abc", "https://h/x?APIKEY=REDACTED")]
    [InlineData("https://h/x?b=1", "https://h/x?b=1")]
    public void Secret_query_values_are_masked(string input, string expected) =>
        Assert.Equal(expected, SecretRedactor.RedactQuery(input));

    [Fact]
    public void Secret_is_removed_from_text_also_in_escaped_form()
    {
        var redactor = new SecretRedactor("a b+c");

        Assert.Equal("x REDACTED y REDACTED", redactor.Redact("x a b+c y " + Uri.EscapeDataString("a b+c")));
    }

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("..", "%2E%2E")]
    [InlineData(".", "%2E")]
    [InlineData("?x#y", "%3Fx%23y")]
    [InlineData("100%", "100%25")]
    [InlineData("sp ace", "sp%20ace")]
    [InlineData("ünï", "%C3%BCn%C3%AF")]
    public void Path_values_are_escaped_as_one_segment_and_survive_uri_creation(string value, string escaped)
    {
        Assert.Equal(escaped, ApiUri.EscapeSegment(value));
        var uri = ApiUri.Create("https://api.example.test/v1/v1/plugins/" + ApiUri.EscapeSegment(value) + "/x");
        var segment = uri.AbsolutePath.Split('/')[4];
        Assert.Equal(value, Uri.UnescapeDataString(segment));
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public async Task Disposing_a_connection_leaves_the_callers_transport_open()
    {
        using var transport = new DisposalRecordingTransport();
        var options = new TestOptions { ApiKey = TestClients.ApiKey };
        var first = ApiConnection.Create(options, TestClients.Service, transport);
        await first.SendAsync(TestClients.Get(), TestClients.ThingInfo, TestContext.Current.CancellationToken);

        first.Dispose();

        Assert.False(transport.Disposed);
        using var second = ApiConnection.Create(options, TestClients.Service, transport);
        Assert.Equal("x", (await second.SendAsync(TestClients.Get(), TestClients.ThingInfo, TestContext.Current.CancellationToken)).Name);
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
            SentWithKey.Add(request.RequestUri!.OriginalString.Contains(TestClients.ApiKey, StringComparison.Ordinal)
                || (request.Headers.TryGetValues("x-api-key", out var values) && values.Contains(TestClients.ApiKey)));
            var found = request.RequestUri!.AbsolutePath.EndsWith("/missing", StringComparison.Ordinal);
            return Task.FromResult(new HttpResponseMessage(found ? HttpStatusCode.NotFound : HttpStatusCode.OK) { Content = new StringContent(found ? "{}" : "{\"name\":\"x\"}") });
        }
    }
}
