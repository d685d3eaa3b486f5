using System.Net;

namespace PluginApis.Emulator.Tests;

public sealed class AuthTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task PluginTests_without_a_valid_key_is_401_with_the_documented_error_body(string? key)
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);

        foreach (var path in new[] { "", "user", "plugins/wporg/akismet", "tablesWith500installs.json", "no/such/route" })
        {
            using var response = await http.PtGet(path, key);
            await response.ExpectPtError(HttpStatusCode.Unauthorized, "invalid_api_key");
        }

        using var post = await http.PtPost("test-queue", """{"directory":"wporg","slug":"akismet"}""", key);
        await post.ExpectPtError(HttpStatusCode.Unauthorized, "invalid_api_key");
        Assert.Equal(0, emu.Stats.TestQueueJobsCreated);
    }

    [Fact]
    public async Task PluginTests_key_in_a_header_is_not_accepted()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/user");
        request.Headers.Add("x-api-key", EmulatorKeys.PluginTestsDemo);
        using var response = await http.SendAsync(request, T.Ct);
        await response.ExpectPtError(HttpStatusCode.Unauthorized, "invalid_api_key");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData(EmulatorKeys.PluginTestsDemo)] // the other service's key
    public async Task WunderUpdates_without_a_valid_key_is_401_Unauthorized(string? key)
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);

        foreach (var path in new[] { "plugins", "plugins/demo-pro", "account", "account/tokens", "nope" })
        {
            using var response = await http.WuGet(path, key);
            var json = await response.ExpectJson(HttpStatusCode.Unauthorized);
            Assert.Equal(401, json.GetProperty("status").GetInt32());
            Assert.Equal("Unauthorized", json.GetProperty("message").GetString());
        }

        using var post = await http.WuJson(HttpMethod.Post, "plugins", """{"slug":"x","license":{"type":"no-license"}}""", key);
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(0, emu.Stats.PluginsCreated);
    }

    [Fact]
    public async Task WunderUpdates_key_as_query_parameter_is_not_accepted()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        using var response = await http.GetAsync($"v1/plugins?apiKey={EmulatorKeys.WunderUpdatesDemo}", T.Ct);
        await response.ExpectWuError(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Valid_keys_are_accepted_by_both_services()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        using var pt = await http.PtGet("user");
        Assert.Equal("user_demo", (await pt.ExpectJson(HttpStatusCode.OK)).GetProperty("id").GetString());
        using var wu = await http.WuGet("plugins");
        Assert.Equal(200, (await wu.ExpectJson(HttpStatusCode.OK)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Public_update_check_and_download_need_no_api_key()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        using var info = await http.GetAsync(emu.PublicUpdateUri(EmulatorKeys.WunderUpdatesDemoAccountPrefix, "demo-free"), T.Ct);
        var json = await info.ExpectJson(HttpStatusCode.OK);
        using var download = await http.GetAsync(json.GetProperty("download_link").GetString(), T.Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Created_token_is_shown_once_and_works_as_an_api_key()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        using var created = await http.WuJson(HttpMethod.Post, "account/tokens", """{"name":"ci-2.deploy","expires":30}""");
        var token = (await created.ExpectJson(HttpStatusCode.OK)).GetProperty("token");
        var value = token.GetProperty("value").GetString()!;
        Assert.Equal("ci-2.deploy", token.GetProperty("name").GetString());
        Assert.Equal(1, emu.Stats.TokensCreated);

        using var list = await http.WuGet("account/tokens");
        var listText = await list.Content.ReadAsStringAsync(T.Ct);
        Assert.Contains("ci-2.deploy", listText, StringComparison.Ordinal);
        Assert.DoesNotContain(value, listText, StringComparison.Ordinal);

        using var withToken = await http.WuGet("plugins/demo-pro", value);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
    }
}
