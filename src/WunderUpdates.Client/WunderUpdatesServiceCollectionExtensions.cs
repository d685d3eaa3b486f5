using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PluginApis.Http;

namespace WunderUpdates.Client;

/// <summary>Registers <see cref="IWunderUpdatesClient"/> with dependency injection and <see cref="IHttpClientFactory"/>.</summary>
public static class WunderUpdatesServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient (and of the options) the client is registered under.</summary>
    public const string HttpClientName = "WunderUpdates";

    /// <summary>
    /// Registers <see cref="IWunderUpdatesClient"/> configured by <paramref name="configure"/>. The options are validated
    /// at start-up; invalid ones fail with a message naming each problem.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the API key and other options.</param>
    /// <returns>The HttpClient builder, to add your own handlers.</returns>
    public static IHttpClientBuilder AddWunderUpdatesClient(this IServiceCollection services, Action<WunderUpdatesClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(HttpClientName, configure);
        return Register(services);
    }

    /// <summary>
    /// Registers <see cref="IWunderUpdatesClient"/> bound to a configuration section (<c>ApiKey</c>, <c>BaseAddress</c>,
    /// <c>InspectArchivesBeforeUpload</c>, <c>Resilience:MaxRetryAttempts</c>, ...), e.g. <c>configuration.GetSection("WunderUpdates")</c>.
    /// Binding uses generated code (trim and AOT safe).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <returns>The HttpClient builder, to add your own handlers.</returns>
    public static IHttpClientBuilder AddWunderUpdatesClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<WunderUpdatesClientOptions>(HttpClientName, configuration);
        return Register(services);
    }

    private static IHttpClientBuilder Register(IServiceCollection services) =>
        ApiClientRegistration.AddApiClient<IWunderUpdatesClient, WunderUpdatesClientOptions>(
            services,
            HttpClientName,
            parts => new WunderUpdatesClient(parts));
}
