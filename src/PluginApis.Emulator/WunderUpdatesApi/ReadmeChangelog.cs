using System.IO.Compression;
using System.Text;

namespace PluginApis.Emulator.WunderUpdatesApi;

/// <summary>
/// The <c>== Changelog ==</c> section (or <c>## Changelog</c> in a <c>readme.md</c>) of the readme in a plugin ZIP's folder, as
/// written: from the line after the heading up to the next section heading, trimmed. Subsections (<c>= 1.0 =</c>) stay in it.
/// </summary>
internal static class ReadmeChangelog
{
    private const int MaxReadmeBytes = 1024 * 1024;

    /// <summary>The section's text, or <see langword="null"/> when the readme is missing or has no (or an empty) changelog.</summary>
    public static string? Find(byte[] zip, string slug)
    {
        using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        var readme = Entry(archive, slug, "readme.txt") ?? Entry(archive, slug, "readme.md");
        return readme is null ? null : Section(Read(readme), "changelog");
    }

    internal static string? Section(string readme, string name)
    {
        var lines = readme.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        StringBuilder? section = null;
        foreach (var line in lines)
        {
            var heading = Heading(line);
            if (heading is not null)
            {
                if (section is not null)
                {
                    break;
                }

                if (string.Equals(heading, name, StringComparison.OrdinalIgnoreCase))
                {
                    section = new StringBuilder();
                }
            }
            else
            {
                section?.Append(line).Append('\n');
            }
        }

        var text = section?.ToString().Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary><c>== Name ==</c> or <c>## Name</c> → Name; anything else (including <c>=== Title ===</c> and <c>= 1.0 =</c>) → null.</summary>
    private static string? Heading(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.StartsWith("==", StringComparison.Ordinal) && !trimmed.StartsWith("===", StringComparison.Ordinal)
            && trimmed.EndsWith("==", StringComparison.Ordinal) && trimmed.Length > 4)
        {
            return trimmed.Trim('=', ' ', '\t');
        }

        return trimmed.StartsWith("## ", StringComparison.Ordinal) ? trimmed[3..].Trim() : null;
    }

    private static ZipArchiveEntry? Entry(ZipArchive archive, string slug, string name) =>
        archive.Entries.FirstOrDefault(e => string.Equals(e.FullName, $"{slug}/{name}", StringComparison.OrdinalIgnoreCase));

    private static string Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var buffer = new byte[(int)Math.Clamp(entry.Length, 0L, MaxReadmeBytes)];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, total);
    }
}
