using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PluginApis.Http;
using StackExchange.Redis;

namespace PluginApis.Quota.Redis;

/// <summary>Shares a registered client's quota through Redis.</summary>
public static class RedisQuotaHttpClientBuilderExtensions
{
    /// <summary>
    /// Makes the client registered by <paramref name="builder"/> (<c>AddPluginTestsClient</c>, <c>AddWunderUpdatesClient</c>)
    /// draw on a <see cref="RedisQuotaStore"/> over the container's <see cref="IConnectionMultiplexer"/>, so every process
    /// using the same API key shares one quota. The container's <see cref="TimeProvider"/>, if any, is the store's clock.
    /// A <c>Resilience.QuotaStore</c> set explicitly in the client's options wins.
    /// </summary>
    /// <param name="builder">The builder the client registration returned.</param>
    /// <param name="configure">Adjusts the store's settings; null for the defaults.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <remarks>Resolving the client fails with <see cref="InvalidOperationException"/> when no <see cref="IConnectionMultiplexer"/> is registered.</remarks>
    public static IHttpClientBuilder UseRedisQuotaStore(this IHttpClientBuilder builder, Action<RedisQuotaStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddKeyedSingleton<IQuotaStore>(builder.Name, (provider, _) =>
        {
            var options = new RedisQuotaStoreOptions();
            if (provider.GetService<TimeProvider>() is { } time)
            {
                options.TimeProvider = time;
            }

            configure?.Invoke(options);
            return new RedisQuotaStore(provider.GetRequiredService<IConnectionMultiplexer>(), options);
        });
        return builder;
    }
}
