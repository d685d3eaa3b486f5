using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace WunderUpdates.Client;

/// <summary>
/// Inspects a WordPress plugin release ZIP the way the WunderUpdates service and WordPress read it, so an upload
/// the service would refuse fails fast, locally, with a clear <see cref="InvalidPluginArchiveException"/>.
/// </summary>
/// <remarks>
/// <para>Rules: the ZIP holds exactly one top-level folder, the plugin slug (<c>__MACOSX/</c> and dot files at the
/// root are ignored); the main file is a <c>.php</c> file directly inside that folder with a non-empty
/// <c>Plugin Name:</c> header (<c>{slug}.php</c> is preferred, otherwise the first in ordinal name order; names
/// starting with <c>.</c> are skipped); the version is the main file's <c>Version:</c> header, or, only when that is
/// missing, the readme's <c>Stable tag:</c>. Headers are read with <see cref="WordPressHeaders"/> from the first
/// 8 KiB of each file, the readme with <see cref="PluginReadme.Parse"/> from its first
/// <see cref="PluginArchiveLimits.MaxReadmeBytes"/> bytes.</para>
/// <para>Safe on untrusted input: limits are checked against the central directory before anything is
/// decompressed, no file is extracted, and at most a few KiB are decompressed per file read. Apart from argument
/// errors, a missing file and I/O errors of the file or stream itself, the only exception thrown is
/// <see cref="InvalidPluginArchiveException"/>.</para>
/// </remarks>
public static class PluginArchive
{
    private const string MacOsMetadataFolder = "__MACOSX";
    private const int MaxListedNames = 5;

    /// <summary>Inspects the release ZIP at <paramref name="zipPath"/> with <see cref="PluginArchiveLimits.Default"/>.</summary>
    /// <param name="zipPath">Path of the ZIP file; opened read-only.</param>
    /// <returns>Slug, version (the <c>Version:</c> header wins over the readme's <c>Stable tag:</c>), main file and headers.</returns>
    /// <exception cref="ArgumentException"><paramref name="zipPath"/> is null or empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidPluginArchiveException">The service would refuse the ZIP; see <see cref="InvalidPluginArchiveException.Reason"/>.</exception>
    public static PluginArchiveInfo Inspect(string zipPath) => Inspect(zipPath, PluginArchiveLimits.Default);

    /// <summary>Inspects the release ZIP at <paramref name="zipPath"/> within the given limits.</summary>
    /// <param name="zipPath">Path of the ZIP file; opened read-only.</param>
    /// <param name="limits">Resource limits; exceeding one throws with <see cref="InvalidPluginArchiveReason.LimitExceeded"/>.</param>
    /// <returns>Slug, version (the <c>Version:</c> header wins over the readme's <c>Stable tag:</c>), main file and headers.</returns>
    /// <exception cref="ArgumentException"><paramref name="zipPath"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidPluginArchiveException">The service would refuse the ZIP; see <see cref="InvalidPluginArchiveException.Reason"/>.</exception>
    public static PluginArchiveInfo Inspect(string zipPath, PluginArchiveLimits limits)
    {
        ArgumentException.ThrowIfNullOrEmpty(zipPath);
        ArgumentNullException.ThrowIfNull(limits);
        if (!File.Exists(zipPath))
        {
            throw new FileNotFoundException($"The plugin ZIP '{zipPath}' does not exist.", zipPath);
        }

        using var file = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        return InspectSeekable(file, limits);
    }

    /// <summary>Inspects a release ZIP read from <paramref name="zipStream"/> with <see cref="PluginArchiveLimits.Default"/>.</summary>
    /// <param name="zipStream">
    /// A readable stream. A seekable stream is read as a whole from its beginning (position 0), whatever its
    /// current position; a non-seekable stream is copied into memory first, up to
    /// <see cref="PluginArchiveLimits.MaxArchiveBytes"/>. The stream is not disposed; its position afterwards is
    /// unspecified (rewind it before reusing it).
    /// </param>
    /// <returns>Slug, version (the <c>Version:</c> header wins over the readme's <c>Stable tag:</c>), main file and headers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zipStream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="zipStream"/> is not readable.</exception>
    /// <exception cref="InvalidPluginArchiveException">The service would refuse the ZIP; see <see cref="InvalidPluginArchiveException.Reason"/>.</exception>
    public static PluginArchiveInfo Inspect(Stream zipStream) => Inspect(zipStream, PluginArchiveLimits.Default);

