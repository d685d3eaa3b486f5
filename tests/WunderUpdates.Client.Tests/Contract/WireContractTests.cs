using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using PluginApis.Tests.Shared;
using RichardSzalay.MockHttp;
using Xunit;

namespace WunderUpdates.Client.Tests.Contract;

/// <summary>
/// The wire contract of every WunderUpdates endpoint, against the documented base address <c>https://api.wunderupdates.com/v1/</c>:
/// one MockHttp expectation per call on the exact absolute URL and verb, built by the named Refit method, no query string,
/// the <c>x-api-key</c> header exactly once and no other request header (none at all on the public update check), and the
/// body (absent, JSON compared parsed, or the raw ZIP). Anything else the client sent fails the call, and every expectation
/// must be used. Account, token, licence-key and update-check routes: <c>WireContractTests.Account.cs</c>.
/// </summary>
public sealed partial class WireContractTests : IDisposable
{
    private const string Base = "https://api.wunderupdates.com/v1/";
    private const string Key = "wu-secret-key-4711";
    private const string KeyHeader = "x-api-key";
    private const string Json = "application/json";
    private const string PluginJson = """{"slug":"my-plugin","license":{"type":"static-keys"},"versions":[]}""";

    private readonly MockHttpMessageHandler _mock = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("wu-contract-").FullName;
    private readonly WunderUpdatesClient _client;

    public WireContractTests()
    {
        var options = new WunderUpdatesClientOptions { ApiKey = Key, InspectArchivesBeforeUpload = false };
        options.Resilience.MaxRetryAttempts = 0; // one attempt: the contract is what that attempt sends
        _client = new WunderUpdatesClient(options, _mock);
    }

