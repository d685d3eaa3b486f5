using System.Text.Json;
using WunderUpdates.Client.Tests.TestSupport;
using Xunit;
using static WunderUpdates.Client.Tests.TestSupport.FakeService;

namespace WunderUpdates.Client.Tests.Account;

public class AccountEndpointTests
{
    [Fact]
    public async Task GetAccount_reads_account_and_products()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, "account", body: Json("{'status':200,'account':{'prefix':'abcde123','activationUsage':3,'activationLimit':10,'plan':'pro'},'products':{'themes':[],'plugins':[{'slug':'my-new-plugin'}]}}"));
        using var client = service.CreateClient();

        var details = await client.GetAccountAsync(TestContext.Current.CancellationToken);

        Assert.Equal([ApiKey], Assert.Single(service.Requests).ApiKeys);
        Assert.Equal("abcde123", details.Account.Prefix);
        Assert.Equal(3, details.Account.ActivationUsage);
        Assert.Equal(10, details.Account.ActivationLimit);
        Assert.Equal("pro", details.Account.ExtensionData!["plan"].GetString());
        Assert.Empty(details.Products.Themes);
        Assert.Equal("my-new-plugin", Assert.Single(details.Products.Plugins).GetProperty("slug").GetString());
    }

    [Fact]
    public async Task GetAccountLicense_reads_the_license_envelope()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, "account/license", body: Json("{'status':200,'license':{'limit':10,'expires':99999999}}"));
        using var client = service.CreateClient();

        var license = await client.GetAccountLicenseAsync(TestContext.Current.CancellationToken);

        Assert.Equal(10, license.Limit);
        Assert.Equal(99999999, license.Expires);
    }

    [Fact]
    public async Task ActivateAccountLicense_POSTs_the_key_as_license()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Post, "account/license", body: Json("{'status':200,'message':'License activated.'}"));
        using var client = service.CreateClient();

        await client.ActivateAccountLicenseAsync("PLAN-KEY-1", TestContext.Current.CancellationToken);

        var sent = Assert.Single(service.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal([ApiKey], sent.ApiKeys);
        Assert.Equal(Json("{'license':'PLAN-KEY-1'}"), sent.BodyText);
    }

    [Fact]
    public async Task ListTokens_reads_names_and_typed_expiry()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Get, "account/tokens", body: Json("{'status':200,'tokens':[{'name':'ci','expires':-1},{'name':'deploy.v2','expires':1767225600}]}"));
        using var client = service.CreateClient();

        var tokens = await client.ListTokensAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["ci", "deploy.v2"], tokens.Select(t => t.Name));
        Assert.Equal(ApiTokenExpiry.Never, tokens[0].Expires);
        Assert.Equal(ApiTokenExpiry.At(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)), tokens[1].Expires);
    }

    [Theory]
    [InlineData("{'status':200,'token':'tok_secret_1'}")]
    [InlineData("{'status':200,'token':{'name':'ci-deploy.1','token':'tok_secret_1'}}")]
    [InlineData("{'status':200,'data':{'name':'ci-deploy.1','value':'tok_secret_1'}}")]
    public async Task CreateToken_POSTs_name_and_expiry_and_returns_the_value_shown_once(string response)
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Post, "account/tokens", body: Json(response));
        using var client = service.CreateClient();

        var token = await client.CreateTokenAsync("ci-deploy.1", 30, TestContext.Current.CancellationToken);

        var sent = Assert.Single(service.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal([ApiKey], sent.ApiKeys);
        Assert.Equal(Json("{'name':'ci-deploy.1','expires':30}"), sent.BodyText);
        Assert.Equal("tok_secret_1", token.Value);
        Assert.Equal("ci-deploy.1", token.Name);
        Assert.Equal(30, token.ExpiresInDays);
        Assert.Equal(200, token.Response.GetProperty("status").GetInt32());
        Assert.DoesNotContain("tok_secret_1", token.ToString());
    }

    [Fact]
    public async Task CreateToken_with_an_unexpected_answer_keeps_it_raw()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Post, "account/tokens", body: Json("{'status':200,'secret':42}"));
        using var client = service.CreateClient();

        var token = await client.CreateTokenAsync("never", -1, TestContext.Current.CancellationToken);

        Assert.Null(token.Value);
        Assert.Equal(42, token.Response.GetProperty("secret").GetInt32());
        Assert.Equal(Json("{'name':'never','expires':-1}"), Assert.Single(service.Requests).BodyText);
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("with space")]
    [InlineData("under_score")]
    [InlineData("ümlaut")]
    [InlineData("slash/name")]
    public async Task CreateToken_refuses_names_outside_a_to_z_0_to_9_dash_and_dot(string name)
    {
        using var service = new FakeService();
        using var client = service.CreateClient();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.CreateTokenAsync(name, 30, TestContext.Current.CancellationToken));

        Assert.Equal("name", ex.ParamName);
        Assert.Empty(service.Requests);
    }

    [Fact]
    public async Task CreateToken_refuses_names_longer_than_64_characters()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Post, "account/tokens", body: Json("{'status':200,'token':'t'}"));
        using var client = service.CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.CreateTokenAsync(new string('a', 65), 30, TestContext.Current.CancellationToken));
        await client.CreateTokenAsync(new string('a', 64), 30, TestContext.Current.CancellationToken);

        Assert.Single(service.Requests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(366)]
    [InlineData(-2)]
    [InlineData(int.MinValue)]
    public async Task CreateToken_refuses_an_expiry_outside_1_to_365_or_minus_1(int days)
    {
        using var service = new FakeService();
        using var client = service.CreateClient();

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.CreateTokenAsync("ci", days, TestContext.Current.CancellationToken));

        Assert.Equal("expiresInDays", ex.ParamName);
        Assert.Empty(service.Requests);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(365)]
    [InlineData(-1)]
    public async Task CreateToken_accepts_the_expiry_bounds(int days)
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Post, "account/tokens", body: Json("{'status':200,'token':'t'}"));
        using var client = service.CreateClient();

        await client.CreateTokenAsync("ci", days, TestContext.Current.CancellationToken);

        using var body = JsonDocument.Parse(Assert.Single(service.Requests).Body);
        Assert.Equal(days, body.RootElement.GetProperty("expires").GetInt32());
    }
}
