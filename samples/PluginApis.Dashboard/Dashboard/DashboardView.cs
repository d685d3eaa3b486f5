namespace PluginApis.Dashboard;

/// <summary>What the dashboard shows (served as JSON by <c>/dashboard</c>).</summary>
/// <param name="Source">"embedded emulator" or "configured services" (<see cref="DashboardOptions.Source"/>).</param>
/// <param name="PluginTests">Your PluginTests plugins, then the watched ones, each with its latest report.</param>
/// <param name="WunderUpdates">Your WunderUpdates plugins with their uploaded versions and the stable release sites get.</param>
internal sealed record DashboardView(string Source, IReadOnlyList<TestedPlugin> PluginTests, IReadOnlyList<ReleasedPlugin> WunderUpdates);
