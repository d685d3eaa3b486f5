using PluginApis.Emulator.WunderUpdatesApi;

namespace PluginApis.Emulator.State;

internal static class LicenseTypes
{
    public const string StaticKeys = "static-keys";
    public const string LemonSqueezy = "lemonsqueezy";
    public const string NoLicense = "no-license";

    public static bool IsKnown(string? type) => type is StaticKeys or LemonSqueezy or NoLicense;
}

internal sealed class WuAccount
{
    public required string Id { get; init; }

    public required string Prefix { get; init; }

    public int LicenseLimit { get; set; } = 10;

    public long LicenseExpires { get; set; } = 99999999;

    public string? AccountLicenseKey { get; set; }

    /// <summary>Key: slug (unique per account).</summary>
    public Dictionary<string, WuPlugin> Plugins { get; } = new(StringComparer.Ordinal);

    public List<WuToken> Tokens { get; } = [];
}

internal sealed record WuToken(string Name, long Expires, string Value);

internal sealed class WuPlugin
{
    public required string Slug { get; init; }

    public required string LicenseType { get; set; }

    public List<long> Products { get; set; } = [];

    /// <summary>Key: version string as found in the ZIP.</summary>
    public Dictionary<string, WuVersion> Versions { get; } = new(StringComparer.Ordinal);

    /// <summary>Static licence keys (ordinal, case-sensitive).</summary>
    public List<WuLicenseKey> Keys { get; } = [];

    /// <summary>Keys the emulator accepts for Lemon Squeezy plugins (it cannot ask Lemon Squeezy).</summary>
    public List<string> LemonSqueezyKeys { get; } = [];

    public IEnumerable<WuVersion> VersionsNewestFirst() =>
        Versions.Values.OrderByDescending(v => SemanticVersion.Parse(v.Version));
}

internal sealed record WuLicenseKey(string Key, DateOnly? Expires);

internal sealed record WuVersion(
    string Version,
    string File,
    byte[] Zip,
    string PluginName,
    string? RequiresAtLeast,
    string? TestedUpTo,
    string? RequiresPhp,
    string Description,
    string Changelog,
    DateTimeOffset UploadedAt);

/// <summary>WunderUpdates data. Guarded by <see cref="EmulatorState.Gate"/>.</summary>
internal sealed class WunderUpdatesState
{
    /// <summary>API keys and tokens → account.</summary>
    public Dictionary<string, WuAccount> AccountsByKey { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, WuAccount> AccountsByPrefix { get; } = new(StringComparer.Ordinal);
}
