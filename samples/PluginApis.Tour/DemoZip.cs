using System.IO.Compression;
using System.Text;

namespace PluginApis.Tour;

/// <summary>
/// Builds a small but valid WordPress plugin release ZIP at run time: <c>{slug}/{slug}.php</c> with the
/// <c>Plugin Name:</c> and <c>Version:</c> headers, a <c>readme.txt</c>, and an incompressible asset so that an
/// upload takes a few dozen chunks and the progress bar has something to show.
/// </summary>
internal static class DemoZip
{
    public static string Create(string folder, string slug, string version, string pluginName, int assetBytes = 0)
    {
        var path = Path.Combine(folder, $"{slug}-{version}.zip");
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        Add(zip, $"{slug}/{slug}.php", $"""
            <?php
            /**
             * Plugin Name: {pluginName}
             * Description: Built at run time by the PluginApis Tour.
             * Version: {version}
             * Requires at least: 6.0
             * Requires PHP: 7.4
             * Author: PluginApis
             * License: GPLv2 or later
             */

            defined( 'ABSPATH' ) || exit;

            """);
        Add(zip, $"{slug}/readme.txt", $"""
            === {pluginName} ===
            Contributors: pluginapis
            Tags: demo
            Requires at least: 6.0
            Tested up to: 6.8
            Requires PHP: 7.4
            Stable tag: {version}
            License: GPLv2 or later

            Built at run time by the PluginApis Tour.

            == Changelog ==

            = {version} =
            * Built at run time.

            """);

        if (assetBytes > 0)
        {
            // Random bytes do not compress, so the ZIP is about this large.
            var asset = new byte[assetBytes];
            new Random(42).NextBytes(asset);
            using var stream = zip.CreateEntry($"{slug}/assets/banner.bin", CompressionLevel.NoCompression).Open();
            stream.Write(asset);
        }

        return path;
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(content.ReplaceLineEndings("\n")));
    }
}
