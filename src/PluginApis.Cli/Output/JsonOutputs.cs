namespace PluginApis.Cli;

// The --json documents: one per command, camelCase, every property always present (null when unknown).
// This file is the documented, stable shape (docs/cli.md); add properties, never rename or remove them.

internal sealed record InspectOutput(string Slug, string Version, string VersionSource, string PluginName, string MainFile,
    IReadOnlyDictionary<string, string> Headers, ReadmeOutput? Readme);

internal sealed record ReadmeOutput(string? Name, string? StableTag, string? RequiresAtLeast, string? TestedUpTo, string? RequiresPhp);

internal sealed record ReleaseOutput(string Slug, string Version, string File, long Bytes, bool Created, string? Message);

internal sealed record JobOutput(string? Id, string Directory, string Slug, int? Priority, string? PackageSource, string? DownloadUrl,
    string? Status, DateTimeOffset? QueuedAt);

internal sealed record TestOutput(JobOutput Job, ReportOutput? Report, bool? Passed);

internal sealed record ReportOutput(string? Slug, string? PluginVersion, string? Status, bool? Passed, DateTimeOffset? TestedAt,
    string? WordPressVersion, string? PhpVersion, string? Url, IReadOnlyList<ReportErrorOutput> Errors);

internal sealed record ReportErrorOutput(string? Type, string? Message, string? File, int? Line);

internal sealed record ReportsOutput(IReadOnlyList<ReportOutput> Reports);

internal sealed record PluginOutput(string Slug, LicenseOutput? License, IReadOnlyList<VersionOutput> Versions);

internal sealed record PluginsOutput(IReadOnlyList<PluginOutput> Plugins);

internal sealed record LicenseOutput(string Type, IReadOnlyList<long> Products);

internal sealed record VersionOutput(string Version, string? File);

internal sealed record VersionsOutput(IReadOnlyList<VersionOutput> Versions);

internal sealed record KeyOutput(string Key, string? Expires);

internal sealed record KeysOutput(IReadOnlyList<KeyOutput> Keys);

internal sealed record WebhookOutput(string? Id, string? Url, string? EventType, DateTimeOffset? CreatedAt);

internal sealed record WebhooksOutput(IReadOnlyList<WebhookOutput> Webhooks);

internal sealed record ActionOutput(string Action, string Target);

internal sealed record ErrorOutput(ErrorDetail Error);

internal sealed record ErrorDetail(string Kind, int ExitCode, string Message);
