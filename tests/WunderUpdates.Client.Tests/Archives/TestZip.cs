using System.IO.Compression;
using System.Text;
using Xunit;

namespace WunderUpdates.Client.Tests.Archives;

/// <summary>Builds ZIPs in memory for the archive tests.</summary>
internal static class TestZip
{
    public static byte[] Build(params (string Name, string Content)[] entries) =>
        BuildBytes(entries.Select(e => (e.Name, Encoding.UTF8.GetBytes(e.Content))).ToArray());

    public static byte[] BuildBytes(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                if (name.EndsWith('/'))
                {
                    continue;
                }

                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    public static string MainFile(string name = "My Plugin", string? version = "1.2.3") =>
        version is null
            ? $"<?php\n/**\n * Plugin Name: {name}\n * Description: Test plugin.\n */\n"
            : $"<?php\n/**\n * Plugin Name: {name}\n * Version: {version}\n * Description: Test plugin.\n */\n";

    public static PluginArchiveInfo Inspect(byte[] zip, PluginArchiveLimits? limits = null)
    {
        using var stream = new MemoryStream(zip, writable: false);
        return PluginArchive.Inspect(stream, limits ?? PluginArchiveLimits.Default);
    }

    public static InvalidPluginArchiveException Refused(byte[] zip, PluginArchiveLimits? limits = null) =>
        Assert.Throws<InvalidPluginArchiveException>(() => Inspect(zip, limits));
}
