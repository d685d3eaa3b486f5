namespace PluginApis.Dashboard;

/// <summary>The <c>Dashboard</c> configuration section.</summary>
internal sealed class DashboardOptions
{
    /// <summary>PluginTests plugins shown besides your own, as <c>directory/slug</c> (<c>wporg/akismet</c>).</summary>
    public IList<string> WatchedPlugins { get; } = [];

    /// <summary>Where the data comes from, as the page says it; the sample sets "embedded emulator" when it starts one.</summary>
    public string Source { get; set; } = "configured services";
}
