using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PluginApis.Http;

namespace WunderUpdates.Client;

/// <summary>Registers <see cref="IWunderUpdatesClient"/> with <see cref="IHttpClientFactory"/>.</summary>
public static class WunderUpdatesServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient of the unnamed registration (named ones are <c>WunderUpdates.Client:{name}</c>).</summary>
    public const string HttpClientName = WunderUpdatesOperations.Service + ".Client";

    /// <summary>
    /// Registers <see cref="IWunderUpdatesClient"/> (transient; all instances share one pipeline, quota and rate-limit snapshot).
    /// The options are the default-named <see cref="WunderUpdatesClientOptions"/>, validated at start-up (or at the first
    /// resolve) with messages that name the setting. Handlers added to the returned builder never see the API key.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the API key and other settings.</param>
    /// <returns>The HttpClient builder, to add your own handlers or a primary handler (redirects are turned off on it).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder AddWunderUpdatesClient(this IServiceCollection services, Action<WunderUpdatesClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services, name: null, options => options.Configure(configure));
    }

    /// <summary>
    /// Registers <see cref="IWunderUpdatesClient"/> bound to a configuration section with the keys <c>ApiKey</c>,
    /// <c>BaseAddress</c>, <c>InspectArchivesBeforeUpload</c>, <c>MaxResponseBodySize</c> and <c>Resilience:*</c> (e.g. <c>Resilience:MaxRetryAttempts</c>).
    /// Binding is source-generated (trim-safe).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section, e.g. <c>configuration.GetSection("WunderUpdates")</c>.</param>
    /// <returns>The HttpClient builder, to add your own handlers or a primary handler.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder AddWunderUpdatesClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Register(services, name: null, options => options.Bind(configuration));
    }

    /// <summary>
    /// Registers one more WunderUpdates account under <paramref name="name"/>: a keyed <see cref="IWunderUpdatesClient"/>
    /// (resolve it with <c>[FromKeyedServices(name)]</c>) with its own options (named <paramref name="name"/>), pipeline and quota.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The account's name: the service key and the options name.</param>
    /// <param name="configure">Sets the API key and other settings.</param>
    /// <returns>The HttpClient builder of this account.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    public static IHttpClientBuilder AddWunderUpdatesClient(this IServiceCollection services, string name, Action<WunderUpdatesClientOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services, name, options => options.Configure(configure));
    }

    /// <summary>Registers one more WunderUpdates account under <paramref name="name"/>, bound to a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The account's name: the service key and the options name.</param>
    /// <param name="configuration">The section with <c>ApiKey</c>, <c>BaseAddress</c>, <c>Resilience:*</c>.</param>
    /// <returns>The HttpClient builder of this account.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    public static IHttpClientBuilder AddWunderUpdatesClient(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configuration);
        return Register(services, name, options => options.Bind(configuration));
    }

    private static IHttpClientBuilder Register(IServiceCollection services, string? name, Action<Microsoft.Extensions.Options.OptionsBuilder<WunderUpdatesClientOptions>> configure) =>
        ApiClientRegistration.Add<IWunderUpdatesClient, WunderUpdatesClientOptions>(
            services ?? throw new ArgumentNullException(nameof(services)),
            name,
            WunderUpdatesErrors.Service,
            configure,
            static (core, options) => new WunderUpdatesClient(core, options));
}
