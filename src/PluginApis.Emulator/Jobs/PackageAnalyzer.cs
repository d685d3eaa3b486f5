using System.IO.Compression;
using System.Text;
using WunderUpdates.Client;

namespace PluginApis.Emulator.Jobs;

/// <summary>
/// Tests a plugin ZIP the emulator's way: it must pass <see cref="PluginArchive.Inspect(Stream, PluginArchiveLimits)"/> with the
/// emulator's limits and hold a folder named after the job's slug (else the report fails with <c>invalid_package</c>); then
/// every <c>.php</c> file in it (at most 1 MiB of each) is scanned by <see cref="PhpScanner"/>.
/// </summary>
internal static class PackageAnalyzer
{
    private const int MaxPhpFileBytes = 1024 * 1024;

    public static TestOutcome Analyze(byte[] zip, string slug, EmulatorOptions options)
    {
        PluginArchiveInfo info;
        try
        {
            info = PluginArchive.Inspect(new MemoryStream(zip, writable: false), new PluginArchiveLimits
            {
                MaxArchiveBytes = options.MaxUploadBytes,
                MaxEntries = options.MaxArchiveEntries,
                MaxTotalUncompressedBytes = options.MaxUncompressedBytes,
            });
            info.EnsureSlug(slug);
        }
        catch (InvalidPluginArchiveException ex)
        {
            return TestOutcome.Failed("invalid_package", $"The package is not an installable plugin ({ex.Reason}): {ex.Message}");
        }

        var findings = new PhpFindings();
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
            var budget = options.MaxUncompressedBytes;
            var phpFiles = archive.Entries
                .Where(e => e.FullName.EndsWith(".php", StringComparison.OrdinalIgnoreCase))
                .OrderBy(e => e.FullName, StringComparer.Ordinal);
            foreach (var entry in phpFiles)
            {
                if (budget <= 0)
                {
                    break;
                }

                var text = ReadStart(entry, (int)Math.Min(MaxPhpFileBytes, budget));
                budget -= text.Length;
                PhpScanner.Scan(text, "wp-content/plugins/" + entry.FullName, findings);
            }
        }
        catch (InvalidDataException ex)
        {
            return TestOutcome.Failed("invalid_package", $"The package could not be unpacked: {ex.Message}");
        }

        var name = info.PluginName.Length > 0 ? info.PluginName : slug;
        return new TestOutcome(new PackageFindings(name, info.Version, findings.Tables, findings.Options), findings.Errors);
    }

    private static string ReadStart(ZipArchiveEntry entry, int limit)
    {
        using var stream = entry.Open();
        // The declared size bounds the buffer; a ZIP that declares too little is read only that far.
        var buffer = new byte[(int)Math.Clamp(entry.Length + 1L, 1L, limit)];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, Math.Min(total, limit));
    }
}
