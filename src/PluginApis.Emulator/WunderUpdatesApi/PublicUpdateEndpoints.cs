using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PluginApis.Emulator.Json;
using PluginApis.Emulator.State;

namespace PluginApis.Emulator.WunderUpdatesApi;

/// <summary>What WordPress sites call (no API key): the update check and the emulator's own download link behind it.</summary>
internal static class PublicUpdateEndpoints
{
    public static void Map(RouteGroupBuilder v1, EmulatorState state, EmulatorOptions options)
    {
        v1.MapGet("/public/{accountPrefix}/plugins/{slug}", IResult (HttpContext context, string accountPrefix, string slug, string? key) =>
            PublicInfo(context, state, options, accountPrefix, slug, null, key));
        v1.MapGet("/public/{accountPrefix}/plugins/{slug}/{channel}", IResult (HttpContext context, string accountPrefix, string slug, string channel, string? key) =>
            PublicInfo(context, state, options, accountPrefix, slug, channel, key));

        v1.MapGet("/public/{accountPrefix}/downloads/{slug}/{file}", IResult (string accountPrefix, string slug, string file, string? key) =>
        {
            lock (state.Gate)
            {
                if (!state.WunderUpdates.AccountsByPrefix.TryGetValue(accountPrefix, out var account) ||
                    !account.Plugins.TryGetValue(slug, out var plugin))
                {
                    return WuResults.PluginNotFound(slug);
                }

                var version = plugin.Versions.Values.FirstOrDefault(v => v.File == file);
                if (version is null)
                {
                    return Errors.WuNotFound("File not found.");
                }

                if (!IsLicenseValid(plugin, key, options.TimeProvider))
                {
                    return Errors.Wu(StatusCodes.Status403Forbidden, "A valid license key is required to download this plugin.");
                }

                return Results.Bytes(version.Zip, "application/zip", version.File);
            }
        });
    }

    private static IResult PublicInfo(
        HttpContext context, EmulatorState state, EmulatorOptions options, string accountPrefix, string slug, string? channel, string? key)
    {
        if (!SemanticVersion.TryParseChannel(channel, out var minimum))
        {
            return Errors.WuBadRequest("channel must be alpha, beta, rc or stable.");
        }

        lock (state.Gate)
        {
            if (!state.WunderUpdates.AccountsByPrefix.TryGetValue(accountPrefix, out var account) ||
                !account.Plugins.TryGetValue(slug, out var plugin))
            {
                return WuResults.PluginNotFound(slug);
            }

            var release = plugin.Versions.Values
                .Select(v => (Version: v, Semver: SemanticVersion.Parse(v.Version)))
                .Where(v => v.Semver.Stability >= minimum)
                .OrderByDescending(v => v.Semver)
                .Select(v => v.Version)
                .FirstOrDefault();
            if (release is null)
            {
                return Errors.WuNotFound($"No release of {slug} in channel {channel ?? "stable"}.");
            }

            var valid = IsLicenseValid(plugin, key, options.TimeProvider);
            string? link = null;
            if (valid)
            {
                var request = context.Request;
                link = $"{request.Scheme}://{request.Host}{request.PathBase}/v1/public/{Uri.EscapeDataString(accountPrefix)}/downloads/" +
                       $"{Uri.EscapeDataString(slug)}/{Uri.EscapeDataString(release.File)}" +
                       (string.IsNullOrEmpty(key) ? string.Empty : "?key=" + Uri.EscapeDataString(key));
            }

            return Results.Json(
                new WuPublicPluginDto(200, release.PluginName, release.Version, release.RequiresAtLeast, release.RequiresPhp, release.TestedUpTo,
                    link, new WuSectionsDto(release.Description, release.Changelog), new WuPublicLicenseDto(valid)),
                EmulatorJson.Context.WuPublicPluginDto);
        }
    }

    /// <summary>no-license: always valid. static-keys: a listed, unexpired key. lemonsqueezy: a key the emulator was seeded with.</summary>
    private static bool IsLicenseValid(WuPlugin plugin, string? key, TimeProvider time)
    {
        switch (plugin.LicenseType)
        {
            case LicenseTypes.NoLicense:
                return true;
            case LicenseTypes.StaticKeys when !string.IsNullOrEmpty(key):
                var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
                return plugin.Keys.Exists(k => k.Key == key && (k.Expires is null || k.Expires >= today));
            case LicenseTypes.LemonSqueezy when !string.IsNullOrEmpty(key):
                return plugin.LemonSqueezyKeys.Contains(key, StringComparer.Ordinal);
            default:
                return false;
        }
    }
}
