using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PluginApis.Http;

namespace PluginTests.Client;

/// <summary>Registers <see cref="IPluginTestsClient"/> with <see cref="IHttpClientFactory"/>.</summary>
public static class PluginTestsServiceCollectionExtensions
{
    /// <summary>The name of the registered HttpClient and of the <see cref="PluginTestsClientOptions"/> instance.</summary>
    public const string HttpClientName = "PluginTests.Client";

    /// <summary>
    /// Registers <see cref="IPluginTestsClient"/> (transient; all instances share one rate-limit memory). The options are
    /// validated at start-up (or at the first resolve) with messages that name the setting.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the API key and other settings.</param>
    /// <returns>The HttpClient builder, to add your own handlers or a primary handler.</returns>
    public static IHttpClientBuilder AddPluginTestsClient(this IServiceCollection services, Action<PluginTestsClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PluginTestsClientOptions>(HttpClientName).Configure(configure);
        return Register(services);
    }

    /// <summary>
    /// Registers <see cref="IPluginTestsClient"/> bound to a configuration section with the keys <c>ApiKey</c>,
    /// <c>BaseAddress</c> and <c>Resilience:*</c> (e.g. <c>Resilience:MaxRetryAttempts</c>). Binding is source-generated (trim-safe).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section, e.g. <c>configuration.GetSection("PluginTests")</c>.</param>
    /// <returns>The HttpClient builder, to add your own handlers or a primary handler.</returns>
    public static IHttpClientBuilder AddPluginTestsClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        // Source-generated binding (see SYSLIB1100/1101 in the csproj: TimeProvider and LoggerFactory are set in code).
        services.AddOptions<PluginTestsClientOptions>(HttpClientName).Bind(configuration);
        return Register(services);
    }

    private static IHttpClientBuilder Register(IServiceCollection services) =>
        ApiClientRegistration.AddApiClient<IPluginTestsClient, PluginTestsClientOptions>(
            services,
            HttpClientName,
            static parts => new PluginTestsClient(parts));
}
