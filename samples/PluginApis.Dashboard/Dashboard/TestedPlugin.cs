namespace PluginApis.Dashboard;

/// <summary>A PluginTests plugin and its newest report.</summary>
internal sealed record TestedPlugin(string Directory, string Slug, string? Name, string? Version, bool Own, ReportSummary? LatestReport);
