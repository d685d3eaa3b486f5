using System.IO.Compression;
using System.Text;

namespace PluginApis.Cli.Tests;

/// <summary>Writes small plugin release ZIPs to a temporary folder.</summary>
internal sealed class PluginZip : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pluginapis-cli-").FullName;

    /// <summary>A ZIP laid out like a WordPress.org download: <c>{slug}/{slug}.php</c> with a Plugin Name and (optionally) a Version.</summary>
    public string Write(string slug, string? version = "1.0.0", string body = "")
    {
        var path = Path.Combine(_folder, $"{slug}-{version ?? "none"}-{Guid.NewGuid():N}.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        var header = new StringBuilder("<?php\n/*\n * Plugin Name: ").Append(slug).Append('\n');
        if (version is not null)
        {
            header.Append(" * Version: ").Append(version).Append('\n');
        }

        header.Append(" */\n").Append(body).Append('\n');
        using (var writer = new StreamWriter(zip.CreateEntry($"{slug}/{slug}.php").Open()))
        {
            writer.Write(header.ToString());
        }

        return path;
    }

    public string MissingPath => Path.Combine(_folder, "no-such.zip");

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
