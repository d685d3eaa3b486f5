using System.Net;
using System.Text;

namespace PluginApis.Http.Tests;

/// <summary>What a caller catches: typed exceptions built in one place, with the status, code, capped body and redacted URI.</summary>
public class ErrorMappingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Exceptions_show_the_request_uri_without_the_key_parameter()
    {
        var (client, transport, _) = TestClients.Create();
        transport.Then(HttpStatusCode.NotFound, "{}");

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetThingAsync("a/b", cancellationToken: Ct));

        Assert.Equal("https://api.example.test/v1/things/a%2Fb", ex.RequestUri!.AbsoluteUri);
        Assert.Contains("apiKey=", transport.Received[0].Uri, StringComparison.Ordinal);
        Assert.DoesNotContain("apiKey", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_exception_carries_status_code_message_body_and_rate_limit_without_the_key()
    {
        var (client, transport, _) = TestClients.Create();
        var body = $"{{\"code\":\"thing_not_found\",\"message\":\"No thing for key {TestClients.ApiKey}\"}}";
        transport.Then(HttpStatusCode.NotFound, body, ("Ratelimit-Remaining", "41"));

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetThingAsync("...", cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("thing_not_found", ex.ErrorCode);
        Assert.Equal("No thing for key REDACTED", ex.ServerMessage);
        Assert.Equal(41, ex.RateLimit!.Remaining);
        Assert.Equal("https://api.example.test/v1/things/...", ex.RequestUri!.AbsoluteUri);
        Assert.DoesNotContain(TestClients.ApiKey, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.ApiKey, ex.ResponseBody!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_echoed_json_escaped_or_percent_encoded_is_masked_in_every_form()
    {
        var (client, transport, _) = TestClients.Create(options: o => o.ApiKey = "pt-KEY+/=s3cret");
        var echoes = "{\"message\":\"bad key pt-KEY\\u002B\\/=s3cret or pt-KEY%2B%2f%3Ds3cret or pt-KEY\\u002b/\\u003ds3cret\"}";
        transport.Then(HttpStatusCode.Unauthorized, echoes);

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetThingAsync(cancellationToken: Ct));

        Assert.Equal("{\"message\":\"bad key REDACTED or REDACTED or REDACTED\"}", ex.ResponseBody);
        Assert.Equal("bad key REDACTED or REDACTED or REDACTED", ex.ServerMessage);
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("")]
    [InlineData("{\"code\":\"trunc")]
    public async Task Non_json_error_bodies_still_give_the_service_exception_with_the_raw_body(string body)
    {
        var (client, transport, _) = TestClients.Create(o => o.MaxRetryAttempts = 0);
        transport.Then(HttpStatusCode.BadRequest, body);

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetThingAsync(cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Null(ex.ErrorCode);
        Assert.Equal(body.Length == 0 ? null : body, ex.ResponseBody);
    }

    [Fact]
    public async Task Long_error_bodies_are_capped()
    {
        var (client, transport, _) = TestClients.Create();
        transport.Then(HttpStatusCode.BadRequest, new string('x', 100_000));

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetThingAsync(cancellationToken: Ct));

        Assert.True(ex.ResponseBody!.Length <= ApiErrorBody.MaxBodyLength + 20);
    }

    [Theory]
    [InlineData("", "application/json")]
    [InlineData("{\"name\":", "application/json")]
    [InlineData("<html>hi</html>", "text/html")]
    [InlineData("null", "application/json")]
    public async Task Unreadable_success_body_is_an_invalid_response_exception_with_the_body(string body, string mediaType)
    {
        var (client, transport, _) = TestClients.Create();
        transport.Then(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, mediaType) });

        var ex = await Assert.ThrowsAsync<InvalidResponseException>(() => client.GetThingAsync(cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal(body.Length == 0 ? null : body, ex.ResponseBody);
        Assert.IsType<System.Text.Json.JsonException>(ex.InnerException);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_redirect_is_never_followed_and_becomes_an_api_exception_saying_so(int status)
    {
        var (client, transport, time) = TestClients.Create();
        transport.Then((HttpStatusCode)status, null, ("Location", "https://evil.test/steal?apiKey=" + Uri.EscapeDataString(TestClients.ApiKey)));

        var call = client.CreateThingAsync(() => new StringContent("{}"), cancellationToken: Ct);
        Assert.Empty(await time.RunAsync(call));

        var ex = await Assert.ThrowsAsync<ApiException>(() => call);
        Assert.Equal(status, (int)ex.StatusCode);
        Assert.Single(transport.Received);
        Assert.Contains("follows no redirects", ex.Message, StringComparison.Ordinal);
        Assert.Contains("https://evil.test/steal?apiKey=REDACTED", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.ApiKey, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(TestClients.ApiKey), ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_body_larger_than_the_cap_fails_once_and_is_not_retried()
    {
        var (client, transport, time) = TestClients.Create(options: o => o.MaxResponseBodySize = 4096);
        transport.Then(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new MemoryStream(new byte[100_000])) })
            .Then(HttpStatusCode.OK, "{\"name\":\"x\"}");

        var call = client.GetThingAsync(cancellationToken: Ct);
        Assert.Empty(await time.RunAsync(call));

        var ex = await Assert.ThrowsAsync<InvalidResponseException>(() => call);
        Assert.Single(transport.Received);
        Assert.Contains("larger than the limit of 4,096 bytes (ApiClientOptions.MaxResponseBodySize)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gzip_bomb_is_decompressed_only_up_to_the_cap()
    {
        var (client, transport, _) = TestClients.Create(options: o => o.MaxResponseBodySize = 64 * 1024);
        var bomb = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(bomb, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(new byte[50 * 1024 * 1024]);
        }

        transport.Then(_ =>
        {
            var content = new ByteArrayContent(bomb.ToArray());
            content.Headers.ContentEncoding.Add("gzip");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });

        var ex = await Assert.ThrowsAsync<InvalidResponseException>(() => client.GetThingAsync(cancellationToken: Ct));

        Assert.Contains("larger than the limit", ex.Message, StringComparison.Ordinal);
        Assert.True(bomb.Length < 1_000_000, "the bomb is small on the wire");
    }

    [Fact]
    public async Task A_gzip_success_body_within_the_cap_is_read()
    {
        var (client, transport, _) = TestClients.Create();
        var packed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("{\"name\":\"zipped\"}"u8);
        }

        transport.Then(_ =>
        {
            var content = new ByteArrayContent(packed.ToArray());
            content.Headers.ContentEncoding.Add("gzip");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });

        Assert.Equal("zipped", (await client.GetThingAsync(cancellationToken: Ct)).Name);
    }
}
