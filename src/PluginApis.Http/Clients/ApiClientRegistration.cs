using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PluginApis.Http;

/// <summary>
/// Registers a PluginApis client with <see cref="IHttpClientFactory"/>: validated options (checked at start-up), one caller
/// (pipeline, quota store, rate-limit snapshot) per registration, and the same chain the constructors build — the
/// factory's handlers, the user's (which never see the key), the key handler, then a safe transport.
/// Unnamed registrations use the default options name, so <c>IOptions&lt;TOptions&gt;</c> is what the client uses;
/// named ones are keyed services resolved with <c>[FromKeyedServices(name)]</c>.
/// </summary>
internal static class ApiClientRegistration
{
    public static IHttpClientBuilder Add<TClient, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        IServiceCollection services,
        string? name,
        ApiServiceDefinition service,
        Action<OptionsBuilder<TOptions>> configure,
        Func<ApiClientCore, TOptions, TClient> create)
        where TClient : class
        where TOptions : ApiClientOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        if (name is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
        }

        var optionsName = name ?? Options.DefaultName;
        var clientName = service.Name + ".Client" + (name is null ? string.Empty : ":" + name);
        var optionsBuilder = services.AddOptions<TOptions>(optionsName);
        configure(optionsBuilder);
        optionsBuilder.PostConfigure<IServiceProvider>((options, provider) =>
            {
                options.Resilience.LoggerFactory ??= provider.GetService<ILoggerFactory>();
                options.Resilience.QuotaStore ??= provider.GetKeyedService<IQuotaStore>(clientName);
                if (ReferenceEquals(options.Resilience.TimeProvider, TimeProvider.System) && provider.GetService<TimeProvider>() is { } time)
                {
                    options.Resilience.TimeProvider = time;
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new OptionsValidator<TOptions>(optionsName)));
        services.AddKeyedSingleton(clientName, (provider, _) => new ApiCaller(service, Resolve<TOptions>(provider, optionsName)));
        services.AddSingleton<IHttpMessageHandlerBuilderFilter>(provider =>
            new KeyHandlerFilter(clientName, service.KeyPlacement, () => Resolve<TOptions>(provider, optionsName)));

        var builder = services.AddHttpClient(clientName).ConfigurePrimaryHttpMessageHandler(SafeTransport.Create);
        Func<IServiceProvider, TClient> factory = provider =>
        {
            var options = Resolve<TOptions>(provider, optionsName);
            var httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(clientName);
            return create(ApiClientCore.FromFactory(httpClient, provider.GetRequiredKeyedService<ApiCaller>(clientName)), options);
        };
        if (name is null)
        {
            services.AddTransient(factory);
        }
        else
        {
            services.AddKeyedTransient(name, (provider, _) => factory(provider));
        }

        return builder;
    }

    // The instance a user resolves: IOptions<T>.Value for the unnamed registration (the framework caches it apart from the
    // monitor's default-named instance), IOptionsMonitor<T>.Get(name) for a named one.
    private static TOptions Resolve<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(IServiceProvider provider, string optionsName)
        where TOptions : ApiClientOptions =>
        optionsName == Options.DefaultName
            ? provider.GetRequiredService<IOptions<TOptions>>().Value
            : provider.GetRequiredService<IOptionsMonitor<TOptions>>().Get(optionsName);

    private sealed class OptionsValidator<TOptions>(string name) : IValidateOptions<TOptions>
        where TOptions : ApiClientOptions
    {
        public ValidateOptionsResult Validate(string? optionsName, TOptions options) =>
            optionsName != name ? ValidateOptionsResult.Skip
            : options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors)
            : ValidateOptionsResult.Success;
    }

    // After every other configuration of the client's handlers: make the primary handler safe and put the key handler
    // directly above it, so that no handler a user adds sees the key, whatever order things were registered in.
    private sealed class KeyHandlerFilter(string clientName, ApiKeyPlacement placement, Func<ApiClientOptions> options) : IHttpMessageHandlerBuilderFilter
    {
        public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
        {
            next(builder);
            if (builder.Name != clientName)
            {
                return;
            }

            SafeTransport.Harden(builder.PrimaryHandler);
            var current = options();
            builder.PrimaryHandler = new ApiKeyHandler(placement, current.ApiKey, current.BaseAddress) { InnerHandler = builder.PrimaryHandler };
        };
    }
}
