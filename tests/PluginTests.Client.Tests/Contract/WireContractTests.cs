using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using PluginApis.Tests.Shared;
using RichardSzalay.MockHttp;

namespace PluginTests.Client.Tests.Contract;

/// <summary>
/// The wire contract of every PluginTests endpoint, against the documented base address <c>https://plugintests.com/api/v1/</c>:
/// one MockHttp expectation per call on the exact absolute URL and verb, built by the named Refit method, the query exactly
/// <c>apiKey</c> once, no request headers, and the body (absent, or JSON compared parsed). Anything else the client sent fails
/// the call (MockHttp's fallback throws its match summary), and every expectation must be used.
/// </summary>
public sealed class WireContractTests : IDisposable
{
    private const string Base = "https://plugintests.com/api/v1/";
    private const string Json = "application/json";

    private readonly MockHttpMessageHandler _mock = new();
    private readonly PluginTestsClient _client;

    public WireContractTests()
    {
        var options = new PluginTestsClientOptions { ApiKey = Harness.ApiKey };
        options.Resilience.MaxRetryAttempts = 0; // one attempt: the contract is what that attempt sends
        _client = new PluginTestsClient(options, _mock);
    }

    public void Dispose()
    {
        _client.Dispose();
        _mock.Dispose();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Expects one request to <see cref="Base"/> + <paramref name="relativePath"/> built by the Refit method the calling test
    /// names in its <see cref="ContractForAttribute"/>, with the key once in the query and no other query or header.
    /// </summary>
    private MockedRequest Expect(HttpMethod method, string relativePath, [CallerMemberName] string test = "")
    {
        var endpoint = typeof(WireContractTests).GetMethod(test)!.GetCustomAttribute<ContractForAttribute>()!.Endpoint;
        return _mock.Expect(method, Base + relativePath)
            .BuiltBy(endpoint)
            .WithOnlyQuery(("apiKey", Harness.ApiKey))
            .WithOnlyHeaders();
    }

    [Fact]
    public void Every_endpoint_of_the_Refit_interface_has_a_contract_test()
    {
        Assert.Equal(15, ContractCoverage.Endpoints(typeof(IPluginTestsApi)).Count);
        ContractCoverage.AssertEveryEndpointHasAContractTest(typeof(IPluginTestsApi), typeof(WireContractTests));
    }

    [Fact, ContractFor(nameof(IPluginTestsApi.GetRoot))]
    public async Task GetRoot_is_GET_of_the_base_address()
    {
        Expect(HttpMethod.Get, string.Empty).WithoutContent().Respond(Json, """{"resources":[],"permissions":[]}""");
        await _client.GetRootAsync(Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IPluginTestsApi.GetPlugin))]
    public async Task GetPlugin_is_GET_plugins_directory_slug_with_each_value_one_escaped_segment()
    {
        Expect(HttpMethod.Get, "plugins/my%20dir/a%2Fb%3Fc%23d").WithoutContent().Respond(Json, Responses.PluginJson);
        await _client.GetPluginAsync("my dir", "a/b?c#d", Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IPluginTestsApi.ListReports))]
    public async Task ListReports_is_GET_plugins_directory_slug_reports()
    {
        Expect(HttpMethod.Get, "plugins/wporg/akismet/reports").WithoutContent().Respond(Json, """{"reports":[]}""");
        await _client.ListReportsAsync("wporg", "akismet", Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IPluginTestsApi.GetReport))]
    public async Task GetReport_is_GET_plugins_directory_slug_reports_reportSlug()
    {
        Expect(HttpMethod.Get, "plugins/wporg/akismet/reports/5.3.1%2Bbuild%2F2").WithoutContent().Respond(Json, """{"slug":"5.3.1+build/2","status":"passed"}""");
        await _client.GetReportAsync("wporg", "akismet", "5.3.1+build/2", Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Theory, ContractFor(nameof(IPluginTestsApi.ListEntities))]
    [InlineData(EntityCollection.Tables, "tables")]
    [InlineData(EntityCollection.Options, "options")]
    public async Task ListEntities_is_GET_plugins_directory_slug_tables_or_options(EntityCollection collection, string segment)
    {
        Expect(HttpMethod.Get, "plugins/wporg/akismet/" + segment).WithoutContent().Respond(Json, $$"""{"{{segment}}":[]}""");
        await _client.ListEntitiesAsync("wporg", "akismet", collection, Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IPluginTestsApi.DeletePlugin))]
    public async Task DeletePlugin_is_DELETE_plugins_directory_slug()
    {
        Expect(HttpMethod.Delete, "plugins/demo/my-plugin").WithoutContent().Respond(HttpStatusCode.NoContent);
        await _client.DeletePluginAsync("demo", "my-plugin", Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IPluginTestsApi.GetCurrentUser))]
    public async Task GetCurrentUser_is_GET_user()
    {
        Expect(HttpMethod.Get, "user").WithoutContent().Respond(Json, """{"id":"user_demo","name":"Demo User"}""");
        await _client.GetCurrentUserAsync(Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IPluginTestsApi.ListUserPlugins))]
    public async Task ListUserPlugins_is_GET_user_plugins()
    {
        Expect(HttpMethod.Get, "user/plugins").WithoutContent().Respond(Json, """{"plugins":[]}""");
        await _client.ListUserPluginsAsync(Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IPluginTestsApi.ListWebhooks))]
    public async Task ListWebhooks_is_GET_user_webhooks()
    {
        Expect(HttpMethod.Get, "user/webhooks").WithoutContent().Respond(Json, """{"webhooks":[]}""");
        await _client.ListWebhooksAsync(Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Theory, ContractFor(nameof(IPluginTestsApi.CreateWebhook))]
    [InlineData(null, """{"url":"https://hooks.example.com/pt?x=1"}""")]
    [InlineData("test_finished", """{"url":"https://hooks.example.com/pt?x=1","eventType":"test_finished"}""")]
    [InlineData("first_test_finished", """{"url":"https://hooks.example.com/pt?x=1","eventType":"first_test_finished"}""")]
    public async Task CreateWebhook_is_POST_user_webhooks_with_url_and_eventType(string? wireValue, string body)
    {
        WebhookEventType? eventType = wireValue is null ? null : new WebhookEventType(wireValue);
        Expect(HttpMethod.Post, "user/webhooks").WithJsonBody(body)
            .Respond(HttpStatusCode.Created, Json, """{"id":"wh_1","url":"https://hooks.example.com/pt?x=1"}""");
        await _client.CreateWebhookAsync(new Uri("https://hooks.example.com/pt?x=1"), eventType, Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IPluginTestsApi.GetWebhook))]
    public async Task GetWebhook_is_GET_user_webhooks_id()
    {
        Expect(HttpMethod.Get, "user/webhooks/wh_1").WithoutContent().Respond(Json, """{"id":"wh_1","url":"https://hooks.example.com/a"}""");
        await _client.GetWebhookAsync("wh_1", Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IPluginTestsApi.DeleteWebhook))]
    public async Task DeleteWebhook_is_DELETE_user_webhooks_id()
    {
        Expect(HttpMethod.Delete, "user/webhooks/wh_1").WithoutContent().Respond(HttpStatusCode.NoContent);
        await _client.DeleteWebhookAsync("wh_1", Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact, ContractFor(nameof(IPluginTestsApi.ListQueue))]
    public async Task ListQueue_is_GET_test_queue()
    {
        Expect(HttpMethod.Get, "test-queue").WithoutContent().Respond(Json, """{"jobs":[]}""");
        await _client.ListQueueAsync(Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Theory, ContractFor(nameof(IPluginTestsApi.EnqueueTest))]
    [InlineData(false, """{"directory":"wporg","slug":"akismet","priority":100,"packageSource":"stable"}""")]
    [InlineData(true, """{"directory":"demo","slug":"my-plugin","priority":500,"packageSource":"direct","downloadUrl":"https://example.com/my-plugin.zip"}""")]
    public async Task EnqueueTest_is_POST_test_queue_with_the_documented_fields(bool direct, string body)
    {
        var request = direct
            ? new EnqueueTestRequest { Directory = "demo", Slug = "my-plugin", Priority = 500, PackageSource = PackageSource.Direct, DownloadUrl = new Uri("https://example.com/my-plugin.zip") }
            : new EnqueueTestRequest { Directory = "wporg", Slug = "akismet" };
        Expect(HttpMethod.Post, "test-queue").WithJsonBody(body).Respond(HttpStatusCode.Created, Json, """{"id":"job_1","status":"queued"}""");
        await _client.EnqueueTestAsync(request, Ct);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Theory, ContractFor(nameof(IPluginTestsApi.ListPluginTables))]
    [InlineData(ActiveInstalls.AtLeast10, "tablesWith10installs.json")]
    [InlineData(ActiveInstalls.AtLeast500, "tablesWith500installs.json")]
    public async Task ListPluginTables_is_GET_tablesWith_n_installs_json(ActiveInstalls activeInstalls, string file)
    {
        Expect(HttpMethod.Get, file).WithoutContent().Respond(Json, """[{"name":"wp_a"},{"name":"wp_b"}]""");
        var names = new List<string?>();
        await foreach (var table in _client.ListPluginTablesAsync(activeInstalls, Ct))
        {
            names.Add(table.Name);
        }

        Assert.Equal(["wp_a", "wp_b"], names);
        _mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task SendRaw_is_the_callers_verb_path_and_json_with_the_key_added_once_outside_Refit()
    {
        _mock.Expect(HttpMethod.Put, Base + "plugins/demo/my-plugin/notes")
            .NotBuiltByRefit()
            .WithOnlyQuery(("page", "2"), ("apiKey", Harness.ApiKey))
            .WithOnlyHeaders()
            .WithJsonBody("""{"note":"ünïcode","n":[1,2]}""", buffered: false)
            .Respond(Json, """{"ok":true}""");
        using var body = JsonDocument.Parse("""{"note":"ünïcode","n":[1,2]}""");

        using var document = await _client.SendRawAsync(HttpMethod.Put, "plugins/demo/my-plugin/notes?page=2&apiKey=caller-value", body.RootElement, Ct);

        Assert.True(document!.RootElement.GetProperty("ok").GetBoolean());
        _mock.VerifyNoOutstandingExpectation();
    }
}
