using System.Globalization;
using System.IO.Compression;

namespace WunderUpdates.Client.Archives.Zip;

/// <summary>
/// The checks on a ZIP's central directory made before any file is read: declared sizes, safe entry names and the one
/// top-level plugin folder. Also reads the start of an entry, bounded.
/// </summary>
internal static class ArchiveLayout
{
    private const string MacOsMetadataFolder = "__MACOSX";

    /// <summary>Refuses more entries than allowed, or declared uncompressed sizes adding up to more than allowed.</summary>
    public static void CheckLimits(IReadOnlyCollection<ZipArchiveEntry> entries, PluginArchiveLimits limits)
    {
        if (entries.Count > limits.MaxEntries)
        {
            throw TooManyEntries(entries.Count.ToString("N0", CultureInfo.InvariantCulture), limits.MaxEntries);
        }

        long totalDeclared = 0;
        foreach (var entry in entries)
        {
            long size = entry.Length;
            if (size < 0 || size > limits.MaxTotalUncompressedBytes - totalDeclared)
            {
                throw new InvalidPluginArchiveException(
                    InvalidPluginArchiveReason.LimitExceeded,
                    $"The ZIP's files add up to more than {ArchiveText.FormatBytes(limits.MaxTotalUncompressedBytes)} once extracted " +
                    $"(as declared by its central directory; reached at '{ArchiveText.Display(entry.FullName)}'). A plugin release must stay below that size.",
                    entry.FullName);
            }

            totalDeclared += size;
        }
    }

    /// <summary>Refuses the first entry whose name could escape the extraction folder.</summary>
    public static void CheckPaths(IEnumerable<ZipArchiveEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (UnsafePathReason(entry.FullName) is { } why)
            {
                throw new InvalidPluginArchiveException(
                    InvalidPluginArchiveReason.UnsafeEntryPath,
                    $"The ZIP entry '{ArchiveText.Display(entry.FullName)}' has an unsafe path: {why}. " +
                    "The service expects every entry to be a relative path inside the plugin folder (e.g. 'my-plugin/includes/file.php').",
                    entry.FullName);
            }
        }
    }

    /// <summary>The single top-level folder (the slug), ignoring <c>__MACOSX/</c> and dot files at the root.</summary>
    public static string FindPluginFolder(IEnumerable<ZipArchiveEntry> entries)
    {
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        var rootFiles = new List<string>();
        foreach (var entry in entries)
        {
            string path = entry.FullName.Replace('\\', '/');
            int slash = path.IndexOf('/', StringComparison.Ordinal);
            string first = slash < 0 ? path : path[..slash];
            if (first == MacOsMetadataFolder)
            {
                continue;
            }

            if (slash < 0)
            {
                if (!first.StartsWith('.'))
                {
                    rootFiles.Add(entry.FullName);
                }

                continue;
            }

            folders.Add(first);
        }

        if (rootFiles.Count > 0)
        {
            throw new InvalidPluginArchiveException(
                InvalidPluginArchiveReason.NoPluginFolder,
                $"The ZIP has files at its root ({ArchiveText.ListNames(rootFiles)}). " +
                "The service expects every file inside one top-level folder named after the plugin slug (e.g. 'my-plugin/my-plugin.php').",
                rootFiles[0]);
        }

        if (folders.Count == 1)
        {
            return folders.Min!;
        }

        if (folders.Count == 0)
        {
            throw new InvalidPluginArchiveException(
                InvalidPluginArchiveReason.NoPluginFolder,
                "The ZIP holds no plugin folder (it is empty or holds only __MACOSX/ or dot files). " +
                "The service expects one top-level folder named after the plugin slug (e.g. 'my-plugin/my-plugin.php').");
        }

        throw new InvalidPluginArchiveException(
            InvalidPluginArchiveReason.NoPluginFolder,
            $"The ZIP has {folders.Count} top-level folders ({ArchiveText.ListNames(folders.Select(f => f + "/"))}). " +
            "The service expects exactly one, named after the plugin slug (e.g. 'my-plugin/my-plugin.php').",
            folders.Min + "/");
    }

    /// <summary>Why an entry name could escape the extraction folder, or null if it is safe.</summary>
    public static string? UnsafePathReason(string fullName)
    {
        if (fullName.Length == 0)
        {
            return "the name is empty";
        }

        if (fullName.Any(char.IsControl))
        {
            return "it contains control characters";
        }

        string path = fullName.Replace('\\', '/');
        if (path[0] == '/')
        {
            return "it is an absolute path";
        }

        if (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':')
        {
            return "it starts with a drive letter";
        }

        if (path.Contains(':', StringComparison.Ordinal))
        {
            return "it contains ':' (a drive letter or stream name on Windows)";
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment.Length > 0 && segment.All(static c => c is '.' or ' '))
            {
                return $"it has a '{ArchiveText.Display(segment)}' segment (directory traversal)";
            }
        }

        return null;
    }

    /// <summary>At most <paramref name="maxBytes"/> decompressed bytes from the start of an entry.</summary>
    public static byte[] ReadStart(ZipArchiveEntry entry, int maxBytes)
    {
        try
        {
            using var content = entry.Open();
            var buffer = new byte[maxBytes];
            int read = content.ReadAtLeast(buffer, maxBytes, throwOnEndOfStream: false);
            return read == maxBytes ? buffer : buffer[..read];
        }
        catch (Exception ex) when (IsCorruptArchiveError(ex))
        {
            throw new InvalidPluginArchiveException(
                InvalidPluginArchiveReason.NotAZip,
                $"The ZIP entry '{ArchiveText.Display(entry.FullName)}' cannot be read ({ex.Message}). " +
                "The service expects a valid, unencrypted ZIP (Deflate or Stored compression).",
                entry.FullName,
                ex);
        }
    }

    /// <summary>The exceptions a damaged ZIP makes <see cref="ZipArchive"/> throw.</summary>
    public static bool IsCorruptArchiveError(Exception ex) =>
        ex is InvalidDataException or IOException or NotSupportedException or ArgumentException
            or OverflowException or IndexOutOfRangeException or FormatException
        && ex is not InvalidPluginArchiveException;

    /// <summary>The error for a ZIP with more entries than allowed.</summary>
    public static InvalidPluginArchiveException TooManyEntries(string count, int max) =>
        new(
            InvalidPluginArchiveReason.LimitExceeded,
            $"The ZIP has {count} entries; at most {max.ToString("N0", CultureInfo.InvariantCulture)} are accepted.");
}
