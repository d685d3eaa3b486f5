using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using PluginApis.Emulator.Jobs;

namespace PluginApis.Emulator;

/// <summary>
/// A running emulator: both services on one loopback Kestrel port, in memory.
/// <code>
/// await using var emu = await EmulatorHost.StartAsync();
/// var client = new HttpClient { BaseAddress = emu.PluginTestsBaseAddress };
/// </code>
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TestJobRunner _jobs;
    private int _disposed;

    private EmulatorHost(WebApplication app, TestJobRunner jobs, EmulatorOptions options, EmulatorStats stats, Uri baseAddress)
    {
        _app = app;
        _jobs = jobs;
        Options = options;
        Stats = stats;
        BaseAddress = baseAddress;
        PluginTestsBaseAddress = new Uri(baseAddress, "api/v1/");
        WunderUpdatesBaseAddress = new Uri(baseAddress, "v1/");
    }

    /// <summary>The root address, e.g. <c>http://127.0.0.1:54321/</c> (always ends with <c>/</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>PluginTests base address, <c>{BaseAddress}api/v1/</c>; authenticate with <c>?apiKey=</c>.</summary>
    public Uri PluginTestsBaseAddress { get; }

    /// <summary>WunderUpdates base address, <c>{BaseAddress}v1/</c>; authenticate with the <c>x-api-key</c> header.</summary>
    public Uri WunderUpdatesBaseAddress { get; }

    /// <summary>Side-effect and request counters.</summary>
    public EmulatorStats Stats { get; }

    /// <summary>The options this instance runs with (do not change them after start).</summary>
    public EmulatorOptions Options { get; }

    /// <summary>Starts an emulator on <see cref="EmulatorOptions.Url"/> (default: a free port on 127.0.0.1) with fresh seed data.</summary>
    /// <param name="options">Settings; <see langword="null"/> = defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="ArgumentException">An option is out of range (the message names it), e.g. a negative <see cref="EmulatorOptions.MaxUploadBytes"/> or a <see cref="EmulatorOptions.Url"/> that is not an http URL.</exception>
    /// <exception cref="IOException"><see cref="EmulatorOptions.Url"/> names a port that is already in use.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public static async Task<EmulatorHost> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        options.Validate();
        var stats = new EmulatorStats();
        var (app, jobs) = EmulatorApp.Build(EmulatorApp.CreateInProcessBuilder(options), options, stats);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            return new EmulatorHost(app, jobs, options, stats, ListeningAddress(app));
        }
        catch
        {
            await jobs.DisposeAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The public update-check URL a WordPress site calls: <c>/v1/public/{accountPrefix}/plugins/{slug}[/{channel}][?key=]</c>.</summary>
    /// <param name="accountPrefix">Account prefix, e.g. <see cref="EmulatorKeys.WunderUpdatesDemoAccountPrefix"/>.</param>
    /// <param name="slug">Plugin slug.</param>
    /// <param name="channel"><c>alpha</c>, <c>beta</c>, <c>rc</c>, <c>stable</c> or <see langword="null"/> (stable).</param>
    /// <param name="licenseKey">Licence key, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="accountPrefix"/> or <paramref name="slug"/> is null or empty.</exception>
    public Uri PublicUpdateUri(string accountPrefix, string slug, string? channel = null, string? licenseKey = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountPrefix);
        ArgumentException.ThrowIfNullOrEmpty(slug);
        var path = $"public/{Uri.EscapeDataString(accountPrefix)}/plugins/{Uri.EscapeDataString(slug)}" +
                   (channel is null ? string.Empty : "/" + Uri.EscapeDataString(channel)) +
                   (licenseKey is null ? string.Empty : "?key=" + Uri.EscapeDataString(licenseKey));
        return new Uri(WunderUpdatesBaseAddress, path);
    }

    /// <summary>
    /// Completes when the emulator has nothing in flight: no <c>direct</c> test job is still fetching or scanning its package, no
    /// due job is being finished and no webhook POST is waiting for its receiver. Jobs not yet due (by
    /// <see cref="EmulatorOptions.TimeProvider"/>) do not count: with a fake clock, advance it first, then await this.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default) => _jobs.Work.WhenIdleAsync(cancellationToken);

    /// <summary>Stops the server, cancels package downloads and webhook deliveries in flight, and releases its port.</summary>
    /// <returns>Completes when the port is released.</returns>
    /// <remarks>Never throws; a second call does nothing.</remarks>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _jobs.Stop();
        try
        {
            await _app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _jobs.DisposeAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal static Uri ListeningAddress(WebApplication app)
    {
        var address = app.Urls.FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? app.Urls.First();
        // A wildcard host (http://+:5080, http://0.0.0.0:5080) is reachable over loopback.
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]")
        {
            uri.Host = "localhost";
        }

        uri.Path = "/";
        return uri.Uri;
    }
}
