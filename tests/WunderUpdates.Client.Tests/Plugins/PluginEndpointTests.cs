using System.Text.Json;
using PluginApis.Http;
using WunderUpdates.Client.Tests.TestSupport;
using Xunit;
using static WunderUpdates.Client.Tests.TestSupport.FakeService;

namespace WunderUpdates.Client.Tests.Plugins;

public class PluginEndpointTests
{
    private const string PluginJson = "{'license':{'type':'static-keys'},'versions':[{'file':'my-new-plugin-1.0.0.zip','version':'1.0.0'}],'slug':'my-new-plugin','created':'2025-01-01'}";

    [Fact]
    public async Task ListPlugins_GETs_plugins_with_the_key_once_and_reads_the_plugins_envelope()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, "plugins", body: Json($"{{'status':200,'plugins':[{PluginJson},{{'license':{{'type':'lemonsqueezy','products':[12345,678]}},'versions':[],'slug':'paid'}}]}}"));
        using var client = service.CreateClient();

        var plugins = await client.ListPluginsAsync(TestContext.Current.CancellationToken);

        var sent = Assert.Single(service.Requests);
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal([ApiKey], sent.ApiKeys);
        Assert.Empty(sent.Body);
        Assert.Equal(2, plugins.Count);
        Assert.Equal("my-new-plugin", plugins[0].Slug);
        Assert.Equal(LicenseType.StaticKeys, plugins[0].License!.Type);
        Assert.Empty(plugins[0].License!.Products);
        var version = Assert.Single(plugins[0].Versions);
        Assert.Equal("1.0.0", version.Version);
        Assert.Equal("my-new-plugin-1.0.0.zip", version.File);
        Assert.Equal("2025-01-01", plugins[0].ExtensionData!["created"].GetString());
        Assert.Equal(LicenseType.LemonSqueezy, plugins[1].License!.Type);
        Assert.Equal([12345L, 678L], plugins[1].License!.Products);
    }

    [Fact]
    public async Task CreatePlugin_POSTs_slug_and_license_and_returns_the_single_plugin_of_the_data_array()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Post, "plugins", body: Json($"{{'status':200,'data':[{PluginJson}]}}"));
        using var client = service.CreateClient();

        var plugin = await client.CreatePluginAsync("my-new-plugin", License.StaticKeys, TestContext.Current.CancellationToken);

        var sent = Assert.Single(service.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal([ApiKey], sent.ApiKeys);
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal(Json("{'slug':'my-new-plugin','license':{'type':'static-keys'}}"), sent.BodyText);
        Assert.Equal("my-new-plugin", plugin.Slug);
        Assert.Equal("1.0.0", plugin.Versions[0].Version);
    }

    [Theory]
    [InlineData("no-license")]
    [InlineData("lemonsqueezy")]
    public async Task CreatePlugin_sends_each_licence_shape_as_documented(string type)
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Post, "plugins", body: Json($"{{'status':200,'data':[{PluginJson}]}}"));
        using var client = service.CreateClient();
        var license = type == "no-license" ? License.NoLicense : License.LemonSqueezy(12345, 99);

        await client.CreatePluginAsync("p", license, TestContext.Current.CancellationToken);

        var expected = type == "no-license"
            ? "{'slug':'p','license':{'type':'no-license'}}"
            : "{'slug':'p','license':{'type':'lemonsqueezy','products':[12345,99]}}";
        Assert.Equal(Json(expected), Assert.Single(service.Requests).BodyText);
    }

    [Theory]
    [InlineData("{'status':200,'data':[]}")]
    [InlineData("{'status':200,'plugin':{'slug':'p'}}")]
    public async Task CreatePlugin_without_a_plugin_in_the_data_array_throws_InvalidResponseException(string body)
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Post, "plugins", body: Json(body));
        using var client = service.CreateClient();

        var ex = await Assert.ThrowsAsync<InvalidResponseException>(() => client.CreatePluginAsync("p", License.StaticKeys, TestContext.Current.CancellationToken));

        Assert.Contains("data", ex.Message);
        Assert.Equal(Json(body), ex.ResponseBody);
    }

    [Fact]
    public async Task CreatePlugin_is_not_resent_after_a_transient_fault_because_the_plugin_may_exist()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Post, "plugins", System.Net.HttpStatusCode.ServiceUnavailable, Json("{'status':503,'message':'Try later'}"));
        using var client = service.CreateClient();

        var ex = await service.ThrowsWithClockAsync<WunderUpdatesException, Plugin>(() => client.CreatePluginAsync("p", License.StaticKeys, TestContext.Current.CancellationToken));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Single(service.Requests);
    }

    [Theory]
    [InlineData("my-plugin", "plugins/my-plugin")]
    [InlineData("a/b c", "plugins/a%2Fb%20c")]
    [InlineData("...", "plugins/...")]
    [InlineData("x?y#z", "plugins/x%3Fy%23z")]
    public async Task GetPlugin_escapes_the_slug_as_one_segment_and_reads_the_plugin_envelope(string slug, string path)
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, path, body: Json($"{{'status':200,'plugin':{PluginJson}}}"));
        using var client = service.CreateClient();

        var plugin = await client.GetPluginAsync(slug, TestContext.Current.CancellationToken);

        Assert.Equal("my-new-plugin", plugin.Slug);
        Assert.Equal([ApiKey], Assert.Single(service.Requests).ApiKeys);
    }

    [Fact]
    public async Task UpdateLicense_PUTs_only_the_licence()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Put, "plugins/my-new-plugin", body: Json("{'status':200,'plugin':{'slug':'my-new-plugin','license':{'type':'lemonsqueezy','products':[12345]},'versions':[]}}"));
        using var client = service.CreateClient();

        var plugin = await client.UpdateLicenseAsync("my-new-plugin", License.LemonSqueezy(12345), TestContext.Current.CancellationToken);

        var sent = Assert.Single(service.Requests);
        Assert.Equal(HttpMethod.Put, sent.Method);
        Assert.Equal([ApiKey], sent.ApiKeys);
        Assert.Equal(Json("{'license':{'type':'lemonsqueezy','products':[12345]}}"), sent.BodyText);
        Assert.Equal([12345L], plugin.License!.Products);
    }

    [Fact]
    public async Task DeletePlugin_sends_DELETE_and_accepts_the_message_envelope()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Delete, "plugins/my-new-plugin", body: Json("{'status':200,'message':'Plugin my-new-plugin was deleted'}"));
        using var client = service.CreateClient();

        await client.DeletePluginAsync("my-new-plugin", TestContext.Current.CancellationToken);

        var sent = Assert.Single(service.Requests);
        Assert.Equal(HttpMethod.Delete, sent.Method);
        Assert.Equal([ApiKey], sent.ApiKeys);
        service.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task An_unknown_licence_type_from_the_server_is_kept_and_cannot_be_sent_back()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, "plugins/p", body: Json("{'status':200,'plugin':{'slug':'p','license':{'type':'freemius','plan':7},'versions':null}}"));
        using var client = service.CreateClient();

        var plugin = await client.GetPluginAsync("p", TestContext.Current.CancellationToken);

        Assert.Equal("freemius", plugin.License!.Type.Value);
        Assert.False(plugin.License.Type.IsKnown);
        Assert.Equal(7, plugin.License.ExtensionData!["plan"].GetInt32());
        Assert.Empty(plugin.Versions);
        await Assert.ThrowsAsync<ArgumentException>(() => client.UpdateLicenseAsync("p", plugin.License, TestContext.Current.CancellationToken));
        Assert.Single(service.Requests);
    }

    [Fact]
    public async Task ListVersions_GETs_the_versions_of_the_plugin()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, "plugins/my-new-plugin/versions", body: Json("{'status':200,'versions':[{'file':'my-new-plugin-1.0.0.zip','version':'1.0.0'},{'file':'my-new-plugin-2.0.0-beta.2.zip','version':'2.0.0-beta.2'}]}"));
        using var client = service.CreateClient();

        var versions = await client.ListVersionsAsync("my-new-plugin", TestContext.Current.CancellationToken);

        Assert.Equal(["1.0.0", "2.0.0-beta.2"], versions.Select(v => v.Version));
        Assert.Equal("my-new-plugin-2.0.0-beta.2.zip", versions[1].File);
        Assert.Equal([ApiKey], Assert.Single(service.Requests).ApiKeys);
    }

    [Fact]
    public async Task GetVersion_reads_the_version_envelope_and_escapes_the_version()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, "plugins/my-new-plugin/versions/2.0.0%2Bbuild%2F1", body: Json("{'status':200,'version':{'file':'f.zip','version':'2.0.0+build/1'}}"));
        using var client = service.CreateClient();

        var version = await client.GetVersionAsync("my-new-plugin", "2.0.0+build/1", TestContext.Current.CancellationToken);

        Assert.Equal("2.0.0+build/1", version.Version);
        Assert.Equal("f.zip", version.File);
    }

    [Fact]
    public async Task DeleteVersion_sends_DELETE_to_the_version()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Delete, "plugins/my-new-plugin/versions/2.0.0-beta.2", body: Json("{'status':200,'message':'Version 2.0.0-beta.2 of my-new-plugin was deleted.'}"));
        using var client = service.CreateClient();

        await client.DeleteVersionAsync("my-new-plugin", "2.0.0-beta.2", TestContext.Current.CancellationToken);

        var sent = Assert.Single(service.Requests);
        Assert.Equal(HttpMethod.Delete, sent.Method);
        Assert.Equal([ApiKey], sent.ApiKeys);
    }

    [Fact]
    public async Task Raw_GET_returns_the_body_as_a_JsonDocument_with_the_key()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, "plugins/p/stats", body: Json("{'status':200,'downloads':3}"));
        using var client = service.CreateClient();

        using var document = await client.SendRawAsync(HttpMethod.Get, "plugins/p/stats", TestContext.Current.CancellationToken);

        Assert.Equal(3, document!.RootElement.GetProperty("downloads").GetInt32());
        Assert.Equal([ApiKey], Assert.Single(service.Requests).ApiKeys);
        await Assert.ThrowsAsync<ArgumentException>(() => client.SendRawAsync(HttpMethod.Get, "https://evil.example/steal", TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() => client.SendRawAsync(HttpMethod.Get, "//evil.example/steal", TestContext.Current.CancellationToken));
        Assert.Single(service.Requests);
    }

    [Fact]
    public async Task Unknown_fields_survive_a_round_trip_through_the_models()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, "plugins/p", body: Json("{'status':200,'plugin':{'slug':'p','license':{'type':'static-keys'},'versions':[{'version':'1.0.0','file':'p-1.0.0.zip','size':1234}],'channel':'beta'}}"));
        using var client = service.CreateClient();

        var plugin = await client.GetPluginAsync("p", TestContext.Current.CancellationToken);

        Assert.Equal("beta", plugin.ExtensionData!["channel"].GetString());
        Assert.Equal(1234, plugin.Versions[0].ExtensionData!["size"].GetInt32());
        Assert.Equal(JsonValueKind.String, plugin.ExtensionData["channel"].ValueKind);
    }
}
