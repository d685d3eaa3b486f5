namespace WunderUpdates.Client;

/// <summary>Where the version of a plugin release ZIP was read from.</summary>
public enum PluginVersionSource
{
    /// <summary>The <c>Version:</c> header of the plugin main file (the version WordPress shows once the plugin is installed).</summary>
    PluginHeader,

    /// <summary>The <c>Stable tag:</c> line of the plugin's readme, used only when the main file has no <c>Version:</c> header.</summary>
    ReadmeStableTag,
}
