using System.Net;
using WunderUpdates.Client.Tests.TestSupport;
using Xunit;
using static WunderUpdates.Client.Tests.TestSupport.FakeService;

namespace WunderUpdates.Client.Tests.Updates;

public class CheckForUpdateTests
{
    private const string UpdateJson = "{'plugin_name':'My Plugin','version':'2.0.0-beta.2','requires_at_least':'6.0','requires_php':7.4,'tested_up_to':'6.7','download_link':'https://api.wunderupdates.com/v1/download/abc.zip','sections':{'description':'<p>Hi</p>','changelog':'<ul></ul>','faq':'?'},'license':{'valid':true},'icons':{}}";

    [Fact]
    public async Task Sends_GET_to_the_public_path_without_the_API_key_and_reads_the_snake_case_fields()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, "public/abcde123/plugins/my-plugin", body: Json(UpdateJson));
        using var client = service.CreateClient();

        var update = await client.CheckForUpdateAsync("abcde123", "my-plugin", cancellationToken: TestContext.Current.CancellationToken);

        var sent = Assert.Single(service.Requests);
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Empty(sent.ApiKeys);
        Assert.Equal("My Plugin", update.PluginName);
        Assert.Equal("2.0.0-beta.2", update.Version);
        Assert.Equal("6.0", update.RequiresAtLeast);
        Assert.Equal("7.4", update.RequiresPhp);
        Assert.Equal("6.7", update.TestedUpTo);
        Assert.Equal(new Uri("https://api.wunderupdates.com/v1/download/abc.zip"), update.DownloadLink);
        Assert.Equal("<p>Hi</p>", update.Sections!.Description);
        Assert.Equal("<ul></ul>", update.Sections.Changelog);
        Assert.Equal("?", update.Sections.ExtensionData!["faq"].GetString());
        Assert.True(update.License!.Valid);
        Assert.True(update.ExtensionData!.ContainsKey("icons"));
    }

    [Theory]
    [InlineData(ReleaseChannel.Alpha, "alpha")]
    [InlineData(ReleaseChannel.Beta, "beta")]
    [InlineData(ReleaseChannel.Rc, "rc")]
    [InlineData(ReleaseChannel.Stable, "stable")]
    public async Task The_channel_is_a_path_segment_and_the_licence_key_a_query_parameter(ReleaseChannel channel, string segment)
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, $"public/abcde123/plugins/my-plugin/{segment}?key=LIC%2B1%2026", body: Json(UpdateJson));
        using var client = service.CreateClient();

        await client.CheckForUpdateAsync("abcde123", "my-plugin", channel, "LIC+1 26", TestContext.Current.CancellationToken);

        Assert.Empty(Assert.Single(service.Requests).ApiKeys);
    }

    [Fact]
    public async Task Prefix_and_slug_are_escaped_as_one_segment_each()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, "public/a%2Fb/plugins/x%3Fy", body: Json(UpdateJson));
        using var client = service.CreateClient();

        await client.CheckForUpdateAsync("a/b", "x?y", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Single(service.Requests);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Dot_segments_are_refused_before_any_request(string value)
    {
        using var service = new FakeService();
        using var client = service.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal("slug", (await Assert.ThrowsAsync<ArgumentException>(() => client.CheckForUpdateAsync("prefix", value, cancellationToken: ct))).ParamName);
        Assert.Equal("accountPrefix", (await Assert.ThrowsAsync<ArgumentException>(() => client.CheckForUpdateAsync(value, "slug", cancellationToken: ct))).ParamName);
        Assert.Equal("slug", (await Assert.ThrowsAsync<ArgumentException>(() => client.GetPluginAsync(value, ct))).ParamName);
        Assert.Equal("version", (await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteVersionAsync("my-plugin", value, ct))).ParamName);
        Assert.Equal("key", (await Assert.ThrowsAsync<ArgumentException>(() => client.GetLicenseKeyAsync("my-plugin", value, ct))).ParamName);
        Assert.Empty(service.Requests);
    }

    [Theory]
    [InlineData("''")]
    [InlineData("false")]
    [InlineData("null")]
    [InlineData("'/relative/path.zip'")]
    public async Task Without_a_usable_download_link_DownloadLink_is_null(string link)
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, "public/abcde123/plugins/my-plugin", body: Json($"{{'version':'1.0.0','download_link':{link},'license':{{'valid':false}}}}"));
        using var client = service.CreateClient();

        var update = await client.CheckForUpdateAsync("abcde123", "my-plugin", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Null(update.DownloadLink);
        Assert.False(update.License!.Valid);
    }

    [Fact]
    public async Task The_licence_key_is_redacted_from_the_exception()
    {
        const string licence = "CUSTOMER-LICENCE-9f8e7d";
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, $"public/abcde123/plugins/my-plugin?key={licence}", HttpStatusCode.Forbidden, Json("{'status':403,'message':'Invalid license'}"));
        using var client = service.CreateClient();

        var ex = await Assert.ThrowsAsync<WunderUpdatesException>(() => client.CheckForUpdateAsync("abcde123", "my-plugin", licenseKey: licence, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.DoesNotContain(licence, ex.ToString());
        Assert.DoesNotContain(licence, ex.RequestUri!.AbsoluteUri);
        Assert.Contains("key=REDACTED", ex.RequestUri.AbsoluteUri);
        Assert.Contains("key=REDACTED", ex.Message);
    }
}
