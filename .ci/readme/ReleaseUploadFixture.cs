using System.IO.Compression;
using PluginApis.Emulator;
using WunderUpdates.Client;

namespace ReadmeSnippets;

/// <summary>
/// Free variables of the release-upload block: <c>wunderUpdatesOptions</c> for the embedded emulator's demo account, and
/// <c>build/my-plugin.zip</c> (slug <c>my-plugin</c>, version 1.4.0) under the current directory. Verified: the emulator
/// then holds version 1.4.0 of my-plugin.
/// </summary>
internal abstract class ReleaseUploadFixture : Snippet
{
    private EmulatorHost? _emulator;
    private string? _directory;
    private string? _previousDirectory;

#pragma warning disable IDE1006, SA1300 // named as the README names it
    protected WunderUpdatesClientOptions wunderUpdatesOptions = null!;
#pragma warning restore IDE1006, SA1300

    protected override async Task SetUpAsync()
    {
        _emulator = await EmulatorHost.StartAsync().ConfigureAwait(false);
        wunderUpdatesOptions = new WunderUpdatesClientOptions { ApiKey = EmulatorKeys.WunderUpdatesDemo, BaseAddress = _emulator.WunderUpdatesBaseAddress };
        _directory = Directory.CreateTempSubdirectory("readme-upload-").FullName;
        Directory.CreateDirectory(Path.Combine(_directory, "build"));
        await using (var zip = new ZipArchive(File.Create(Path.Combine(_directory, "build", "my-plugin.zip")), ZipArchiveMode.Create))
        {
            await WriteAsync(zip, "my-plugin/my-plugin.php", "<?php\n/**\n * Plugin Name: My Plugin\n * Version: 1.4.0\n */\n").ConfigureAwait(false);
            await WriteAsync(zip, "my-plugin/readme.txt", "=== My Plugin ===\nStable tag: 1.4.0\n\n== Description ==\nA plugin.\n").ConfigureAwait(false);
        }

        _previousDirectory = Environment.CurrentDirectory;
        Environment.CurrentDirectory = _directory;
    }

    protected override async Task VerifyAsync()
    {
        using var client = new WunderUpdatesClient(wunderUpdatesOptions);
        var versions = await client.ListVersionsAsync("my-plugin").ConfigureAwait(false);
        if (!versions.Any(v => v.Version == "1.4.0"))
        {
            throw new ReadmeCheckException("the emulator holds no version 1.4.0 of my-plugin after the upload");
        }
    }

    protected override async Task CleanUpAsync()
    {
        if (_previousDirectory is not null)
        {
            Environment.CurrentDirectory = _previousDirectory;
        }

        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }

        if (_emulator is not null)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task WriteAsync(ZipArchive zip, string path, string content)
    {
        var writer = new StreamWriter(await zip.CreateEntry(path).OpenAsync().ConfigureAwait(false));
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(content).ConfigureAwait(false);
        }
    }
}
