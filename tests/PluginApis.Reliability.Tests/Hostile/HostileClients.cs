using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PluginApis.Http;
using PluginApis.Testing;
using PluginTests.Client;
using WunderUpdates.Client;

namespace PluginApis.Reliability.Tests.Hostile;

/// <summary>
/// Both clients with the canary keys, built one of the three ways (<see cref="Construction"/>) against a hostile server, on
/// a <see cref="ParkingClock"/> (so no timeout fires unless the test advances the clock) and with every log line at Trace,
/// span and metric tag captured.
/// </summary>
internal sealed class HostileClients : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    private HostileClients(Construction how, Uri root, Action<ApiClientOptions>? configure)
    {
        Capture = new TelemetryCapture("PluginApis", "System.Net.Http");
        _owned.Add(Capture);
        void Configure(ApiClientOptions o, string key, string path)
        {
            o.ApiKey = key;
            o.BaseAddress = new Uri(root, path);
            Defaults(o.Resilience, Clock);
            configure?.Invoke(o);
        }

        if (how == Construction.DependencyInjection)
        {
            var services = new ServiceCollection();
            services.AddLogging(b => b.AddProvider(Capture).SetMinimumLevel(LogLevel.Trace));
            services.AddPluginTestsClient(o => Configure(o, Canary.PluginTests, "api/v1/")).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler());
            services.AddWunderUpdatesClient(o => Configure(o, Canary.WunderUpdates, "v1/")).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler());
            var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
            _owned.Add(provider);
            Resolve = () => (provider.GetRequiredService<IPluginTestsClient>(), provider.GetRequiredService<IWunderUpdatesClient>());
        }
        else
        {
            var loggers = LoggerFactory.Create(b => b.AddProvider(Capture).SetMinimumLevel(LogLevel.Trace));
            _owned.Add(loggers);
            Resolve = () =>
            {
                var pt = new PluginTestsClientOptions();
                Configure(pt, Canary.PluginTests, "api/v1/");
                pt.Resilience.LoggerFactory = loggers;
                var wu = new WunderUpdatesClientOptions();
                Configure(wu, Canary.WunderUpdates, "v1/");
                wu.Resilience.LoggerFactory = loggers;
                if (how == Construction.Options)
                {
                    return (new PluginTestsClient(pt), new WunderUpdatesClient(wu));
                }

                var ptTransport = new HttpClientHandler();
                var wuTransport = new HttpClientHandler();
                _owned.Add(ptTransport);
                _owned.Add(wuTransport);
                return (new PluginTestsClient(pt, ptTransport), new WunderUpdatesClient(wu, wuTransport));
            };
        }
    }

    /// <summary>The clock of every wait and timeout of the clients.</summary>
    public ParkingClock Clock { get; } = new();

    /// <summary>Everything logged (Trace and up), every span and metric tag.</summary>
    public TelemetryCapture Capture { get; }

    /// <summary>Builds (or resolves) both clients; throws what construction throws.</summary>
    public Func<(IPluginTestsClient PluginTests, IWunderUpdatesClient WunderUpdates)> Resolve { get; }

    /// <summary>
    /// Three retries without backoff (no timer of its own, so the only timers armed are the ones a test waits for), a 10 s
    /// attempt timeout, no total timeout, the caller's clock.
    /// </summary>
    public static void Defaults(ApiResilienceOptions r, TimeProvider clock)
    {
        r.MaxRetryAttempts = 3;
        r.BaseDelay = TimeSpan.Zero;
        r.MaxBackoffDelay = TimeSpan.Zero;
        r.AttemptTimeout = TimeSpan.FromSeconds(10);
        r.TotalTimeout = Timeout.InfiniteTimeSpan;
        r.TimeProvider = clock;
    }

    public static HostileClients Create(Construction how, HostileServer server, Action<ApiClientOptions>? configure = null) => new(how, server.Root, configure);

    public static HostileClients Create(Construction how, Uri root, Action<ApiClientOptions>? configure = null) => new(how, root, configure);

    /// <summary>Builds both clients and keeps them for disposal.</summary>
    public (IPluginTestsClient PluginTests, IWunderUpdatesClient WunderUpdates) Build()
    {
        var (pt, wu) = Resolve();
        _owned.Add((IDisposable)pt);
        _owned.Add((IDisposable)wu);
        return (pt, wu);
    }

    /// <summary>Asserts that no canary shows in <paramref name="exception"/> (whole chain) nor in anything logged, traced or measured.</summary>
    public void AssertNothingShowsTheKey(Exception? exception = null)
    {
        if (exception is not null)
        {
            var shown = Canary.Shown(exception);
            Assert.False(Canary.IsIn(shown), "The key shows in the exception: " + shown);
        }

        var leaks = Capture.Texts.Where(Canary.IsIn).ToList();
        Assert.True(leaks.Count == 0, "The key shows in telemetry: " + string.Join(Environment.NewLine, leaks.Take(5)));
    }

    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }
    }
}
