using System.Globalization;
using System.IO.Compression;
using WunderUpdates.Client.Archives.Zip;

namespace WunderUpdates.Client;

/// <summary>
/// Inspects a WordPress plugin release ZIP the way the WunderUpdates service and WordPress read it, so an upload
/// the service would refuse fails fast, locally, with a clear <see cref="InvalidPluginArchiveException"/>.
/// </summary>
/// <remarks>
/// <para>Rules (each with its source in WordPress or WordPress.org: <c>docs/plugin-archives.md</c>): the ZIP holds exactly
/// one top-level folder, the plugin slug (<c>__MACOSX/</c> and dot files at the root are ignored); WordPress must find a
/// plugin in it, i.e. a <c>.php</c> file directly inside that folder with a <c>Plugin Name:</c> header that is not empty or
/// <c>0</c>; the main file is the one WordPress activates after installing the ZIP: of the plugin files directly in the
/// folder, the first by plugin name in PHP's natural, case-insensitive order; the version is its
/// <c>Version:</c> header, or, only when that is missing, the readme's <c>Stable tag:</c>. Headers are read with
/// <see cref="WordPressHeaders"/> from the first 8 KiB of each file, the readme with <see cref="PluginReadme.Parse(ReadOnlySpan{byte})"/>
/// from its first <see cref="PluginArchiveLimits.MaxReadmeBytes"/> bytes.</para>
/// <para>Safe on untrusted input: limits are checked against the central directory before anything is
/// decompressed, no file is extracted, and at most a few KiB are decompressed per file read. Apart from argument
/// errors, a missing file and I/O errors of the file or stream itself, the only exception thrown is
/// <see cref="InvalidPluginArchiveException"/>.</para>
/// </remarks>
public static class PluginArchive
{
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
                $"The ZIP's plugin folder is '{ArchiveText.Display(info.Slug)}/' but the plugin slug is '{ArchiveText.Display(slug)}'. " +
                $"The service expects the top-level folder to be named after the slug, e.g. '{ArchiveText.Display(slug)}/{ArchiveText.Display(slug)}.php'.",
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
                throw ArchiveLayout.TooManyEntries(declared.ToString("N0", CultureInfo.InvariantCulture), limits.MaxEntries);
            }

            stream.Position = 0;
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            return InspectArchive(zip, limits);
        }
        catch (Exception ex) when (ArchiveLayout.IsCorruptArchiveError(ex))
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
        ArchiveLayout.CheckLimits(entries, limits);
        ArchiveLayout.CheckPaths(entries);
        string slug = ArchiveLayout.FindPluginFolder(entries);
        return PluginFolder.Read(entries, slug, limits);
    }

    private static InvalidPluginArchiveException ArchiveTooLarge(long maxBytes) =>
        new(
            InvalidPluginArchiveReason.LimitExceeded,
            $"The ZIP is larger than {ArchiveText.FormatBytes(maxBytes)}; a plugin release must stay below that size.");
}
