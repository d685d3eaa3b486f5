using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RichardSzalay.MockHttp;

namespace PluginTests.Client.Tests.DependencyInjection;

/// <summary>
/// Several PluginTests accounts in one container (named registrations resolved as keyed services), each with its own key,
/// base address and rate-limit memory; and the options a user resolves are the very instances the clients use.
/// </summary>
public sealed class MultipleAccountsTests : IDisposable
{
    private const string KeyA = "key-of-account-a";
    private const string KeyB = "key-of-account-b";
    private static readonly Uri BaseA = new("https://a.pt.test/api/v1/");
    private static readonly Uri BaseB = new("https://b.pt.test/api/v1/");

    private readonly MockHttpMessageHandler _mock = new();
    private readonly ConcurrentQueue<string> _sent = new();

    public MultipleAccountsTests()
    {
        Answer(BaseA, remaining: 41);
        Answer(BaseB, remaining: 7);
    }

    public void Dispose() => _mock.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private void Answer(Uri baseAddress, int remaining) =>
        _mock.When(HttpMethod.Get, baseAddress + "user").Respond(request =>
        {
            _sent.Enqueue(request.RequestUri!.OriginalString);
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"u","name":"N"}""") };
            response.Headers.TryAddWithoutValidation("Ratelimit-Remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return response;
        });

    private ServiceProvider Build(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private void TwoAccounts(IServiceCollection services)
    {
        services.AddPluginTestsClient("a", o => (o.ApiKey, o.BaseAddress) = (KeyA, BaseA)).ConfigurePrimaryHttpMessageHandler(() => _mock);
        services.AddPluginTestsClient("b", o => (o.ApiKey, o.BaseAddress) = (KeyB, BaseB)).ConfigurePrimaryHttpMessageHandler(() => _mock);
        services.AddTransient<TwoAccountsConsumer>();
    }

    [Fact]
    public async Task Named_accounts_resolved_by_key_use_their_own_key_base_address_and_rate_limit_memory()
    {
        using var provider = Build(TwoAccounts);
        var consumer = provider.GetRequiredService<TwoAccountsConsumer>();

        await consumer.A.GetCurrentUserAsync(Ct);
        await consumer.B.GetCurrentUserAsync(Ct);

        Assert.Equal([BaseA + "user?apiKey=" + KeyA, BaseB + "user?apiKey=" + KeyB], _sent);
        Assert.Equal(41, consumer.A.LastRateLimit?.Remaining);
        Assert.Equal(7, consumer.B.LastRateLimit?.Remaining);

        // Every client resolved for one account shares that account's memory, and only that account's.
        Assert.Equal(41, provider.GetRequiredKeyedService<IPluginTestsClient>("a").LastRateLimit?.Remaining);
        Assert.Equal(7, provider.GetRequiredKeyedService<IPluginTestsClient>("b").LastRateLimit?.Remaining);
        Assert.Null(provider.GetService<IPluginTestsClient>()); // no unnamed registration: nothing under no key
    }

    [Fact]
    public async Task The_unnamed_options_a_user_resolves_are_the_instance_the_client_uses()
    {
        using var provider = Build(s => s.AddPluginTestsClient(o => (o.ApiKey, o.BaseAddress) = (KeyB, BaseA)).ConfigurePrimaryHttpMessageHandler(() => _mock));

        // Changed on the instance IOptions hands out, before the first client exists.
        var options = provider.GetRequiredService<IOptions<PluginTestsClientOptions>>().Value;
        options.BaseAddress = BaseB;
        await provider.GetRequiredService<IPluginTestsClient>().GetCurrentUserAsync(Ct);

        Assert.Equal([BaseB + "user?apiKey=" + KeyB], _sent);
    }

    [Fact]
    public async Task Named_options_a_user_resolves_from_the_monitor_are_the_instance_that_account_uses()
    {
        using var provider = Build(TwoAccounts);

        var optionsOfB = provider.GetRequiredService<IOptionsMonitor<PluginTestsClientOptions>>().Get("b");
        optionsOfB.ApiKey = "key-set-after-registration";
        await provider.GetRequiredKeyedService<IPluginTestsClient>("b").GetCurrentUserAsync(Ct);
        await provider.GetRequiredKeyedService<IPluginTestsClient>("a").GetCurrentUserAsync(Ct);

        Assert.Equal([BaseB + "user?apiKey=key-set-after-registration", BaseA + "user?apiKey=" + KeyA], _sent);
    }

    /// <summary>How an application takes two accounts: constructor parameters with <see cref="FromKeyedServicesAttribute"/>.</summary>
    private sealed class TwoAccountsConsumer([FromKeyedServices("a")] IPluginTestsClient a, [FromKeyedServices("b")] IPluginTestsClient b)
    {
        public IPluginTestsClient A { get; } = a;

        public IPluginTestsClient B { get; } = b;
    }
}
