using System.Globalization;
using Microsoft.AspNetCore.Http;
using PluginApis.Emulator.Json;
using PluginApis.Emulator.State;

namespace PluginApis.Emulator.WunderUpdatesApi;

/// <summary>Shared WunderUpdates answers: state → documented envelopes, the message body, licence validation.</summary>
internal static class WuResults
{
    public static IResult PluginNotFound(string slug) => Errors.WuNotFound($"Plugin {slug} not found.");

    public static IResult Message(string message) =>
        Results.Json(new WuStatusMessage(200, message), EmulatorJson.Context.WuStatusMessage);

    public static List<WuPluginDto> AllPlugins(WuAccount account) =>
        account.Plugins.Values.OrderBy(p => p.Slug, StringComparer.Ordinal).Select(Plugin).ToList();

    public static List<WuVersionDto> Versions(WuPlugin plugin) =>
        plugin.VersionsNewestFirst().Select(v => new WuVersionDto(v.File, v.Version)).ToList();

    public static WuPluginDto Plugin(WuPlugin plugin) =>
        new(new WuLicenseDto(plugin.LicenseType, plugin.LicenseType == LicenseTypes.LemonSqueezy ? plugin.Products : null),
            Versions(plugin), plugin.Slug);

    public static WuLicenseKeyDto Key(WuLicenseKey key) =>
        new(key.Key, key.Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static string? ValidateLicense(WuLicenseRequest? license)
    {
        if (license is null || !LicenseTypes.IsKnown(license.Type))
        {
            return "license.type must be static-keys, lemonsqueezy or no-license.";
        }

        if (license.Type == LicenseTypes.LemonSqueezy)
        {
            if (license.Products is not { Count: > 0 } || license.Products.Exists(p => p <= 0))
            {
                return "license.products must list at least one positive Lemon Squeezy product id.";
            }
        }
        else if (license.Products is { Count: > 0 })
        {
            return "license.products is only allowed with type lemonsqueezy.";
        }

        return null;
    }
}
