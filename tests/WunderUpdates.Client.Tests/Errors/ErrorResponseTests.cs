using System.Net;
using PluginApis.Http;
using WunderUpdates.Client.Tests.TestSupport;
using Xunit;
using static WunderUpdates.Client.Tests.TestSupport.FakeService;

namespace WunderUpdates.Client.Tests.Errors;

public class ErrorResponseTests
{
    [Fact]
    public async Task A_JSON_message_becomes_the_server_message_and_the_status_is_kept()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, "plugins/nope", HttpStatusCode.NotFound, Json("{'status':404,'message':'Plugin nope not found'}"));
        using var client = service.CreateClient();

        var ex = await Assert.ThrowsAsync<WunderUpdatesException>(() => client.GetPluginAsync("nope", TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("Plugin nope not found", ex.ServerMessage);
        Assert.Equal(404, ex.ReportedStatus);
        Assert.Null(ex.ErrorCode);
        Assert.Contains("GET https://api.wunderupdates.com/v1/plugins/nope failed with 404", ex.Message);
        Assert.Contains("Plugin nope not found", ex.Message);
        Assert.Equal(Json("{'status':404,'message':'Plugin nope not found'}"), ex.ResponseBody);
        Assert.Single(service.Requests);
    }

    [Theory]
    [InlineData("{'status':400,'error':'Slug already taken.'}", null, "Slug already taken.")]
    [InlineData("{'status':400,'error':'slug_taken'}", "slug_taken", null)]
    [InlineData("{'status':400,'error':{'message':'Slug already taken.','code':'slug_taken'}}", "slug_taken", "Slug already taken.")]
    [InlineData("{'status':'400','message':'Bad','error':'invalid_slug'}", "invalid_slug", "Bad")]
    [InlineData("{'error':{}}", null, null)]
    public async Task Error_and_message_fields_are_read_in_their_different_shapes(string body, string? code, string? message)
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Post, "plugins", HttpStatusCode.BadRequest, Json(body));
        using var client = service.CreateClient();

        var ex = await Assert.ThrowsAsync<WunderUpdatesException>(() => client.CreatePluginAsync("taken", License.StaticKeys, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal(code, ex.ErrorCode);
        Assert.Equal(message, ex.ServerMessage);
        Assert.Equal(Json(body), ex.ResponseBody);
    }

    [Theory]
    [InlineData("<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html")]
    [InlineData("{\"status\":500,\"mess", "application/json")]
    [InlineData("[1,2,3]", "application/json")]
    public async Task A_non_JSON_or_truncated_body_gives_the_same_exception_type_with_the_raw_body(string body, string mediaType)
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, "plugins", HttpStatusCode.BadGateway, body, mediaType);
        using var client = service.CreateClient(o => o.Resilience.MaxRetryAttempts = 0);

        var ex = await Assert.ThrowsAsync<WunderUpdatesException>(() => client.ListPluginsAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Equal(body, ex.ResponseBody);
        Assert.Null(ex.ServerMessage);
        Assert.Null(ex.ReportedStatus);
    }

    [Fact]
    public async Task An_empty_error_body_gives_the_same_exception_type()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Delete, "plugins/p", HttpStatusCode.Unauthorized);
        using var client = service.CreateClient();

        var ex = await Assert.ThrowsAsync<WunderUpdatesException>(() => client.DeletePluginAsync("p", TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Null(ex.ResponseBody);
        Assert.Null(ex.ServerMessage);
    }

    [Fact]
    public async Task Transient_faults_of_a_GET_are_retried_until_the_service_recovers()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, "plugins", HttpStatusCode.ServiceUnavailable, "<html>down</html>", "text/html");
        service.Expect(HttpMethod.Get, "plugins", body: Json("{'status':200,'plugins':[]}"));
        using var client = service.CreateClient();

        var plugins = await service.RunWithClockAsync(() => client.ListPluginsAsync(TestContext.Current.CancellationToken));

        Assert.Empty(plugins);
        Assert.Equal(2, service.Requests.Count);
    }

    [Fact]
    public async Task The_API_key_never_appears_in_the_exception_even_when_the_body_echoes_it()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, "plugins/p", HttpStatusCode.Forbidden, Json($"{{'status':403,'message':'Key {ApiKey} is not allowed','error':{{'message':'x','code':'{ApiKey}'}}}}"));
        using var client = service.CreateClient();

        var ex = await Assert.ThrowsAsync<WunderUpdatesException>(() => client.GetPluginAsync("p", TestContext.Current.CancellationToken));

        Assert.DoesNotContain(ApiKey, ex.ToString());
        Assert.DoesNotContain(ApiKey, ex.Message);
        Assert.DoesNotContain(ApiKey, ex.ResponseBody);
        Assert.DoesNotContain(ApiKey, ex.ServerMessage);
        Assert.DoesNotContain(ApiKey, ex.ErrorCode);
        Assert.DoesNotContain(ApiKey, ex.RequestUri!.AbsoluteUri);
        Assert.Contains("REDACTED", ex.ServerMessage);
    }

    [Fact]
    public async Task A_success_body_that_is_not_the_expected_JSON_throws_InvalidResponseException_with_the_body()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, "plugins/p", HttpStatusCode.OK, "<html>maintenance</html>", "text/html");
        using var client = service.CreateClient();

        var ex = await Assert.ThrowsAsync<InvalidResponseException>(() => client.GetPluginAsync("p", TestContext.Current.CancellationToken));

        Assert.Equal("<html>maintenance</html>", ex.ResponseBody);
    }

    [Fact]
    public async Task A_missing_payload_throws_InvalidResponseException_naming_it()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, "plugins/p/license/keys/K", body: Json("{'status':200,'key':{'key':'K'}}"));
        using var client = service.CreateClient();

        var ex = await Assert.ThrowsAsync<InvalidResponseException>(() => client.GetLicenseKeyAsync("p", "K", TestContext.Current.CancellationToken));

        Assert.Contains("'license-key'", ex.Message);
    }

    [Fact]
    public async Task A_429_beyond_MaxRateLimitWait_throws_RateLimitExceededException_at_once()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, "plugins", HttpStatusCode.TooManyRequests, Json("{'status':429,'message':'Slow down'}"), headers: RateLimitReset(3600));
        using var client = service.CreateClient();

        var ex = await Assert.ThrowsAsync<RateLimitExceededException>(() => client.ListPluginsAsync(TestContext.Current.CancellationToken));

        Assert.Equal(TimeSpan.FromHours(1), ex.RetryAfter);
        Assert.Equal("Slow down", ex.ServerMessage);
        Assert.Single(service.Requests);
        Assert.Equal(TimeSpan.FromHours(1), client.LastRateLimit!.Reset);
    }
}
