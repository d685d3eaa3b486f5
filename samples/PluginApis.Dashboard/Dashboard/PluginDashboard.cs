using Microsoft.Extensions.Options;
using PluginTests.Client;
using WunderUpdates.Client;

namespace PluginApis.Dashboard;

/// <summary>Loads the dashboard from both services through the clients registered with dependency injection.</summary>
internal sealed class PluginDashboard(IPluginTestsClient pluginTests, IWunderUpdatesClient wunderUpdates, IOptions<DashboardOptions> options)
{
    /// <summary>Both services' parts, loaded concurrently (the clients are thread-safe and share each key's quota).</summary>
    public async Task<DashboardView> LoadAsync(CancellationToken cancellationToken)
    {
        var tested = LoadPluginTestsAsync(cancellationToken);
        var released = LoadWunderUpdatesAsync(cancellationToken);
        await Task.WhenAll(tested, released).ConfigureAwait(false);
        return new DashboardView(options.Value.Source, await tested.ConfigureAwait(false), await released.ConfigureAwait(false));
    }

    private async Task<IReadOnlyList<TestedPlugin>> LoadPluginTestsAsync(CancellationToken cancellationToken)
    {
        var own = await pluginTests.ListUserPluginsAsync(cancellationToken).ConfigureAwait(false);
        var watched = await Task.WhenAll(options.Value.WatchedPlugins.Select(async path =>
        {
            var parts = path.Split('/', 2);
            return await pluginTests.GetPluginAsync(parts[0], parts.Length > 1 ? parts[1] : string.Empty, cancellationToken).ConfigureAwait(false);
        })).ConfigureAwait(false);

        var plugins = own.Select(p => (Plugin: p, Own: true)).Concat(watched.Select(p => (Plugin: p, Own: false)));
        return await Task.WhenAll(plugins.Select(async entry =>
        {
            var (plugin, isOwn) = entry;
            var directory = plugin.Directory ?? string.Empty;
            var slug = plugin.Slug ?? string.Empty;
            var reports = await pluginTests.ListReportsAsync(directory, slug, cancellationToken).ConfigureAwait(false);
            var latest = reports.OrderByDescending(r => r.TestedAt).FirstOrDefault();
            return new TestedPlugin(directory, slug, plugin.Name, plugin.Version, isOwn, latest is null ? null :
                new ReportSummary(latest.Slug, latest.Status, latest.PluginVersion, latest.TestedAt, latest.WordPressVersion, latest.PhpVersion, latest.Errors.Count));
        })).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<ReleasedPlugin>> LoadWunderUpdatesAsync(CancellationToken cancellationToken)
    {
        var account = await wunderUpdates.GetAccountAsync(cancellationToken).ConfigureAwait(false);
        var plugins = await wunderUpdates.ListPluginsAsync(cancellationToken).ConfigureAwait(false);
        return await Task.WhenAll(plugins.Select(async plugin =>
        {
            // What a WordPress site on the stable channel is offered (the public update check, no API key).
            var update = await wunderUpdates.CheckForUpdateAsync(account.Account.Prefix, plugin.Slug, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new ReleasedPlugin(plugin.Slug, plugin.License?.ToString() ?? "unknown", [.. plugin.Versions.Select(v => v.Version)], update.Version);
        })).ConfigureAwait(false);
    }
}
