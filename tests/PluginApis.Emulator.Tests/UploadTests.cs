using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace PluginApis.Emulator.Tests;

public sealed class UploadTests
{
    private static async Task<EmulatorHost> StartWithPluginAsync(Action<EmulatorOptions>? configure = null)
    {
        var emu = await T.StartAsync(o =>
        {
            o.EnableRateLimiting = false;
            configure?.Invoke(o);
        });
        using var http = T.Client(emu);
        using var created = await http.WuJson(HttpMethod.Post, "plugins", """{"slug":"my-plugin","license":{"type":"no-license"}}""");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        return emu;
    }

    /// <summary>A refused upload stores nothing and the emulator still answers.</summary>
    private static async Task AssertNothingStoredAndAlive(EmulatorHost emu, HttpClient http)
    {
        Assert.Equal(0, emu.Stats.VersionsUploaded);
        using var versions = await http.WuGet("plugins/my-plugin/versions");
        Assert.Equal(0, (await versions.ExpectJson(HttpStatusCode.OK)).GetProperty("versions").GetArrayLength());
        using var good = await http.WuUpload("my-plugin", T.PluginZip("my-plugin", "1.0.0"));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Fact]
    public async Task Valid_zip_is_stored_as_slug_version_and_same_version_replaces()
    {
        await using var emu = await StartWithPluginAsync();
        using var http = T.Client(emu);

        using (var upload = await http.WuUpload("my-plugin", T.PluginZip("my-plugin", "1.2.0-beta.1")))
        {
            var json = await upload.ExpectJson(HttpStatusCode.OK);
            Assert.Equal(200, json.GetProperty("status").GetInt32());
            Assert.Equal("Zip archive uploaded successfully.", json.GetProperty("message").GetString());
        }

        var replacement = T.PluginZip("my-plugin", "1.2.0-beta.1", name: "Renamed Plugin");
        using (var again = await http.WuUpload("my-plugin", replacement))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        using (var versions = await http.WuGet("plugins/my-plugin/versions"))
        {
            var list = (await versions.ExpectJson(HttpStatusCode.OK)).GetProperty("versions");
            Assert.Equal(["my-plugin-1.2.0-beta.1.zip"], list.Strings("file"));
            Assert.Equal(["1.2.0-beta.1"], list.Strings("version"));
        }

        using (var one = await http.WuGet("plugins/my-plugin/versions/1.2.0-beta.1"))
        {
            var version = (await one.ExpectJson(HttpStatusCode.OK)).GetProperty("version");
            Assert.Equal("my-plugin-1.2.0-beta.1.zip", version.GetProperty("file").GetString());
        }

        // The public endpoint serves the replacement's metadata and bytes.
        using var info = await http.GetAsync(emu.PublicUpdateUri(EmulatorKeys.WunderUpdatesDemoAccountPrefix, "my-plugin", "beta"), T.Ct);
        var infoJson = await info.ExpectJson(HttpStatusCode.OK);
        Assert.Equal("Renamed Plugin", infoJson.GetProperty("plugin_name").GetString());
        Assert.Equal("6.1", infoJson.GetProperty("requires_at_least").GetString());
        Assert.Equal("6.9", infoJson.GetProperty("tested_up_to").GetString());
        Assert.Equal("8.1", infoJson.GetProperty("requires_php").GetString());
        var bytes = await http.GetByteArrayAsync(infoJson.GetProperty("download_link").GetString(), T.Ct);
        Assert.Equal(replacement, bytes);
        Assert.Equal(2, emu.Stats.VersionsUploaded);
    }

    [Fact]
    public async Task Oversize_body_is_413_json()
    {
        await using var emu = await StartWithPluginAsync(o => o.MaxUploadBytes = 64 * 1024);
        using var http = T.Client(emu);
        using var response = await http.WuUpload("my-plugin", RandomNumberGenerator.GetBytes(200 * 1024));
        await response.ExpectWuError(HttpStatusCode.RequestEntityTooLarge);
        await AssertNothingStoredAndAlive(emu, http);
    }

    [Fact]
    public async Task Oversize_chunked_body_without_content_length_is_413_json()
    {
        await using var emu = await StartWithPluginAsync(o => o.MaxUploadBytes = 64 * 1024);
        using var http = T.Client(emu);
        var content = new StreamContent(new NonSeekableStream(RandomNumberGenerator.GetBytes(150 * 1024)));
        using var response = await http.Wu(HttpMethod.Post, "plugins/my-plugin/versions", content: content);
        Assert.Null(response.RequestMessage!.Content!.Headers.ContentLength);
        await response.ExpectWuError(HttpStatusCode.RequestEntityTooLarge);
        await AssertNothingStoredAndAlive(emu, http);
    }

