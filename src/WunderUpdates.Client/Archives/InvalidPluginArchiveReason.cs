namespace WunderUpdates.Client;

/// <summary>Why a plugin release ZIP was refused by <see cref="PluginArchive"/>.</summary>
public enum InvalidPluginArchiveReason
{
    /// <summary>The bytes are not a readable ZIP archive (empty, truncated, corrupt, or another format).</summary>
    NotAZip,

    /// <summary>The ZIP does not hold exactly one top-level folder (ignoring <c>__MACOSX/</c> and root-level dot files).</summary>
    NoPluginFolder,

    /// <summary>No <c>.php</c> file directly inside the plugin folder has a <c>Plugin Name:</c> header that is not empty or <c>0</c>: WordPress finds no plugin.</summary>
    NoMainFile,

    /// <summary>Neither a <c>Version:</c> header in the main file nor a usable <c>Stable tag:</c> in the readme was found.</summary>
    NoVersion,

    /// <summary>The plugin folder is not named after the expected plugin slug.</summary>
    SlugMismatch,

    /// <summary>An entry has an absolute path, a drive letter, a <c>..</c> segment or another name that could escape the extraction folder.</summary>
    UnsafeEntryPath,

    /// <summary>The archive exceeds one of the <see cref="PluginArchiveLimits"/> (size, entry count, declared uncompressed size).</summary>
    LimitExceeded,
}