    /// <summary>Inspects a release ZIP read from <paramref name="zipStream"/> within the given limits.</summary>
    /// <param name="zipStream">
    /// A readable stream. A seekable stream is read as a whole from its beginning (position 0), whatever its
    /// current position; a non-seekable stream is copied into memory first, up to
    /// <see cref="PluginArchiveLimits.MaxArchiveBytes"/>. The stream is not disposed; its position afterwards is
    /// unspecified (rewind it before reusing it).
    /// </param>
    /// <param name="limits">Resource limits; exceeding one throws with <see cref="InvalidPluginArchiveReason.LimitExceeded"/>.</param>
    /// <returns>Slug, version (the <c>Version:</c> header wins over the readme's <c>Stable tag:</c>), main file and headers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zipStream"/> or <paramref name="limits"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="zipStream"/> is not readable.</exception>
    /// <exception cref="InvalidPluginArchiveException">The service would refuse the ZIP; see <see cref="InvalidPluginArchiveException.Reason"/>.</exception>
    public static PluginArchiveInfo Inspect(Stream zipStream, PluginArchiveLimits limits)
    {
        ArgumentNullException.ThrowIfNull(zipStream);
        ArgumentNullException.ThrowIfNull(limits);
        if (!zipStream.CanRead)
        {
            throw new ArgumentException("The ZIP stream must be readable.", nameof(zipStream));
        }

        if (zipStream.CanSeek)
        {
            return InspectSeekable(zipStream, limits);
        }

        using var copy = CopyBounded(zipStream, limits.MaxArchiveBytes);
        return InspectSeekable(copy, limits);
    }

