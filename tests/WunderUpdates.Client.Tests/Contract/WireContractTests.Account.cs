using PluginApis.Tests.Shared;
using RichardSzalay.MockHttp;
using Xunit;

namespace WunderUpdates.Client.Tests.Contract;

/// <summary>The wire contract of the account, token, licence-key and public update-check routes.</summary>
public sealed partial class WireContractTests
{
    private const string UpdateJson = """{"plugin_name":"My Plugin","version":"2.0.0","sections":{},"license":{"valid":true}}""";

    [Fact, ContractFor(nameof(IWunderUpdatesApi.GetAccount))]
    public async Task GetAccount_is_GET_account()
    {
        Expect(HttpMethod.Get, "account").WithoutContent()
            .Respond(Json, """{"status":200,"account":{"prefix":"abcde123"},"products":{"themes":[],"plugins":[]}}""");
        await _client.GetAccountAsync(Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IWunderUpdatesApi.GetAccountLicense))]
    public async Task GetAccountLicense_is_GET_account_license()
    {
        Expect(HttpMethod.Get, "account/license").WithoutContent().Respond(Json, """{"status":200,"license":{"limit":10}}""");
        await _client.GetAccountLicenseAsync(Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IWunderUpdatesApi.ActivateAccountLicense))]
    public async Task ActivateAccountLicense_is_POST_account_license_with_the_key()
    {
        Expect(HttpMethod.Post, "account/license").WithJsonBody("""{"license":"PLAN-KEY-1"}""").Respond(Json, """{"status":200,"message":"License activated."}""");
        await _client.ActivateAccountLicenseAsync("PLAN-KEY-1", Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IWunderUpdatesApi.ListTokens))]
    public async Task ListTokens_is_GET_account_tokens()
    {
        Expect(HttpMethod.Get, "account/tokens").WithoutContent().Respond(Json, """{"status":200,"tokens":[]}""");
        await _client.ListTokensAsync(Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IWunderUpdatesApi.CreateToken))]
    public async Task CreateToken_is_POST_account_tokens_with_name_and_expires()
    {
        Expect(HttpMethod.Post, "account/tokens").WithJsonBody("""{"name":"ci-deploy.1","expires":-1}""").Respond(Json, """{"status":200,"token":"t"}""");
        await _client.CreateTokenAsync("ci-deploy.1", -1, Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IWunderUpdatesApi.ListLicenseKeys))]
    public async Task ListLicenseKeys_is_GET_plugins_slug_license_keys()
    {
        Expect(HttpMethod.Get, "plugins/my-plugin/license/keys").WithoutContent().Respond(Json, """{"status":200,"keys":[]}""");
        await _client.ListLicenseKeysAsync("my-plugin", Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IWunderUpdatesApi.ReplaceLicenseKeys))]
    public async Task ReplaceLicenseKeys_is_POST_plugins_slug_license_keys_with_the_whole_list()
    {
        Expect(HttpMethod.Post, "plugins/my-plugin/license/keys")
            .WithJsonBody("""{"keys":[{"key":"AAA-1","expires":null},{"key":"BBB-2","expires":"2026-01-05"}]}""")
            .Respond(Json, """{"status":200,"message":"Keys saved."}""");
        await _client.ReplaceLicenseKeysAsync("my-plugin", [new LicenseKey("AAA-1"), new LicenseKey("BBB-2", new DateOnly(2026, 1, 5))], Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IWunderUpdatesApi.AddLicenseKey))]
    public async Task AddLicenseKey_is_PUT_plugins_slug_license_keys_with_one_key()
    {
        Expect(HttpMethod.Put, "plugins/my-plugin/license/keys").WithJsonBody("""{"key":"CCC-3","expires":"2027-02-28"}""")
            .Respond(Json, """{"status":200,"message":"Key added."}""");
        await _client.AddLicenseKeyAsync("my-plugin", new LicenseKey("CCC-3", new DateOnly(2027, 2, 28)), Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IWunderUpdatesApi.GetLicenseKey))]
    public async Task GetLicenseKey_is_GET_plugins_slug_license_keys_key_as_one_escaped_segment()
    {
        Expect(HttpMethod.Get, "plugins/my-plugin/license/keys/A%2FB%20C").WithoutContent()
            .Respond(Json, """{"status":200,"license-key":{"key":"A/B C","expires":null}}""");
        await _client.GetLicenseKeyAsync("my-plugin", "A/B C", Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IWunderUpdatesApi.DeleteLicenseKey))]
    public async Task DeleteLicenseKey_is_DELETE_plugins_slug_license_keys_key()
    {
        Expect(HttpMethod.Delete, "plugins/my-plugin/license/keys/AAA-1").WithoutContent().Respond(Json, """{"status":200,"message":"Key deleted."}""");
        await _client.DeleteLicenseKeyAsync("my-plugin", "AAA-1", Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Theory, ContractFor(nameof(IWunderUpdatesApi.CheckForUpdate))]
    [InlineData(null)]
    [InlineData("LIC+1 26")]
    public async Task CheckForUpdate_is_GET_public_prefix_plugins_slug_without_the_API_key(string? licenseKey)
    {
        ExpectRoute(HttpMethod.Get, "public/abcde123/plugins/my-plugin")
            .WithOnlyQuery(licenseKey is null ? [] : [("key", licenseKey)])
            .WithOnlyHeaders()
            .WithoutContent()
            .Respond(Json, UpdateJson);
        await _client.CheckForUpdateAsync("abcde123", "my-plugin", channel: null, licenseKey, Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Theory, ContractFor(nameof(IWunderUpdatesApi.CheckForUpdateOnChannel))]
    [InlineData(ReleaseChannel.Alpha, "alpha", null)]
    [InlineData(ReleaseChannel.Beta, "beta", "LIC+1 26")]
    [InlineData(ReleaseChannel.Rc, "rc", null)]
    [InlineData(ReleaseChannel.Stable, "stable", "LIC-2")]
    public async Task CheckForUpdateOnChannel_is_GET_public_prefix_plugins_slug_channel_without_the_API_key(ReleaseChannel channel, string segment, string? licenseKey)
    {
        ExpectRoute(HttpMethod.Get, "public/abcde123/plugins/my-plugin/" + segment)
            .WithOnlyQuery(licenseKey is null ? [] : [("key", licenseKey)])
            .WithOnlyHeaders()
            .WithoutContent()
            .Respond(Json, UpdateJson);
        await _client.CheckForUpdateAsync("abcde123", "my-plugin", channel, licenseKey, Ct);
        _mock.VerifyNoOutstandingExpectation();
    }
}
