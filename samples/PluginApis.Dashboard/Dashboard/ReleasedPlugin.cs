namespace PluginApis.Dashboard;

/// <summary>A WunderUpdates plugin: its licence type, uploaded versions and the version the stable channel offers sites.</summary>
internal sealed record ReleasedPlugin(string Slug, string License, IReadOnlyList<string> Versions, string? StableRelease);