    /// <summary>
    /// Checks that the inspected ZIP's plugin folder is named after <paramref name="slug"/> (ordinal, case-sensitive),
    /// as the service requires for an upload to that plugin.
    /// </summary>
    /// <param name="info">The inspection result.</param>
    /// <param name="slug">The slug of the plugin the ZIP is meant for.</param>
    /// <exception cref="ArgumentNullException"><paramref name="info"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="slug"/> is null or empty.</exception>
    /// <exception cref="InvalidPluginArchiveException">The folder has another name (<see cref="InvalidPluginArchiveReason.SlugMismatch"/>).</exception>
    public static void EnsureSlug(this PluginArchiveInfo info, string slug)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentException.ThrowIfNullOrEmpty(slug);
        if (!string.Equals(info.Slug, slug, StringComparison.Ordinal))
        {
            throw new InvalidPluginArchiveException(
                InvalidPluginArchiveReason.SlugMismatch,
                $"The ZIP's plugin folder is '{Display(info.Slug)}/' but the plugin slug is '{Display(slug)}'. " +
                $"The service expects the top-level folder to be named after the slug, e.g. '{Display(slug)}/{Display(slug)}.php'.",
                info.Slug + "/");
        }
    }

    private static MemoryStream CopyBounded(Stream source, long maxBytes)
    {
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > maxBytes)
            {
                copy.Dispose();
                throw ArchiveTooLarge(maxBytes);
            }

            copy.Write(buffer, 0, read);
        }

        copy.Position = 0;
        return copy;
    }

    private static PluginArchiveInfo InspectSeekable(Stream stream, PluginArchiveLimits limits)
    {
        long length = stream.Length;
        if (length > limits.MaxArchiveBytes)
        {
            throw ArchiveTooLarge(limits.MaxArchiveBytes);
        }

        if (length == 0)
        {
            throw new InvalidPluginArchiveException(
                InvalidPluginArchiveReason.NotAZip,
                "The file is empty. The service expects a ZIP file holding one plugin folder (e.g. 'my-plugin/my-plugin.php').");
        }

        try
        {
            if (ZipEndRecord.TryReadDeclaredEntryCount(stream, out var declared) && declared > (ulong)limits.MaxEntries)
            {
                throw TooManyEntries(declared.ToString("N0", CultureInfo.InvariantCulture), limits.MaxEntries);
            }

            stream.Position = 0;
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            return InspectArchive(zip, limits);
        }
        catch (Exception ex) when (IsCorruptArchiveError(ex))
        {
            throw new InvalidPluginArchiveException(
                InvalidPluginArchiveReason.NotAZip,
                $"The file is not a readable ZIP archive ({ex.Message}). " +
                "The service expects a ZIP file holding one plugin folder (e.g. 'my-plugin/my-plugin.php').",
                entryName: null,
                ex);
        }
    }

    private static PluginArchiveInfo InspectArchive(ZipArchive zip, PluginArchiveLimits limits)
    {
        var entries = zip.Entries;
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
                    $"The ZIP's files add up to more than {FormatBytes(limits.MaxTotalUncompressedBytes)} once extracted " +
                    $"(as declared by its central directory; reached at '{Display(entry.FullName)}'). A plugin release must stay below that size.",
                    entry.FullName);
            }

            totalDeclared += size;
        }

        foreach (var entry in entries)
        {
            if (UnsafePathReason(entry.FullName) is { } why)
            {
                throw new InvalidPluginArchiveException(
                    InvalidPluginArchiveReason.UnsafeEntryPath,
                    $"The ZIP entry '{Display(entry.FullName)}' has an unsafe path: {why}. " +
                    "The service expects every entry to be a relative path inside the plugin folder (e.g. 'my-plugin/includes/file.php').",
                    entry.FullName);
            }
        }

        string slug = FindPluginFolder(entries);

        // Files directly inside the plugin folder, in ordinal order of their names.
        var topFiles = entries
            .Select(e => (Entry: e, Name: TopLevelFileName(e.FullName, slug)))
            .Where(t => t.Name is not null)
            .OrderBy(t => t.Entry.FullName, StringComparer.Ordinal)
            .ToList();

        var candidates = topFiles
            .Where(t => t.Name!.EndsWith(".php", StringComparison.Ordinal) && !t.Name.StartsWith('.'))
            .OrderBy(t => string.Equals(t.Name, slug + ".php", StringComparison.Ordinal) ? 0 : 1)
            .Select(t => t.Entry);

        ZipArchiveEntry? mainFile = null;
        IReadOnlyDictionary<string, string>? headers = null;
        foreach (var candidate in candidates)
        {
            var text = WordPressHeaders.DecodeFileData(ReadStart(candidate, WordPressHeaders.MaxFileDataBytes));
            var found = WordPressHeaders.Parse(text, WordPressHeaders.PluginHeaderNames);
            if (found.ContainsKey("Plugin Name"))
            {
                mainFile = candidate;
                headers = found;
                break;
            }
        }

        if (mainFile is null || headers is null)
        {
            throw new InvalidPluginArchiveException(
                InvalidPluginArchiveReason.NoMainFile,
                $"The ZIP has no plugin main file: none of the .php files directly inside '{Display(slug)}/' has a non-empty 'Plugin Name:' header. " +
                $"WordPress and the service expect e.g. '{Display(slug)}/{Display(slug)}.php' starting with a comment holding 'Plugin Name: My Plugin' and 'Version: 1.0.0'.",
                slug + "/");
        }

        var readmeEntry =
            topFiles.FirstOrDefault(t => string.Equals(t.Name, "readme.txt", StringComparison.OrdinalIgnoreCase)).Entry
            ?? topFiles.FirstOrDefault(t => string.Equals(t.Name, "readme.md", StringComparison.OrdinalIgnoreCase)).Entry;
        PluginReadme? readme = null;
        if (readmeEntry is not null)
        {
            var bytes = ReadStart(readmeEntry, limits.MaxReadmeBytes);
            readme = PluginReadme.Parse(DecodeUtf8(bytes));
        }

        if (headers.TryGetValue("Version", out var version))
        {
            return new PluginArchiveInfo(slug, version, PluginVersionSource.PluginHeader, mainFile.FullName, headers, readme);
        }

        if (readme?.StableTag is { } tag && !string.Equals(tag, "trunk", StringComparison.OrdinalIgnoreCase))
        {
            return new PluginArchiveInfo(slug, tag, PluginVersionSource.ReadmeStableTag, mainFile.FullName, headers, readme);
        }

        string readmePart = readmeEntry is null
            ? $"there is no readme.txt in '{Display(slug)}/'"
            : readme?.StableTag is { } trunk
                ? $"'{Display(readmeEntry.FullName)}' has 'Stable tag: {Display(trunk)}', which is not a version"
                : $"'{Display(readmeEntry.FullName)}' has no 'Stable tag:' header";
        throw new InvalidPluginArchiveException(
            InvalidPluginArchiveReason.NoVersion,
            $"The plugin has no version: '{Display(mainFile.FullName)}' has no 'Version:' header and {readmePart}. " +
            "The service needs a version to store the release: add 'Version: 1.0.0' to the main file's header comment.",
            mainFile.FullName);
    }

    private static string FindPluginFolder(IEnumerable<ZipArchiveEntry> entries)
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
                $"The ZIP has files at its root ({ListNames(rootFiles)}). " +
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
            $"The ZIP has {folders.Count} top-level folders ({ListNames(folders.Select(f => f + "/"))}). " +
            "The service expects exactly one, named after the plugin slug (e.g. 'my-plugin/my-plugin.php').",
            folders.Min + "/");
    }

    /// <summary>The file name if <paramref name="fullName"/> is a file directly inside the plugin folder, else null.</summary>
    private static string? TopLevelFileName(string fullName, string slug)
    {
        string path = fullName.Replace('\\', '/');
        if (path.Length <= slug.Length + 1 || !path.StartsWith(slug, StringComparison.Ordinal) || path[slug.Length] != '/')
        {
            return null;
        }

        string name = path[(slug.Length + 1)..];
        return name.Contains('/', StringComparison.Ordinal) ? null : name;
    }

    /// <summary>Why an entry name could escape the extraction folder, or null if it is safe.</summary>
    internal static string? UnsafePathReason(string fullName)
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
                return $"it has a '{Display(segment)}' segment (directory traversal)";
            }
        }

        return null;
    }

    private static byte[] ReadStart(ZipArchiveEntry entry, int maxBytes)
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
                $"The ZIP entry '{Display(entry.FullName)}' cannot be read ({ex.Message}). " +
                "The service expects a valid, unencrypted ZIP (Deflate or Stored compression).",
                entry.FullName,
                ex);
        }
    }

    private static string DecodeUtf8(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        return Encoding.UTF8.GetString(span[..WordPressHeaders.Utf8CompleteLength(span)]);
    }

    private static bool IsCorruptArchiveError(Exception ex) =>
        ex is InvalidDataException or IOException or NotSupportedException or ArgumentException
            or OverflowException or IndexOutOfRangeException or FormatException
        && ex is not InvalidPluginArchiveException;

    private static InvalidPluginArchiveException TooManyEntries(string count, int max) =>
        new(
            InvalidPluginArchiveReason.LimitExceeded,
            $"The ZIP has {count} entries; at most {max.ToString("N0", CultureInfo.InvariantCulture)} are accepted.");

    private static InvalidPluginArchiveException ArchiveTooLarge(long maxBytes) =>
        new(
            InvalidPluginArchiveReason.LimitExceeded,
            $"The ZIP is larger than {FormatBytes(maxBytes)}; a plugin release must stay below that size.");

    private static string FormatBytes(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
            ? (bytes / (1024 * 1024)).ToString("N0", CultureInfo.InvariantCulture) + " MiB"
            : bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";

    private static string ListNames(IEnumerable<string> names)
    {
        var list = names.ToList();
        var shown = string.Join(", ", list.Take(MaxListedNames).Select(n => $"'{Display(n)}'"));
        return list.Count > MaxListedNames ? $"{shown} and {list.Count - MaxListedNames} more" : shown;
    }

    /// <summary>Makes a name from the archive safe to put in a message: control characters escaped, length capped.</summary>
    private static string Display(string name)
    {
        const int MaxLength = 200;
        var builder = new StringBuilder(Math.Min(name.Length, MaxLength) + 8);
        foreach (char c in name)
        {
            if (builder.Length >= MaxLength)
            {
                builder.Append('…');
                break;
            }

            if (char.IsControl(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
