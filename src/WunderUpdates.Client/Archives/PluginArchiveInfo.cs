using System.Collections.ObjectModel;

namespace WunderUpdates.Client;

/// <summary>
/// What <see cref="PluginArchive.Inspect(string)"/> found in a plugin release ZIP. Construct one yourself for a fake
/// (e.g. a <see cref="VersionUploadResult"/> returned by a mocked <see cref="IWunderUpdatesClient"/>).
/// </summary>
public sealed class PluginArchiveInfo
{
    /// <summary>The plugin slug: the name of the ZIP's single top-level folder (e.g. <c>my-plugin</c>). Empty by default.</summary>
    public string Slug
    {
        get;
        init => field = value ?? string.Empty;
    } = string.Empty;

    /// <summary>
    /// The release version. The main file's <c>Version:</c> header wins (it is what WordPress shows once the
    /// plugin is installed); the readme's <c>Stable tag:</c> is used only when that header is missing. Empty by default.
    /// </summary>
    public string Version
    {
        get;
        init => field = value ?? string.Empty;
    } = string.Empty;

    /// <summary>Where <see cref="Version"/> was read from.</summary>
    public PluginVersionSource VersionSource { get; init; }

    /// <summary>
    /// The ZIP entry name of the plugin main file, e.g. <c>my-plugin/my-plugin.php</c>: the file WordPress activates after
    /// installing the ZIP. Empty by default.
    /// </summary>
    public string MainFile
    {
        get;
        init => field = value ?? string.Empty;
    } = string.Empty;

    /// <summary>The main file's <c>Plugin Name:</c> header, from <see cref="PluginHeaders"/>; empty if it has none.</summary>
    public string PluginName => PluginHeaders.TryGetValue("Plugin Name", out var name) ? name : string.Empty;

    /// <summary>
    /// The non-empty plugin headers of the main file (Plugin Name, Plugin URI, Version, Description, Author,
    /// Author URI, Text Domain, Domain Path, Network, Requires at least, Requires PHP, Update URI, Requires Plugins),
    /// with case-insensitive keys when made by <see cref="PluginArchive"/>. Empty by default.
    /// </summary>
    public IReadOnlyDictionary<string, string> PluginHeaders
    {
        get;
        init => field = value ?? ReadOnlyDictionary<string, string>.Empty;
    } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>The plugin folder's <c>readme.txt</c> (or, failing that, <c>readme.md</c>), or null if there is none.</summary>
    public PluginReadme? Readme { get; init; }
}
