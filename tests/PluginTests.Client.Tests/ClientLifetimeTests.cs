using Microsoft.Extensions.DependencyInjection;
using RichardSzalay.MockHttp;

namespace PluginTests.Client.Tests;

/// <summary>Disposal as documented: a second Dispose does nothing, whether the client owns its HttpClient or the factory does.</summary>
public sealed class ClientLifetimeTests
{
    [Fact]
    public void Disposing_a_constructed_client_twice_does_nothing_the_second_time()
    {
        using var mock = new MockHttpMessageHandler();
        var client = new PluginTestsClient(new PluginTestsClientOptions { ApiKey = Harness.ApiKey }, mock);

        client.Dispose();
        client.Dispose();
    }

    [Fact]
    public void Disposing_a_client_from_the_container_twice_does_nothing_the_second_time()
    {
        var services = new ServiceCollection();
        services.AddPluginTestsClient(o => o.ApiKey = Harness.ApiKey);
        using var provider = services.BuildServiceProvider();
        var client = (PluginTestsClient)provider.GetRequiredService<IPluginTestsClient>();

        client.Dispose();
        client.Dispose();
    }
}
