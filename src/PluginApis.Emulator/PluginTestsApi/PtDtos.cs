using PluginApis.Emulator.Json;
using PluginApis.Emulator.State;

namespace PluginApis.Emulator.PluginTestsApi;

/// <summary>State → the (guessed) PluginTests response shapes.</summary>
internal static class PtDtos
{
    public static PtPluginDto Plugin(PtPlugin plugin)
    {
        var latest = plugin.Reports.Count == 0 ? null : plugin.Reports[^1];
        return new PtPluginDto(plugin.Directory, plugin.Slug, plugin.Name, plugin.Version, plugin.ActiveInstalls,
            PluginTestsState.PluginUrl(plugin), latest?.Slug, latest is null ? null : EmulatorState.Iso(latest.TestedAt));
    }

    public static PtReportDto Report(PtPlugin plugin, PtReport report) =>
        new(report.Slug, report.PluginVersion, report.Status, EmulatorState.Iso(report.TestedAt), report.WordpressVersion, report.PhpVersion,
            report.Errors.Select(e => new PtReportErrorDto(e.Type, e.Message, e.File, e.Line)).ToList(),
            PluginTestsState.ReportUrl(plugin, report));

    public static PtWebhookDto Webhook(PtWebhook hook) => new(hook.Id, hook.Url, hook.EventType, EmulatorState.Iso(hook.CreatedAt));

    public static PtJobDto Job(PtJob job) =>
        new(job.Id, job.Directory, job.Slug, job.Priority, job.PackageSource, job.DownloadUrl, job.Status, EmulatorState.Iso(job.QueuedAt));

    public static bool IsHttpUrl(string? value) =>
        value is { Length: <= 2048 } &&
        Uri.TryCreate(value, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
