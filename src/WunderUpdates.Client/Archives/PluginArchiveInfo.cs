namespace WunderUpdates.Client;

/// <summary>What <see cref="PluginArchive.Inspect(string)"/> found in a plugin release ZIP.</summary>
public sealed class PluginArchiveInfo
{
    /// <summary>Creates the result of an inspection.</summary>
    /// <param name="slug">The top-level folder name.</param>
    /// <param name="version">The release version.</param>
    /// <param name="versionSource">Where <paramref name="version"/> was read from.</param>
    /// <param name="mainFile">The ZIP entry name of the plugin main file.</param>
    /// <param name="pluginHeaders">The non-empty plugin headers of the main file.</param>
    /// <param name="readme">The parsed readme, if the plugin folder has one.</param>
    internal PluginArchiveInfo(
        string slug,
        string version,
        PluginVersionSource versionSource,
        string mainFile,
        IReadOnlyDictionary<string, string> pluginHeaders,
        PluginReadme? readme)
    {
        ArgumentException.ThrowIfNullOrEmpty(slug);
        ArgumentException.ThrowIfNullOrEmpty(version);
        ArgumentException.ThrowIfNullOrEmpty(mainFile);
        ArgumentNullException.ThrowIfNull(pluginHeaders);
        Slug = slug;
        Version = version;
        VersionSource = versionSource;
        MainFile = mainFile;
        PluginHeaders = pluginHeaders;
        Readme = readme;
    }

    /// <summary>The plugin slug: the name of the ZIP's single top-level folder (e.g. <c>my-plugin</c>).</summary>
    public string Slug { get; }

    /// <summary>
    /// The release version. The main file's <c>Version:</c> header wins (it is what WordPress shows once the
    /// plugin is installed); the readme's <c>Stable tag:</c> is used only when that header is missing.
    /// </summary>
    public string Version { get; }

    /// <summary>Where <see cref="Version"/> was read from.</summary>
    public PluginVersionSource VersionSource { get; }

    /// <summary>The ZIP entry name of the plugin main file, e.g. <c>my-plugin/my-plugin.php</c>.</summary>
    public string MainFile { get; }

    /// <summary>The main file's <c>Plugin Name:</c> header (never empty).</summary>
    public string PluginName => PluginHeaders.TryGetValue("Plugin Name", out var name) ? name : string.Empty;

    /// <summary>
    /// The non-empty plugin headers of the main file (Plugin Name, Plugin URI, Version, Description, Author,
    /// Author URI, Text Domain, Domain Path, Network, Requires at least, Requires PHP, Update URI, Requires Plugins),
    /// with case-insensitive keys.
    /// </summary>
    public IReadOnlyDictionary<string, string> PluginHeaders { get; }

    /// <summary>The plugin folder's <c>readme.txt</c> (or, failing that, <c>readme.md</c>), or null if there is none.</summary>
    public PluginReadme? Readme { get; }
}
