using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PluginApis.Http;

/// <summary>
/// Registers a PluginApis client with <see cref="IHttpClientFactory"/>: validated options (checked at start-up),
/// one <see cref="RateLimitTracker"/> per client, and the handler chain from <see cref="ApiHandlerChain"/> — the same chain the
/// client constructors build. The typed clients' <c>AddXxxClient</c> methods call this; you rarely need it yourself.
/// </summary>
public static class ApiClientRegistration
{
    /// <summary>Registers the client and returns the <see cref="IHttpClientBuilder"/> so callers can add their own handlers.</summary>
    /// <typeparam name="TClient">The client interface.</typeparam>
    /// <typeparam name="TOptions">The client's options type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The HttpClient name (also the options name).</param>
    /// <param name="createClient">Creates the client over the factory's HttpClient.</param>
    public static IHttpClientBuilder AddApiClient<TClient, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IServiceCollection services,
        string name,
        Func<ApiClientParts<TOptions>, TClient> createClient)
        where TClient : class
        where TOptions : ApiClientOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(createClient);

        services.AddOptions<TOptions>(name)
            .PostConfigure<IServiceProvider>((options, provider) =>
            {
                options.Resilience.LoggerFactory ??= provider.GetService<ILoggerFactory>();
                options.Resilience.QuotaStore ??= provider.GetKeyedService<IQuotaStore>(name);
                if (ReferenceEquals(options.Resilience.TimeProvider, TimeProvider.System) && provider.GetService<TimeProvider>() is { } time)
                {
                    options.Resilience.TimeProvider = time;
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new OptionsValidator<TOptions>(name)));
        services.AddKeyedSingleton<RateLimitTracker>(name);

        var builder = services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
        {
            var options = provider.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
            var tracker = provider.GetRequiredKeyedService<RateLimitTracker>(name);
            foreach (var handler in ApiHandlerChain.CreateHandlers(options.Resilience, tracker))
            {
                handlers.Add(handler);
            }
        });

        services.AddTransient(provider =>
        {
            var options = provider.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
            var httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(name);
            return createClient(new ApiClientParts<TOptions>(options, httpClient, provider.GetRequiredKeyedService<RateLimitTracker>(name)));
        });
        return builder;
    }

    private sealed class OptionsValidator<TOptions>(string name) : IValidateOptions<TOptions>
        where TOptions : ApiClientOptions
    {
        public ValidateOptionsResult Validate(string? optionsName, TOptions options) =>
            optionsName != name ? ValidateOptionsResult.Skip
            : options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors)
            : ValidateOptionsResult.Success;
    }
}

/// <summary>What a client needs from dependency injection: its options, the factory's HttpClient and its rate-limit tracker.</summary>
/// <typeparam name="TOptions">The options type.</typeparam>
/// <param name="Options">The validated options.</param>
/// <param name="HttpClient">The HttpClient whose chain already holds the SDK handlers.</param>
/// <param name="Tracker">The client's rate-limit memory.</param>
public sealed record ApiClientParts<TOptions>(TOptions Options, HttpClient HttpClient, RateLimitTracker Tracker)
    where TOptions : ApiClientOptions;
