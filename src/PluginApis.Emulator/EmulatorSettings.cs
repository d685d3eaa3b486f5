using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace PluginApis.Emulator;

/// <summary>
/// The <c>Emulator</c> configuration section (appsettings.json, environment <c>Emulator__Key</c>, command line
/// <c>--Emulator:Key=value</c>) bound onto <see cref="EmulatorOptions"/> by the source-generated binder. <see cref="Keys"/> is
/// the documented list (also <c>--help</c>); unknown keys and ambiguous time spans are refused.
/// </summary>
internal static partial class EmulatorSettings
{
    public const string Section = "Emulator";

    /// <summary>Every key (relative to <see cref="Section"/>) with its default and meaning. <c>N</c> = 0, 1, 2, … for lists.</summary>
    public static IReadOnlyList<(string Key, string Default, string Meaning)> Keys { get; } =
    [
        ("Url", "http://127.0.0.1:5080", "listening address (same as --urls)"),
        ("EnableRateLimiting", "true", "false: no limits and no rate-limit headers"),
        ("RateLimit:PermitLimit", "60", "requests per window, per API key, each service"),
        ("RateLimit:Window", "00:01:00", "window length (whole seconds, at least 00:00:01)"),
        ("PluginTestsRateLimit:PermitLimit", "(RateLimit)", "PluginTests override (Window defaults to 00:01:00)"),
        ("PluginTestsRateLimit:Window", "(RateLimit)", "PluginTests override"),
        ("WunderUpdatesRateLimit:PermitLimit", "(RateLimit)", "WunderUpdates override (Window defaults to 00:01:00)"),
        ("WunderUpdatesRateLimit:Window", "(RateLimit)", "WunderUpdates override"),
        ("SendRetryAfter", "false", "also send Retry-After on 429"),
        ("GeneratedTableCount", "0", "synthetic entries appended to the tables lists"),
        ("MaxUploadBytes", "20971520", "largest ZIP upload or direct-job download (413 / failed report)"),
        ("MaxArchiveEntries", "5000", "most entries a ZIP may hold"),
        ("MaxUncompressedBytes", "209715200", "largest declared uncompressed ZIP size"),
        ("MaxJsonBodyBytes", "1048576", "largest JSON request body"),
        ("MaxLicenseKeyDataBytes", "200000", "largest static licence-key data per plugin"),
        ("AdditionalPluginTestsDemoKeys:N", "(none)", "more PluginTests keys acting as the demo user"),
        ("AdditionalWunderUpdatesDemoKeys:N", "(none)", "more WunderUpdates keys acting as the demo account"),
        ("JobQueuedDuration", "00:00:00.1", "how long a test job stays queued (0 allowed)"),
        ("JobRunningDuration", "00:00:00.2", "how long a test job runs (0 allowed)"),
        ("PackageDownloadTimeout", "00:00:30", "time limit of a direct job's download"),
        ("WebhookTimeout", "00:00:10", "time limit of one webhook POST"),
    ];

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex BareNumber();

    /// <summary>Binds the section onto <paramref name="options"/>.</summary>
    /// <exception cref="InvalidOperationException">An unknown key, an ambiguous time span or a value of the wrong type; the message names the key.</exception>
    public static void Bind(IConfiguration configuration, EmulatorOptions options)
    {
        var section = configuration.GetSection(Section);
        foreach (var (path, value) in section.AsEnumerable(makePathsRelative: true))
        {
            if (value is null)
            {
                continue; // a parent section
            }

            if (!Keys.Any(k => Matches(k.Key, path)))
            {
                throw new InvalidOperationException($"unknown setting {Section}:{path}.");
            }

            var isTimeSpan = path.EndsWith("Window", StringComparison.OrdinalIgnoreCase) || path.EndsWith("Duration", StringComparison.OrdinalIgnoreCase)
                             || path.EndsWith("Timeout", StringComparison.OrdinalIgnoreCase);
            if (isTimeSpan && BareNumber().IsMatch(value.Trim()))
            {
                throw new InvalidOperationException(
                    $"{Section}:{path}={value} would mean {value} days: write a time span such as 00:00:{value.Trim().PadLeft(2, '0')} (hh:mm:ss).");
            }
        }

        // TimeProvider and LoggerProvider are objects only code can supply: the generated binder skips them (see the csproj).
        section.Bind(options);
    }

    /// <summary>The <c>--help</c> text.</summary>
    public static string Help()
    {
        var width = Keys.Max(k => k.Key.Length) + Section.Length + 3;
        var lines = Keys.Select(k => $"  --{(Section + ":" + k.Key).PadRight(width)}{k.Default,-22}{k.Meaning}");
        return $$"""
            PluginApis emulator: PluginTests (/api/v1) and WunderUpdates (/v1) in memory on one loopback port.

            Usage: dotnet PluginApis.Emulator.dll [--urls http://127.0.0.1:5080] [--Emulator:Key=value ...]
                   dotnet run --project src/PluginApis.Emulator -- [options]

            Every setting can also come from appsettings.json in the current directory (`{ "Emulator": { "MaxUploadBytes": 1000 } }`)
            or the environment (Emulator__RateLimit__PermitLimit=60). Time spans are hh:mm:ss[.fff].

            Settings (default, meaning):
            {{string.Join(Environment.NewLine, lines)}}

            Exit codes: 0 stopped with Ctrl+C, 1 invalid settings, 2 cannot listen (e.g. the port is in use).
            """;
    }

    private static bool Matches(string pattern, string path)
    {
        if (!pattern.EndsWith(":N", StringComparison.Ordinal))
        {
            return string.Equals(pattern, path, StringComparison.OrdinalIgnoreCase);
        }

        var prefix = pattern[..^1];
        return path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && BareNumber().IsMatch(path[prefix.Length..]);
    }
}
