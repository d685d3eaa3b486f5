namespace PluginApis.Emulator.Json;

// ---- PluginTests (camelCase; success shapes are the project's guess, the error body is documented) ----

internal sealed record PtErrorBody(PtError Error);

internal sealed record PtError(string Message, string Code);

internal sealed record PtRootDto(IReadOnlyList<string> Resources, IReadOnlyList<string> Permissions);

internal sealed record PtPluginDto(
    string Directory, string Slug, string Name, string Version, long ActiveInstalls, string Url, string? LatestReport, string? TestedAt);

internal sealed record PtReportErrorDto(string Type, string Message, string? File, int? Line);

internal sealed record PtReportDto(
    string Slug, string? PluginVersion, string Status, string TestedAt, string WordpressVersion, string PhpVersion,
    IReadOnlyList<PtReportErrorDto> Errors, string Url);

internal sealed record PtReportsEnvelope(IReadOnlyList<PtReportDto> Reports);

internal sealed record PtTableDto(string Name, IReadOnlyList<string> Columns);

internal sealed record PtTablesEnvelope(IReadOnlyList<PtTableDto> Tables);

internal sealed record PtOptionDto(string Name, bool Autoload);

internal sealed record PtOptionsEnvelope(IReadOnlyList<PtOptionDto> Options);

internal sealed record PtUserDto(string Id, string Name, string Email, string Directory);

internal sealed record PtPluginsEnvelope(IReadOnlyList<PtPluginDto> Plugins);

internal sealed record PtWebhookDto(string Id, string Url, string? EventType, string CreatedAt);

internal sealed record PtWebhooksEnvelope(IReadOnlyList<PtWebhookDto> Webhooks);

internal sealed record PtJobDto(
    string Id, string Directory, string Slug, int Priority, string PackageSource, string? DownloadUrl, string Status, string QueuedAt);

internal sealed record PtJobsEnvelope(IReadOnlyList<PtJobDto> Jobs);

internal sealed class PtWebhookRequest
{
    public string? Url { get; set; }

    public string? EventType { get; set; }
}

internal sealed class PtEnqueueRequest
{
    public string? Directory { get; set; }

    public string? Slug { get; set; }

    public int? Priority { get; set; }

    public string? PackageSource { get; set; }

    public string? DownloadUrl { get; set; }
}

/// <summary>
/// The body POSTed to a webhook (the project's guess; the service does not document it). <see cref="JobId"/> is set only
/// when the webhook's owner queued the job.
/// </summary>
internal sealed record PtWebhookEventDto(
    string EventType, string WebhookId, string Directory, string Slug, string? PluginVersion, string Status, int ErrorCount,
    string ReportSlug, string ReportUrl, string TestedAt, string? JobId);
