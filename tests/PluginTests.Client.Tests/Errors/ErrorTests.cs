using System.Net;
using PluginApis.Http;
using RichardSzalay.MockHttp;

namespace PluginTests.Client.Tests;

/// <summary>Error statuses and unreadable bodies become typed exceptions that keep the body and never show the API key.</summary>
public sealed class ErrorTests : IDisposable
{
    private readonly Harness _h = new(o => o.Resilience.MaxRetryAttempts = 0);

    public void Dispose() => _h.Dispose();

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void AssertNoSecret(ApiException ex)
    {
        foreach (var text in new[] { ex.ToString(), ex.Message, ex.RequestUri?.OriginalString ?? string.Empty, ex.RequestUri?.AbsoluteUri ?? string.Empty, ex.ResponseBody ?? string.Empty, ex.ServerMessage ?? string.Empty })
        {
            Assert.DoesNotContain(Harness.ApiKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(Harness.ApiKey), text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task GetPlugin_404_throws_PluginNotFound_with_status_and_server_message()
    {
        _h.Mock.When(Harness.Url("plugins/wporg/nope")).Respond(HttpStatusCode.NotFound, "application/json", Responses.ErrorNotFoundJson);

        var ex = await Assert.ThrowsAsync<PluginTestsException>(() => _h.Client.GetPluginAsync("wporg", "nope", Ct));

        Assert.Equal(PluginTestsErrorCode.PluginNotFound, ex.Code);
        Assert.True(ex.Code == "plugin_not_found");
        Assert.Equal("plugin_not_found", ex.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("Plugin not found.", ex.ServerMessage);
        Assert.Equal(Responses.ErrorNotFoundJson, ex.ResponseBody);
        Assert.Contains("Plugin not found.", ex.Message);
        Assert.Equal("GET", ex.RequestMethod);
        Assert.StartsWith(Harness.Url("plugins/wporg/nope"), ex.RequestUri!.AbsoluteUri);
        AssertNoSecret(ex);
    }

    [Fact]
    public async Task Unknown_error_code_is_kept_as_its_value()
    {
        _h.Mock.When(Harness.Url("test-queue")).Respond(HttpStatusCode.Forbidden, "application/json",
            """{"error":{"message":"Queue is frozen.","code":"queue_frozen"}}""");

        var ex = await Assert.ThrowsAsync<PluginTestsException>(() => _h.Client.ListQueueAsync(Ct));

        Assert.Equal("queue_frozen", ex.Code.Value);
        Assert.Equal("queue_frozen", ex.Code.ToString());
        Assert.Equal(new PluginTestsErrorCode("queue_frozen"), ex.Code);
        Assert.NotEqual(PluginTestsErrorCode.PluginNotFound, ex.Code);
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal("Queue is frozen.", ex.ServerMessage);
    }

    [Fact]
    public async Task Html_error_body_still_yields_PluginTestsException_with_the_raw_body()
    {
        const string html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
        _h.Mock.When(Harness.Url("user")).Respond(HttpStatusCode.BadGateway, "text/html", html);

        var ex = await Assert.ThrowsAsync<PluginTestsException>(() => _h.Client.GetCurrentUserAsync(Ct));

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Equal(html, ex.ResponseBody);
        Assert.True(ex.Code.IsEmpty);
        Assert.Null(ex.ErrorCode);
        Assert.Null(ex.ServerMessage);
    }

    [Fact]
    public async Task Empty_error_body_still_yields_PluginTestsException()
    {
        _h.Mock.When(Harness.Url("user")).Respond(_ => Responses.Empty(HttpStatusCode.InternalServerError));

        var ex = await Assert.ThrowsAsync<PluginTestsException>(() => _h.Client.GetCurrentUserAsync(Ct));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Null(ex.ResponseBody);
        Assert.True(ex.Code.IsEmpty);
    }

    [Fact]
    public async Task Truncated_json_error_body_still_yields_PluginTestsException_with_the_raw_body()
    {
        const string truncated = """{"error":{"message":"Plugin not fo""";
        _h.Mock.When(Harness.Url("plugins/wporg/x")).Respond(HttpStatusCode.NotFound, "application/json", truncated);

        var ex = await Assert.ThrowsAsync<PluginTestsException>(() => _h.Client.GetPluginAsync("wporg", "x", Ct));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal(truncated, ex.ResponseBody);
        Assert.True(ex.Code.IsEmpty);
    }

    [Fact]
    public async Task Error_body_echoing_the_key_is_redacted()
    {
        var body = $$$"""{"error":{"message":"Invalid API key {{{Harness.ApiKey}}}.","code":"invalid_api_key"}}""";
        _h.Mock.When(Harness.Url("user")).Respond(HttpStatusCode.Unauthorized, "application/json", body);

        var ex = await Assert.ThrowsAsync<PluginTestsException>(() => _h.Client.GetCurrentUserAsync(Ct));

        Assert.Equal(PluginTestsErrorCode.InvalidApiKey, ex.Code);
        Assert.Contains("REDACTED", ex.ServerMessage);
        AssertNoSecret(ex);
    }

    [Fact]
    public async Task Broken_success_body_throws_InvalidResponseException_with_the_body()
    {
        const string broken = """{"slug":"akismet","name":"Aki""";
        _h.Mock.When(Harness.Url("plugins/wporg/akismet")).Respond("application/json", broken);

        var ex = await Assert.ThrowsAsync<InvalidResponseException>(() => _h.Client.GetPluginAsync("wporg", "akismet", Ct));

        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.Equal(broken, ex.ResponseBody);
        AssertNoSecret(ex);
    }

    [Fact]
    public async Task Success_body_of_the_wrong_shape_throws_InvalidResponseException()
    {
        _h.Mock.When(Harness.Url("plugins/wporg/akismet/reports")).Respond("application/json", """{"unexpected":1,"other":"x"}""");

        var ex = await Assert.ThrowsAsync<InvalidResponseException>(() => _h.Client.ListReportsAsync("wporg", "akismet", Ct));

        Assert.Contains("reports", ex.Message);
        Assert.Equal("""{"unexpected":1,"other":"x"}""", ex.ResponseBody);
    }

    [Fact]
    public async Task Broken_tables_stream_throws_InvalidResponseException()
    {
        _h.Mock.When(Harness.Url("tablesWith500installs.json")).Respond("application/json", """[{"name":"wp_a"},{"name":""");

        var names = new List<string?>();
        var ex = await Assert.ThrowsAsync<InvalidResponseException>(async () =>
        {
            await foreach (var table in _h.Client.ListPluginTablesAsync(ActiveInstalls.AtLeast500, Ct))
            {
                names.Add(table.Name);
            }
        });

        Assert.Equal(["wp_a"], names);
        AssertNoSecret(ex);
    }

    [Fact]
    public async Task Status_429_throws_RateLimitExceededException_with_retry_after()
    {
        _h.Mock.When(Harness.Url("user")).Respond(_ => Responses.Json(HttpStatusCode.TooManyRequests,
            """{"error":{"message":"Too many requests.","code":"rate_limit_exceeded"}}""", ("Ratelimit-Reset", "30")));

        var ex = await Assert.ThrowsAsync<RateLimitExceededException>(() => _h.Client.GetCurrentUserAsync(Ct));

        Assert.Equal(TimeSpan.FromSeconds(30), ex.RetryAfter);
        Assert.Equal("rate_limit_exceeded", ex.ErrorCode);
        AssertNoSecret(ex);
    }

    [Fact]
    public async Task No_stored_uri_holds_the_key_after_a_call()
    {
        _h.Mock.When(Harness.Url("plugins/wporg/nope")).Respond(HttpStatusCode.NotFound, "application/json", Responses.ErrorNotFoundJson);

        var ex = await Assert.ThrowsAsync<PluginTestsException>(() => _h.Client.GetPluginAsync("wporg", "nope", Ct));

        // The key did travel...
        Assert.Contains(Uri.EscapeDataString(Harness.ApiKey), Assert.Single(_h.Requests).RawUri, StringComparison.OrdinalIgnoreCase);

        // ...but no URI kept afterwards holds it: not the exception's, not the request's, not the response's request.
        AssertNoSecret(ex);
        var response = Assert.Single(_h.Recorder.Responses);
        var uris = new[] { response.RequestMessage!.RequestUri!, _h.Requests[0].Message.RequestUri! };
        foreach (var uri in uris)
        {
            Assert.DoesNotContain("apiKey", uri.OriginalString, StringComparison.Ordinal);
            Assert.DoesNotContain(Uri.EscapeDataString(Harness.ApiKey), uri.OriginalString, StringComparison.OrdinalIgnoreCase);
        }
    }
}
