using System.Net;
using PluginApis.Http;
using WunderUpdates.Client.Tests.TestSupport;
using Xunit;
using static WunderUpdates.Client.Tests.TestSupport.FakeService;

namespace WunderUpdates.Client.Tests.Errors;

/// <summary>A customer's licence key is a secret too: it never shows in an exception, its URI or the echoed body.</summary>
public class LicenceKeyRedactionTests
{
    private const string CustomerKey = "CUST-KEY-7f3a9c2e-5b1d";

    [Fact]
    public async Task Licence_key_in_the_path_is_masked_in_message_uri_and_body()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, "plugins/p/license/keys/" + CustomerKey, HttpStatusCode.NotFound, Json($"{{'status':404,'message':'Key {CustomerKey} not found'}}"));
        using var client = service.CreateClient();

        var ex = await Assert.ThrowsAsync<WunderUpdatesException>(() => client.GetLicenseKeyAsync("p", CustomerKey, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.DoesNotContain(CustomerKey, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(CustomerKey, ex.RequestUri!.AbsoluteUri, StringComparison.Ordinal);
        Assert.DoesNotContain(CustomerKey, ex.ResponseBody!, StringComparison.Ordinal);
        Assert.Equal("Key REDACTED not found", ex.ServerMessage);
        Assert.EndsWith("/plugins/p/license/keys/REDACTED", ex.RequestUri.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Licence_key_of_the_update_check_is_masked_when_the_body_echoes_it()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, "public/acct1234/plugins/p?key=" + CustomerKey, HttpStatusCode.Forbidden, Json($"{{'status':403,'message':'Licence {CustomerKey} expired'}}"));
        using var client = service.CreateClient();

        var ex = await Assert.ThrowsAsync<WunderUpdatesException>(() => client.CheckForUpdateAsync("acct1234", "p", licenseKey: CustomerKey, cancellationToken: TestContext.Current.CancellationToken));

        Assert.DoesNotContain(CustomerKey, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(CustomerKey, ex.ResponseBody!, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_values_are_not_masked_so_messages_stay_readable()
    {
        Assert.Equal("plugins/pro/x", new Redactor("unrelated-api-key").Text("plugins/pro/x", ["pro"]));
        Assert.Equal("a REDACTED b REDACTED", new Redactor("unrelated-api-key").Text("a sec/ret b sec%2Fret", ["sec/ret"]));
    }
}
