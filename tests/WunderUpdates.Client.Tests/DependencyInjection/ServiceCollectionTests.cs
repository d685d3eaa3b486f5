using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RichardSzalay.MockHttp;
using Xunit;

namespace WunderUpdates.Client.Tests.DependencyInjection;

public class ServiceCollectionTests
{
    private const string Key = "di-secret-key";

    private static MockHttpMessageHandler PluginsEndpoint(string baseAddress, List<string[]> seenKeys)
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, baseAddress + "plugins").Respond(request =>
        {
            seenKeys.Add(request.Headers.TryGetValues("x-api-key", out var values) ? values.ToArray() : []);
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new StringContent("{\"status\":200,\"plugins\":[{\"slug\":\"from-di\",\"license\":{\"type\":\"no-license\"},\"versions\":[]}]}"),
            };
        });
        return mock;
    }

    [Fact]
    public async Task Registered_with_a_delegate_the_client_sends_the_key_once_through_the_factory()
    {
        var seenKeys = new List<string[]>();
        using var mock = PluginsEndpoint("https://api.wunderupdates.com/v1/", seenKeys);
        var services = new ServiceCollection();
        services.AddWunderUpdatesClient(o => o.ApiKey = Key).ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IWunderUpdatesClient>();
        var plugins = await client.ListPluginsAsync(TestContext.Current.CancellationToken);

        Assert.Equal("from-di", Assert.Single(plugins).Slug);
        Assert.Equal([Key], Assert.Single(seenKeys));
    }

    [Fact]
    public async Task Registered_from_configuration_every_option_is_bound()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WunderUpdates:ApiKey"] = Key,
            ["WunderUpdates:BaseAddress"] = "http://localhost:5099/v1/",
            ["WunderUpdates:InspectArchivesBeforeUpload"] = "false",
            ["WunderUpdates:Resilience:MaxRetryAttempts"] = "5",
            ["WunderUpdates:Resilience:MaxRateLimitWait"] = "00:00:10",
        }).Build();
        var seenKeys = new List<string[]>();
        using var mock = PluginsEndpoint("http://localhost:5099/v1/", seenKeys);
        var services = new ServiceCollection();
        services.AddWunderUpdatesClient(configuration.GetSection("WunderUpdates")).ConfigurePrimaryHttpMessageHandler(() => mock);
        using var provider = services.BuildServiceProvider();

        // The options a user resolves are the ones the client uses: the default-named instance.
        var options = provider.GetRequiredService<IOptions<WunderUpdatesClientOptions>>().Value;
        var client = provider.GetRequiredService<IWunderUpdatesClient>();
        await client.ListPluginsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Key, options.ApiKey);
        Assert.Equal(new Uri("http://localhost:5099/v1/"), options.BaseAddress);
        Assert.False(options.InspectArchivesBeforeUpload);
        Assert.Equal(5, options.Resilience.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Resilience.MaxRateLimitWait);
        Assert.Equal([Key], Assert.Single(seenKeys));
    }

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var options = new WunderUpdatesClientOptions();

        Assert.Equal(new Uri("https://api.wunderupdates.com/v1/"), options.BaseAddress);
        Assert.True(options.InspectArchivesBeforeUpload);
        Assert.Equal(string.Empty, options.ApiKey);
    }

    [Fact]
    public void Invalid_options_fail_with_a_message_naming_each_problem()
    {
        var services = new ServiceCollection();
        services.AddWunderUpdatesClient(o =>
        {
            o.ApiKey = " ";
            o.Resilience.MaxRetryAttempts = 50;
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IWunderUpdatesClient>());

        Assert.Contains("WunderUpdatesClientOptions.ApiKey is missing", ex.Message);
        Assert.Contains("MaxRetryAttempts must be between 0 and 10", ex.Message);
    }

    [Fact]
    public void Invalid_configuration_fails_with_a_clear_message()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ApiKey"] = Key,
            ["BaseAddress"] = "/relative/",
        }).Build();
        var services = new ServiceCollection();
        services.AddWunderUpdatesClient(configuration);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IWunderUpdatesClient>());

        Assert.Contains("BaseAddress must be an absolute http(s) URI", ex.Message);
    }

    [Fact]
    public void The_constructors_validate_the_options_too()
    {
        var missingKey = Assert.Throws<ArgumentException>(() => new WunderUpdatesClient(string.Empty));
        Assert.Contains("ApiKey is missing", missingKey.Message);

        Assert.Throws<ArgumentNullException>(() => new WunderUpdatesClient((WunderUpdatesClientOptions)null!));
        Assert.Throws<ArgumentNullException>(() => new WunderUpdatesClient(new WunderUpdatesClientOptions { ApiKey = Key }, null!));
        using var client = new WunderUpdatesClient(Key);
        Assert.Null(client.LastRateLimit);
    }
}
