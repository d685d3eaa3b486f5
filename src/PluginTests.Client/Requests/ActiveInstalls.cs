namespace PluginTests.Client;

/// <summary>The active-install threshold of the published plugin tables list (<see cref="IPluginTestsClient.ListPluginTablesAsync"/>).</summary>
public enum ActiveInstalls
{
    /// <summary>Plugins with at least 10 active installs (<c>tablesWith10installs.json</c>).</summary>
    AtLeast10 = 10,

    /// <summary>Plugins with at least 500 active installs (<c>tablesWith500installs.json</c>).</summary>
    AtLeast500 = 500,
}