    public void Dispose()
    {
        _client.Dispose();
        _mock.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Expects one keyed request: no query, the key header once and, besides <paramref name="extraHeaders"/>, no other header.</summary>
    private MockedRequest Expect(HttpMethod method, string relativePath, string[]? extraHeaders = null, [CallerMemberName] string test = "") =>
        ExpectRoute(method, relativePath, test)
            .WithOnlyQuery()
            .WithOnlyHeaders([KeyHeader, .. extraHeaders ?? []])
            .WithHeaders(KeyHeader, Key);

    /// <summary>Expects one request to <see cref="Base"/> + <paramref name="relativePath"/> built by the Refit method the test names.</summary>
    private MockedRequest ExpectRoute(HttpMethod method, string relativePath, [CallerMemberName] string test = "")
    {
        var endpoint = typeof(WireContractTests).GetMethod(test)!.GetCustomAttribute<ContractForAttribute>()!.Endpoint;
        return _mock.Expect(method, Base + relativePath).BuiltBy(endpoint);
    }

    [Fact]
    public void Every_endpoint_of_the_Refit_interface_has_a_contract_test()
    {
        // 20 documented endpoints; the public update check is two routes (with and without a channel segment).
        var routes = ContractCoverage.Endpoints(typeof(IWunderUpdatesApi));
        Assert.Equal(21, routes.Count);
        Assert.Equal(2, routes.Count(r => r.GetCustomAttribute<Refit.GetAttribute>()?.Path.StartsWith("/public/", StringComparison.Ordinal) == true));
        ContractCoverage.AssertEveryEndpointHasAContractTest(typeof(IWunderUpdatesApi), typeof(WireContractTests));
    }

    [Fact, ContractFor(nameof(IWunderUpdatesApi.ListPlugins))]
    public async Task ListPlugins_is_GET_plugins()
    {
        Expect(HttpMethod.Get, "plugins").WithoutContent().Respond(Json, """{"status":200,"plugins":[]}""");
        await _client.ListPluginsAsync(Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IWunderUpdatesApi.CreatePlugin))]
    public async Task CreatePlugin_is_POST_plugins_with_slug_and_license()
    {
        Expect(HttpMethod.Post, "plugins").WithJsonBody("""{"slug":"my-plugin","license":{"type":"lemonsqueezy","products":[12345,678]}}""")
            .Respond(Json, $$"""{"status":200,"data":[{{PluginJson}}]}""");
        await _client.CreatePluginAsync("my-plugin", License.LemonSqueezy(12345, 678), Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IWunderUpdatesApi.GetPlugin))]
    public async Task GetPlugin_is_GET_plugins_slug_as_one_escaped_segment()
    {
        Expect(HttpMethod.Get, "plugins/a%2Fb%3Fc%20d").WithoutContent().Respond(Json, $$"""{"status":200,"plugin":{{PluginJson}}}""");
        await _client.GetPluginAsync("a/b?c d", Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IWunderUpdatesApi.UpdateLicense))]
    public async Task UpdateLicense_is_PUT_plugins_slug_with_the_license_only()
    {
        Expect(HttpMethod.Put, "plugins/my-plugin").WithJsonBody("""{"license":{"type":"no-license"}}""")
            .Respond(Json, $$"""{"status":200,"plugin":{{PluginJson}}}""");
        await _client.UpdateLicenseAsync("my-plugin", License.NoLicense, Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IWunderUpdatesApi.DeletePlugin))]
    public async Task DeletePlugin_is_DELETE_plugins_slug()
    {
        Expect(HttpMethod.Delete, "plugins/my-plugin").WithoutContent().Respond(Json, """{"status":200,"message":"Plugin my-plugin was deleted"}""");
        await _client.DeletePluginAsync("my-plugin", Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IWunderUpdatesApi.ListVersions))]
    public async Task ListVersions_is_GET_plugins_slug_versions()
    {
        Expect(HttpMethod.Get, "plugins/my-plugin/versions").WithoutContent().Respond(Json, """{"status":200,"versions":[]}""");
        await _client.ListVersionsAsync("my-plugin", Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Theory, ContractFor(nameof(IWunderUpdatesApi.UploadVersion))]
    [InlineData(630, false)]
    [InlineData(1024 * 1024, false)]
    [InlineData((1024 * 1024) + 1, true)]
    public async Task UploadVersion_is_POST_plugins_slug_versions_with_the_raw_zip_and_100_continue_above_1_MiB(int size, bool expectContinue)
    {
        var zip = new byte[size];
        new Random(size).NextBytes(zip);
        var path = Path.Combine(_directory, "my-plugin.zip");
        await File.WriteAllBytesAsync(path, zip, Ct);
        var request = Expect(HttpMethod.Post, "plugins/my-plugin/versions", expectContinue ? ["Expect"] : null).WithBytes(zip, "application/zip");
        if (expectContinue)
        {
            request.WithHeaders("Expect", "100-continue");
        }

        request.Respond(Json, """{"status":200,"message":"Zip archive uploaded successfully."}""");
        await _client.UploadVersionAsync("my-plugin", path, cancellationToken: Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IWunderUpdatesApi.GetVersion))]
    public async Task GetVersion_is_GET_plugins_slug_versions_version()
    {
        Expect(HttpMethod.Get, "plugins/my-plugin/versions/2.0.0%2Bbuild%2F1").WithoutContent()
            .Respond(Json, """{"status":200,"version":{"file":"f.zip","version":"2.0.0+build/1"}}""");
        await _client.GetVersionAsync("my-plugin", "2.0.0+build/1", Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IWunderUpdatesApi.DeleteVersion))]
    public async Task DeleteVersion_is_DELETE_plugins_slug_versions_version()
    {
        Expect(HttpMethod.Delete, "plugins/my-plugin/versions/2.0.0-beta.2").WithoutContent().Respond(Json, """{"status":200,"message":"deleted"}""");
        await _client.DeleteVersionAsync("my-plugin", "2.0.0-beta.2", Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task SendRaw_is_the_callers_verb_path_query_and_json_with_the_key_header_once_outside_Refit()
    {
        _mock.Expect(HttpMethod.Post, Base + "plugins/my-plugin/stats")
            .NotBuiltByRefit()
            .WithOnlyQuery(("range", "30d"))
            .WithOnlyHeaders(KeyHeader)
            .WithHeaders(KeyHeader, Key)
            .WithJsonBody("""{"from":"2026-01-01","ids":[1,2]}""", buffered: false)
            .Respond(Json, """{"status":200,"downloads":3}""");
        using var body = JsonDocument.Parse("""{"from":"2026-01-01","ids":[1,2]}""");

        using var document = await _client.SendRawAsync(HttpMethod.Post, "plugins/my-plugin/stats?range=30d", body.RootElement, Ct);

        Assert.Equal(3, document!.RootElement.GetProperty("downloads").GetInt32());
        _mock.VerifyNoOutstandingExpectation();
    }
}
