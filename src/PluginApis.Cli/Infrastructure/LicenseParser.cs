using System.Globalization;
using WunderUpdates.Client;

namespace PluginApis.Cli;

/// <summary>Reads <c>--license</c>: <c>static-keys</c>, <c>no-license</c> or <c>lemonsqueezy:ID[,ID…]</c>.</summary>
internal static class LicenseParser
{
    public const string Syntax = "static-keys, no-license or lemonsqueezy:ID[,ID...]";

    public static bool TryParse(string? text, out License? license, out string? error)
    {
        license = null;
        error = null;
        var value = text?.Trim() ?? string.Empty;
        if (value.Equals("static-keys", StringComparison.OrdinalIgnoreCase))
        {
            license = License.StaticKeys;
            return true;
        }

        if (value.Equals("no-license", StringComparison.OrdinalIgnoreCase))
        {
            license = License.NoLicense;
            return true;
        }

        const string prefix = "lemonsqueezy:";
        if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            var ids = new List<long>();
            foreach (var part in value[prefix.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
                {
                    error = $"'{part}' is not a Lemon Squeezy product id (a positive integer).";
                    return false;
                }

                ids.Add(id);
            }

            if (ids.Count is > 0 and <= License.MaxProducts)
            {
                license = License.LemonSqueezy([.. ids]);
                return true;
            }

            error = $"lemonsqueezy needs 1 to {License.MaxProducts} product ids, e.g. lemonsqueezy:12345.";
            return false;
        }

        error = $"Unknown licence '{value}': use {Syntax}.";
        return false;
    }
}
