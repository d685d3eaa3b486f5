using System.Globalization;
using PluginTests.Client;
using WunderUpdates.Client;
using WuPlugin = WunderUpdates.Client.Plugin;

namespace PluginApis.Cli;

/// <summary>Turns SDK models into the stable <c>--json</c> shapes.</summary>
internal static class OutputMapper
{
    public static InspectOutput ToOutput(this PluginArchiveInfo info) => new(
        info.Slug,
        info.Version,
        info.VersionSource == PluginVersionSource.PluginHeader ? "plugin-header" : "readme-stable-tag",
        info.PluginName,
        info.MainFile,
        new SortedDictionary<string, string>(info.PluginHeaders.ToDictionary(h => h.Key, h => h.Value), StringComparer.Ordinal),
        info.Readme is { } readme ? new ReadmeOutput(readme.Name, readme.StableTag, readme.RequiresAtLeast, readme.TestedUpTo, readme.RequiresPhp) : null);

    public static JobOutput ToOutput(this QueueJob job, string directory, string slug) => new(
        job.Id, job.Directory ?? directory, job.Slug ?? slug, job.Priority, job.PackageSource, job.DownloadUrl?.AbsoluteUri, job.Status, job.QueuedAt);

    public static ReportOutput ToOutput(this PluginReport report) => new(
        report.Slug, report.PluginVersion, report.Status, report.Passed, report.TestedAt, report.WordPressVersion, report.PhpVersion,
        report.Url?.AbsoluteUri, [.. report.Errors.Select(e => new ReportErrorOutput(e.Type, e.Message, e.File, e.Line))]);

    /// <summary>A report passes when it lists no errors and does not say <c>failed</c>.</summary>
    public static bool FoundNoErrors(this PluginReport report) => report.Errors.Count == 0 && report.Passed != false;

    public static PluginOutput ToOutput(this WuPlugin plugin) => new(
        plugin.Slug,
        plugin.License is { } license ? new LicenseOutput(license.Type.Value, license.Products) : null,
        [.. plugin.Versions.Select(ToOutput)]);

    public static VersionOutput ToOutput(this PluginVersion version) => new(version.Version, version.File);

    public static KeyOutput ToOutput(this LicenseKey key) =>
        new(key.Key, key.Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static WebhookOutput ToOutput(this Webhook webhook) => new(webhook.Id, webhook.Url?.AbsoluteUri, webhook.EventType, webhook.CreatedAt);
}
