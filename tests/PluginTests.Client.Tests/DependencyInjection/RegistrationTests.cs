using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PluginApis.Testing;
using RichardSzalay.MockHttp;

namespace PluginTests.Client.Tests;

/// <summary>AddPluginTestsClient from a delegate and from configuration: a working client with the SDK handler chain, and options checked at start.</summary>
public sealed class RegistrationTests : IDisposable
{
    private readonly MockHttpMessageHandler _mock = new();
    private readonly ParkingClock _time = new();
    private RecordingHandler? _transport;

    public RegistrationTests() =>
        _mock.When(Harness.Url("user")).Respond("application/json", """{"id":"user_demo","name":"Demo User"}""");

    public void Dispose() => _mock.Dispose();

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What reached the primary handler (the factory's transport) of the registered client.</summary>
    private IReadOnlyList<SentRequest> Sent => _transport?.Requests ?? [];

    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("PluginTests:" + v.Key, v.Value)))
            .Build()
            .GetSection("PluginTests");

    private ServiceProvider Build(Func<IServiceCollection, IHttpClientBuilder> register)
    {
        var services = new ServiceCollection();
        register(services).ConfigurePrimaryHttpMessageHandler(() => _transport = new RecordingHandler(_time, _mock));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private async Task AssertWorkingClientAsync(ServiceProvider provider)
    {
        var client = provider.GetRequiredService<IPluginTestsClient>();
        var user = await client.GetCurrentUserAsync(Ct);

        Assert.Equal("user_demo", user.Id);
        var sent = Assert.Single(Sent);
        Assert.Equal("user", sent.RelativePath);
        sent.AssertOnlyApiKey(); // added by the SDK's handler in the factory chain, exactly once
    }

    [Fact]
    public async Task Delegate_registration_resolves_a_client_that_adds_the_key_once()
    {
        using var provider = Build(s => s.AddPluginTestsClient(o =>
        {
            o.ApiKey = Harness.ApiKey;
            o.BaseAddress = Harness.BaseAddress;
        }));

        await AssertWorkingClientAsync(provider);
    }

    [Fact]
    public async Task Configuration_registration_binds_key_base_address_and_resilience()
    {
        using var provider = Build(s => s.AddPluginTestsClient(Config(
            ("ApiKey", Harness.ApiKey),
            ("BaseAddress", Harness.BaseAddress.AbsoluteUri),
            ("Resilience:MaxRetryAttempts", "0"),
            ("Resilience:MaxRateLimitWait", "00:00:07"))));

        await AssertWorkingClientAsync(provider);

        // The options a user resolves are the ones the client uses: the default-named instance.
        var options = provider.GetRequiredService<IOptions<PluginTestsClientOptions>>().Value;
        Assert.Equal(Harness.ApiKey, options.ApiKey);
        Assert.Equal(Harness.BaseAddress, options.BaseAddress);
        Assert.Equal(0, options.Resilience.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(7), options.Resilience.MaxRateLimitWait);
    }

    [Fact]
    public async Task Configured_resilience_reaches_the_pipeline()
    {
        _mock.When(Harness.Url("plugins/wporg/akismet")).Respond(HttpStatusCode.ServiceUnavailable);
        using var provider = Build(s => s.AddPluginTestsClient(Config(
            ("ApiKey", Harness.ApiKey),
            ("BaseAddress", Harness.BaseAddress.AbsoluteUri),
            ("Resilience:MaxRetryAttempts", "0"))));

        var client = provider.GetRequiredService<IPluginTestsClient>();
        var ex = await Assert.ThrowsAsync<PluginTestsException>(() => client.GetPluginAsync("wporg", "akismet", Ct));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Single(Sent);
    }

    [Fact]
    public async Task Factory_chain_retries_a_429_on_the_containers_clock()
    {
        _mock.Expect(Harness.Url("plugins/wporg/akismet")).Respond(_ => Responses.Json(HttpStatusCode.TooManyRequests, "{}", ("Ratelimit-Reset", "3")));
        _mock.Expect(Harness.Url("plugins/wporg/akismet")).Respond("application/json", Responses.PluginJson);
        using var provider = Build(s => s.AddSingleton<TimeProvider>(_time).AddPluginTestsClient(o =>
        {
            o.ApiKey = Harness.ApiKey;
            o.BaseAddress = Harness.BaseAddress;

            // No timeouts: the only timer on the container's clock is the wait under test, so the clock can be advanced by exactly it.
            o.Resilience.AttemptTimeout = Timeout.InfiniteTimeSpan;
            o.Resilience.TotalTimeout = Timeout.InfiniteTimeSpan;
        }));

        var call = provider.GetRequiredService<IPluginTestsClient>().GetPluginAsync("wporg", "akismet", Ct);

        Assert.Equal([TimeSpan.FromSeconds(3)], await _time.RunAsync(call)); // the container's clock, parked on exactly the announced reset
        Assert.Equal("akismet", (await call).Slug);
        Assert.Equal(2, Sent.Count);
        Assert.All(Sent, r => r.AssertOnlyApiKey());
        Assert.Equal(TimeSpan.FromSeconds(3), Sent[1].At - Sent[0].At);
    }

    [Fact]
    public async Task Clients_resolved_from_one_container_share_the_rate_limit_memory()
    {
        _mock.Clear();
        _mock.When(Harness.Url("user")).Respond(_ => Responses.Json(HttpStatusCode.OK, "{}", ("Ratelimit-Remaining", "41")));
        using var provider = Build(s => s.AddPluginTestsClient(o =>
        {
            o.ApiKey = Harness.ApiKey;
            o.BaseAddress = Harness.BaseAddress;
        }));

        await provider.GetRequiredService<IPluginTestsClient>().GetCurrentUserAsync(Ct);

        Assert.Equal(41, provider.GetRequiredService<IPluginTestsClient>().LastRateLimit?.Remaining);
    }

    [Fact]
    public void Default_base_address_is_the_public_service()
    {
        using var provider = Build(s => s.AddPluginTestsClient(o => o.ApiKey = "k"));
        // The options a user resolves are the ones the client uses: the default-named instance.
        var options = provider.GetRequiredService<IOptions<PluginTestsClientOptions>>().Value;
        Assert.Equal(new Uri("https://plugintests.com/api/v1/"), options.BaseAddress);
    }

    public static TheoryData<string, string, Func<IServiceCollection, IHttpClientBuilder>> InvalidRegistrations => new()
    {
        { "missing key (delegate)", "ApiKey", s => s.AddPluginTestsClient(_ => { }) },
        { "missing key (configuration)", "ApiKey", s => s.AddPluginTestsClient(Config(("BaseAddress", "https://pt.test/api/v1/"))) },
        { "relative base address (delegate)", "BaseAddress", s => s.AddPluginTestsClient(o => { o.ApiKey = "k"; o.BaseAddress = new Uri("api/v1/", UriKind.Relative); }) },
        { "relative base address (configuration)", "BaseAddress", s => s.AddPluginTestsClient(Config(("ApiKey", "k"), ("BaseAddress", "api/v1/"))) },
        { "negative retries (delegate)", "Resilience:MaxRetryAttempts", s => s.AddPluginTestsClient(o => { o.ApiKey = "k"; o.Resilience.MaxRetryAttempts = -1; }) },
        { "negative retries (configuration)", "Resilience:MaxRetryAttempts", s => s.AddPluginTestsClient(Config(("ApiKey", "k"), ("Resilience:MaxRetryAttempts", "-1"))) },
    };

    [Theory]
    [MemberData(nameof(InvalidRegistrations))]
    public void Invalid_options_fail_at_resolve_naming_the_setting(string @case, string setting, Func<IServiceCollection, IHttpClientBuilder> register)
    {
        using var provider = Build(register);

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IPluginTestsClient>());

        Assert.True(ex.Message.Contains(setting, StringComparison.Ordinal), $"{@case}: '{ex.Message}' does not name {setting}.");
        Assert.Empty(Sent);
    }

    [Theory]
    [MemberData(nameof(InvalidRegistrations))]
    public void Invalid_options_fail_at_start_naming_the_setting(string @case, string setting, Func<IServiceCollection, IHttpClientBuilder> register)
    {
        using var provider = Build(register);

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.True(ex.Message.Contains(setting, StringComparison.Ordinal), $"{@case}: '{ex.Message}' does not name {setting}.");
    }

    [Fact]
    public void Registration_returns_the_builder_of_the_named_client()
    {
        var services = new ServiceCollection();
        var builder = services.AddPluginTestsClient(o => o.ApiKey = "k");
        Assert.Equal(PluginTestsServiceCollectionExtensions.HttpClientName, builder.Name);
        Assert.Throws<ArgumentNullException>(() => services.AddPluginTestsClient((Action<PluginTestsClientOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => services.AddPluginTestsClient((IConfiguration)null!));
    }
}
