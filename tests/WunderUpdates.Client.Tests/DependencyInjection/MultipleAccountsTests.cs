using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RichardSzalay.MockHttp;
using Xunit;

namespace WunderUpdates.Client.Tests.DependencyInjection;

/// <summary>
/// Several WunderUpdates accounts in one container (named registrations resolved as keyed services), each with its own key,
/// base address and rate-limit memory; and the options a user resolves are the very instances the clients use.
/// </summary>
public sealed class MultipleAccountsTests : IDisposable
{
    private const string KeyA = "key-of-account-a";
    private const string KeyB = "key-of-account-b";
    private static readonly Uri BaseA = new("https://a.wu.test/v1/");
    private static readonly Uri BaseB = new("https://b.wu.test/v1/");

    private readonly MockHttpMessageHandler _mock = new();
    private readonly ConcurrentQueue<string> _sent = new();

    public MultipleAccountsTests()
    {
        Answer(BaseA, remaining: 41);
        Answer(BaseB, remaining: 7);
    }

    public void Dispose() => _mock.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Records each request as <c>URI key=KEY</c>.</summary>
    private void Answer(Uri baseAddress, int remaining) =>
        _mock.When(HttpMethod.Get, baseAddress + "plugins").Respond(request =>
        {
            _sent.Enqueue(request.RequestUri + " key=" + string.Join(",", request.Headers.GetValues("x-api-key")));
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"status":200,"plugins":[]}""") };
            response.Headers.TryAddWithoutValidation("Ratelimit-Remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return response;
        });

    private static ServiceProvider Build(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private void TwoAccounts(IServiceCollection services)
    {
        services.AddWunderUpdatesClient("a", o => (o.ApiKey, o.BaseAddress) = (KeyA, BaseA)).ConfigurePrimaryHttpMessageHandler(() => _mock);
        services.AddWunderUpdatesClient("b", o => (o.ApiKey, o.BaseAddress) = (KeyB, BaseB)).ConfigurePrimaryHttpMessageHandler(() => _mock);
        services.AddTransient<TwoAccountsConsumer>();
    }

    [Fact]
    public async Task Named_accounts_resolved_by_key_use_their_own_key_base_address_and_rate_limit_memory()
    {
        using var provider = Build(TwoAccounts);
        var consumer = provider.GetRequiredService<TwoAccountsConsumer>();

        await consumer.A.ListPluginsAsync(Ct);
        await consumer.B.ListPluginsAsync(Ct);

        Assert.Equal([BaseA + "plugins key=" + KeyA, BaseB + "plugins key=" + KeyB], _sent);
        Assert.Equal(41, consumer.A.LastRateLimit?.Remaining);
        Assert.Equal(7, consumer.B.LastRateLimit?.Remaining);

        // Every client resolved for one account shares that account's memory, and only that account's.
        Assert.Equal(41, provider.GetRequiredKeyedService<IWunderUpdatesClient>("a").LastRateLimit?.Remaining);
        Assert.Equal(7, provider.GetRequiredKeyedService<IWunderUpdatesClient>("b").LastRateLimit?.Remaining);
        Assert.Null(provider.GetService<IWunderUpdatesClient>()); // no unnamed registration: nothing under no key
    }

    [Fact]
    public async Task The_unnamed_options_a_user_resolves_are_the_instance_the_client_uses()
    {
        using var provider = Build(s => s.AddWunderUpdatesClient(o => (o.ApiKey, o.BaseAddress) = (KeyB, BaseA)).ConfigurePrimaryHttpMessageHandler(() => _mock));

        // Changed on the instance IOptions hands out, before the first client exists.
        var options = provider.GetRequiredService<IOptions<WunderUpdatesClientOptions>>().Value;
        options.BaseAddress = BaseB;
        await provider.GetRequiredService<IWunderUpdatesClient>().ListPluginsAsync(Ct);

        Assert.Equal([BaseB + "plugins key=" + KeyB], _sent);
    }

    [Fact]
    public async Task Named_options_a_user_resolves_from_the_monitor_are_the_instance_that_account_uses()
    {
        using var provider = Build(TwoAccounts);

        var optionsOfB = provider.GetRequiredService<IOptionsMonitor<WunderUpdatesClientOptions>>().Get("b");
        optionsOfB.ApiKey = "key-set-after-registration";
        await provider.GetRequiredKeyedService<IWunderUpdatesClient>("b").ListPluginsAsync(Ct);
        await provider.GetRequiredKeyedService<IWunderUpdatesClient>("a").ListPluginsAsync(Ct);

        Assert.Equal([BaseB + "plugins key=key-set-after-registration", BaseA + "plugins key=" + KeyA], _sent);
    }

    /// <summary>How an application takes two accounts: constructor parameters with <see cref="FromKeyedServicesAttribute"/>.</summary>
    private sealed class TwoAccountsConsumer([FromKeyedServices("a")] IWunderUpdatesClient a, [FromKeyedServices("b")] IWunderUpdatesClient b)
    {
        public IWunderUpdatesClient A { get; } = a;

        public IWunderUpdatesClient B { get; } = b;
    }
}