    [Fact]
    public async Task Too_many_entries_is_refused()
    {
        await using var emu = await StartWithPluginAsync(o => o.MaxArchiveEntries = 10);
        using var http = T.Client(emu);
        var entries = Enumerable.Range(0, 20).Select(i => ($"my-plugin/file{i}.txt", "x"))
            .Prepend(("my-plugin/my-plugin.php", "<?php\n/* Plugin Name: P\n Version: 1.0.0 */")).ToArray();
        using var response = await http.WuUpload("my-plugin", T.Zip(entries));
        var message = await response.ExpectWuError(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("LimitExceeded", message, StringComparison.Ordinal);
        await AssertNothingStoredAndAlive(emu, http);
    }

    [Fact]
    public async Task Zip_bomb_by_declared_uncompressed_size_is_refused_without_expanding()
    {
        await using var emu = await StartWithPluginAsync(o => o.MaxUncompressedBytes = 1024 * 1024);
        using var http = T.Client(emu);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var main = zip.CreateEntry("my-plugin/my-plugin.php").Open())
            {
                main.Write(Encoding.UTF8.GetBytes("<?php\n/* Plugin Name: P\n Version: 1.0.0 */"));
            }

            using var bomb = zip.CreateEntry("my-plugin/zeros.bin", CompressionLevel.SmallestSize).Open();
            bomb.Write(new byte[8 * 1024 * 1024]);
        }

        Assert.True(buffer.Length < 64 * 1024, "the bomb itself is small");
        using var response = await http.WuUpload("my-plugin", buffer.ToArray());
        await response.ExpectWuError(HttpStatusCode.RequestEntityTooLarge);
        await AssertNothingStoredAndAlive(emu, http);
    }

    [Theory]
    [InlineData("my-plugin/../evil.php")]
    [InlineData("/etc/my-plugin.php")]
    [InlineData("my-plugin/..\\..\\evil.php")]
    public async Task Traversal_entries_are_refused(string entry)
    {
        await using var emu = await StartWithPluginAsync();
        using var http = T.Client(emu);
        var zip = T.Zip(("my-plugin/my-plugin.php", "<?php\n/* Plugin Name: P\n Version: 1.0.0 */"), (entry, "<?php evil();"));
        using var response = await http.WuUpload("my-plugin", zip);
        var message = await response.ExpectWuError(HttpStatusCode.BadRequest);
        Assert.Contains("UnsafeEntryPath", message, StringComparison.Ordinal);
        await AssertNothingStoredAndAlive(emu, http);
    }

    [Fact]
    public async Task Not_a_zip_is_refused()
    {
        await using var emu = await StartWithPluginAsync();
        using var http = T.Client(emu);
        using var text = await http.WuUpload("my-plugin", Encoding.UTF8.GetBytes("this is not a zip file at all"));
        Assert.Contains("NotAZip", await text.ExpectWuError(HttpStatusCode.BadRequest), StringComparison.Ordinal);

        var truncated = T.PluginZip("my-plugin", "1.0.0")[..100];
        using var cut = await http.WuUpload("my-plugin", truncated);
        await cut.ExpectWuError(HttpStatusCode.BadRequest);

        using var empty = await http.WuUpload("my-plugin", []);
        await empty.ExpectWuError(HttpStatusCode.BadRequest);
        await AssertNothingStoredAndAlive(emu, http);
    }

    [Fact]
    public async Task Slug_mismatch_is_refused()
    {
        await using var emu = await StartWithPluginAsync();
        using var http = T.Client(emu);
        using var response = await http.WuUpload("my-plugin", T.PluginZip("someone-else", "1.0.0"));
        Assert.Contains("SlugMismatch", await response.ExpectWuError(HttpStatusCode.BadRequest), StringComparison.Ordinal);
        await AssertNothingStoredAndAlive(emu, http);
    }

    [Fact]
    public async Task Zip_without_a_version_is_refused()
    {
        await using var emu = await StartWithPluginAsync();
        using var http = T.Client(emu);
        var zip = T.Zip(
            ("my-plugin/my-plugin.php", "<?php\n/**\n * Plugin Name: No Version\n */\n"),
            ("my-plugin/readme.txt", "=== No Version ===\nStable tag: trunk\n"));
        using var response = await http.WuUpload("my-plugin", zip);
        Assert.Contains("NoVersion", await response.ExpectWuError(HttpStatusCode.BadRequest), StringComparison.Ordinal);
        await AssertNothingStoredAndAlive(emu, http);
    }

    [Fact]
    public async Task Version_unsafe_for_a_file_name_is_refused()
    {
        await using var emu = await StartWithPluginAsync();
        using var http = T.Client(emu);
        using var response = await http.WuUpload("my-plugin", T.PluginZip("my-plugin", "1.0/../../x"));
        await response.ExpectWuError(HttpStatusCode.BadRequest);
        await AssertNothingStoredAndAlive(emu, http);
    }

    [Fact]
    public async Task Upload_to_unknown_plugin_is_404()
    {
        await using var emu = await StartWithPluginAsync();
        using var http = T.Client(emu);
        using var response = await http.WuUpload("no-such-plugin", T.PluginZip("no-such-plugin", "1.0.0"));
        await response.ExpectWuError(HttpStatusCode.NotFound);
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
