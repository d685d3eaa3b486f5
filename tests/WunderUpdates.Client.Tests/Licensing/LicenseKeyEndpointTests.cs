using System.Net;
using WunderUpdates.Client.Tests.TestSupport;
using Xunit;
using static WunderUpdates.Client.Tests.TestSupport.FakeService;

namespace WunderUpdates.Client.Tests.Licensing;

public class LicenseKeyEndpointTests
{
    [Fact]
    public async Task ListLicenseKeys_reads_the_keys_envelope()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, "plugins/my-plugin/license/keys", body: Json("{'status':200,'keys':[{'key':'AAA-1','expires':null},{'key':'BBB-2','expires':'2026-12-31','note':'vip'}]}"));
        using var client = service.CreateClient();

        var keys = await client.ListLicenseKeysAsync("my-plugin", TestContext.Current.CancellationToken);

        Assert.Equal([ApiKey], Assert.Single(service.Requests).ApiKeys);
        Assert.Equal(["AAA-1", "BBB-2"], keys.Select(k => k.Key));
        Assert.Null(keys[0].Expires);
        Assert.Equal(new DateOnly(2026, 12, 31), keys[1].Expires);
        Assert.Equal("vip", keys[1].ExtensionData!["note"].GetString());
    }

    [Fact]
    public async Task ReplaceLicenseKeys_POSTs_the_whole_list_with_dates_as_YYYY_MM_DD_and_null()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Post, "plugins/my-plugin/license/keys", body: Json("{'status':200,'message':'Keys saved.'}"));
        using var client = service.CreateClient();

        await client.ReplaceLicenseKeysAsync("my-plugin", [new LicenseKey("AAA-1"), new LicenseKey("BBB-2", new DateOnly(2026, 1, 5))], TestContext.Current.CancellationToken);

        var sent = Assert.Single(service.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal([ApiKey], sent.ApiKeys);
        Assert.Equal(Json("{'keys':[{'key':'AAA-1','expires':null},{'key':'BBB-2','expires':'2026-01-05'}]}"), sent.BodyText);
    }

    [Fact]
    public async Task ReplaceLicenseKeys_is_a_full_replacement_so_it_is_retried_after_a_transient_fault()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Post, "plugins/my-plugin/license/keys", HttpStatusCode.BadGateway, "<html>Bad gateway</html>", "text/html");
        service.Expect(HttpMethod.Post, "plugins/my-plugin/license/keys", body: Json("{'status':200,'message':'Keys saved.'}"));
        using var client = service.CreateClient();

        await service.RunWithClockAsync(async () =>
        {
            await client.ReplaceLicenseKeysAsync("my-plugin", [new LicenseKey("AAA-1")], TestContext.Current.CancellationToken);
            return 0;
        });

        Assert.Equal(2, service.Requests.Count);
        Assert.Equal(service.Requests[0].BodyText, service.Requests[1].BodyText);
    }

    [Fact]
    public async Task AddLicenseKey_PUTs_one_key()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Put, "plugins/my-plugin/license/keys", body: Json("{'status':200,'message':'Key added.'}"));
        using var client = service.CreateClient();

        await client.AddLicenseKeyAsync("my-plugin", new LicenseKey("CCC-3", new DateOnly(2027, 2, 28)), TestContext.Current.CancellationToken);

        var sent = Assert.Single(service.Requests);
        Assert.Equal(HttpMethod.Put, sent.Method);
        Assert.Equal([ApiKey], sent.ApiKeys);
        Assert.Equal(Json("{'key':'CCC-3','expires':'2027-02-28'}"), sent.BodyText);
    }

    [Fact]
    public async Task GetLicenseKey_reads_the_license_key_envelope_and_escapes_the_key()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, "plugins/my-plugin/license/keys/A%2FB%20C", body: Json("{'status':200,'license-key':{'key':'A/B C','expires':'2026-12-31'}}"));
        using var client = service.CreateClient();

        var key = await client.GetLicenseKeyAsync("my-plugin", "A/B C", TestContext.Current.CancellationToken);

        Assert.Equal("A/B C", key.Key);
        Assert.Equal(new DateOnly(2026, 12, 31), key.Expires);
    }

    [Fact]
    public async Task DeleteLicenseKey_sends_DELETE_to_the_key()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Delete, "plugins/my-plugin/license/keys/AAA-1", body: Json("{'status':200,'message':'Key deleted.'}"));
        using var client = service.CreateClient();

        await client.DeleteLicenseKeyAsync("my-plugin", "AAA-1", TestContext.Current.CancellationToken);

        var sent = Assert.Single(service.Requests);
        Assert.Equal(HttpMethod.Delete, sent.Method);
        Assert.Equal([ApiKey], sent.ApiKeys);
    }
}
