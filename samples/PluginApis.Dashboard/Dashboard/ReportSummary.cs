namespace PluginApis.Dashboard;

/// <summary>The parts of a PluginTests report a dashboard shows.</summary>
internal sealed record ReportSummary(
    string? Slug, string? Status, string? PluginVersion, DateTimeOffset? TestedAt, string? WordPressVersion, string? PhpVersion, int Errors);
