using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PluginApis.Emulator;
using WunderUpdates.Client;

namespace PluginApis.Reliability.Tests;

/// <summary>
/// The emulator under hostile requests: every one is answered with a 4xx JSON error body and a normal request works afterwards.
/// (tests/PluginApis.Emulator.Tests covers the happy paths of isolation and uploads; this is the one hardening suite.)
/// </summary>
public sealed class EmulatorHardeningTests
{
    private const int SmallUpload = 256 * 1024;

    public static TheoryData<string> Attacks() => new()
    {
        "PT: another user's plugin", "PT: another user's reports", "PT: another user's webhook", "PT: delete another user's webhook",
        "PT: delete another user's plugin", "PT: enqueue into another user's directory",
        "WU: another account's plugin", "WU: another account's versions", "WU: change another account's licence",
        "WU: another account's licence keys", "WU: delete another account's plugin", "WU: upload to another account's plugin",
        "PT: JSON body over the limit", "WU: JSON body over the limit", "PT: invalid JSON", "WU: JSON array instead of object",
        "WU: upload over the limit (Content-Length)", "WU: upload over the limit (chunked)",
        "WU: ZIP bomb", "WU: 10,000 entries", "WU: ../ entry", "WU: absolute entry", "WU: drive-letter entry", "WU: nested ../ entry",
        "WU: backslash ../ entry", "WU: not a ZIP", "WU: truncated ZIP", "WU: empty body", "PT: no key", "WU: wrong key",
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task A_hostile_request_gets_a_4xx_JSON_error_and_the_emulator_stays_up(string attack)
    {
        await using var emu = await Rig.StartEmulatorAsync(o =>
        {
            // The 10,000-entry ZIP is ~1 MB: it must pass the size limit to reach the entry limit.
            o.MaxUploadBytes = attack.Contains("10,000", StringComparison.Ordinal) ? 4 * 1024 * 1024 : SmallUpload;
            o.MaxJsonBodyBytes = 16 * 1024;
            o.MaxUncompressedBytes = 1024 * 1024;
        });
        using var http = new HttpClient { BaseAddress = emu.BaseAddress };
        var otherSecretBefore = await Wu(http, HttpMethod.Get, "plugins/other-secret", key: EmulatorKeys.WunderUpdatesOther);

        using var response = await Send(http, attack);

        var body = await response.Content.ReadAsStringAsync(Rig.Ct);
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{attack}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using (var json = JsonDocument.Parse(body))
        {
            var root = json.RootElement;
            var message = root.TryGetProperty("error", out var error) ? error.GetProperty("message").GetString() : root.GetProperty("message").GetString();
            Assert.False(string.IsNullOrWhiteSpace(message));
        }

        // Still up, and nothing of the other account changed.
        using var ok = await Wu(http, HttpMethod.Get, "plugins");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var pt = await http.GetAsync($"api/v1/user?apiKey={Uri.EscapeDataString(EmulatorKeys.PluginTestsDemo)}", Rig.Ct);
        Assert.Equal(HttpStatusCode.OK, pt.StatusCode);
        using var otherSecretAfter = await Wu(http, HttpMethod.Get, "plugins/other-secret", key: EmulatorKeys.WunderUpdatesOther);
        Assert.Equal(await otherSecretBefore.Content.ReadAsStringAsync(Rig.Ct), await otherSecretAfter.Content.ReadAsStringAsync(Rig.Ct));
        using var otherHook = await http.GetAsync($"api/v1/user/webhooks/wh_other0001?apiKey={Uri.EscapeDataString(EmulatorKeys.PluginTestsOther)}", Rig.Ct);
        Assert.Equal(HttpStatusCode.OK, otherHook.StatusCode);
        Assert.Equal(0, emu.Stats.PluginsDeleted + emu.Stats.WebhooksDeleted + emu.Stats.PluginTestsPluginsDeleted + emu.Stats.VersionsUploaded + emu.Stats.TestQueueJobsCreated);
    }

    [Fact]
    public async Task The_client_refuses_the_same_archives_before_sending()
    {
        await using var emu = await Rig.StartEmulatorAsync();
        using var sockets = Rig.Sockets();
        using var wu = Rig.Wu(emu, sockets);
        var before = emu.Stats.Requests;

        foreach (var zip in new[] { Traversal("../evil.php"), Traversal("/etc/evil.php"), Traversal("C:/evil.php"), [1, 2, 3] })
        {
            await Assert.ThrowsAsync<InvalidPluginArchiveException>(() => wu.UploadVersionAsync("demo-pro", new MemoryStream(zip), cancellationToken: Rig.Ct));
        }

        Assert.Equal(before, emu.Stats.Requests);
    }

    private static Task<HttpResponseMessage> Send(HttpClient http, string attack) => attack switch
    {
        "PT: another user's plugin" => Pt(http, HttpMethod.Get, "plugins/other/other-secret-plugin"),
        "PT: another user's reports" => Pt(http, HttpMethod.Get, "plugins/other/other-secret-plugin/reports"),
        "PT: another user's webhook" => Pt(http, HttpMethod.Get, "user/webhooks/wh_other0001"),
        "PT: delete another user's webhook" => Pt(http, HttpMethod.Delete, "user/webhooks/wh_other0001"),
        "PT: delete another user's plugin" => Pt(http, HttpMethod.Delete, "plugins/other/other-secret-plugin"),
        "PT: enqueue into another user's directory" => Pt(http, HttpMethod.Post, "test-queue", Json("""{"directory":"other","slug":"other-secret-plugin"}""")),
        "WU: another account's plugin" => Wu(http, HttpMethod.Get, "plugins/other-secret"),
        "WU: another account's versions" => Wu(http, HttpMethod.Get, "plugins/other-secret/versions/3.0.0"),
        "WU: change another account's licence" => Wu(http, HttpMethod.Put, "plugins/other-secret", Json("""{"license":{"type":"no-license"}}""")),
        "WU: another account's licence keys" => Wu(http, HttpMethod.Get, "plugins/other-secret/license/keys"),
        "WU: delete another account's plugin" => Wu(http, HttpMethod.Delete, "plugins/other-secret"),
        "WU: upload to another account's plugin" => Wu(http, HttpMethod.Post, "plugins/other-secret/versions", ZipContent(Rig.PluginZip("other-secret", "9.9.9"))),
        "PT: JSON body over the limit" => Pt(http, HttpMethod.Post, "user/webhooks", Json($$"""{"url":"https://example.com/{{new string('a', 32 * 1024)}}"}""")),
        "WU: JSON body over the limit" => Wu(http, HttpMethod.Post, "plugins", Json($$$"""{"slug":"{{{new string('a', 32 * 1024)}}}","license":{"type":"no-license"}}""")),
        "PT: invalid JSON" => Pt(http, HttpMethod.Post, "test-queue", Json("""{"directory":"wporg","slug":""")),
        "WU: JSON array instead of object" => Wu(http, HttpMethod.Post, "plugins", Json("[1,2,3]")),
        "WU: upload over the limit (Content-Length)" => Wu(http, HttpMethod.Post, "plugins/demo-pro/versions", ZipContent(new byte[SmallUpload + 1])),
        "WU: upload over the limit (chunked)" => Wu(http, HttpMethod.Post, "plugins/demo-pro/versions", new StreamContent(new NoLengthStream(new byte[SmallUpload * 3]))),
        "WU: ZIP bomb" => Wu(http, HttpMethod.Post, "plugins/demo-pro/versions", ZipContent(Bomb())),
        "WU: 10,000 entries" => Wu(http, HttpMethod.Post, "plugins/demo-pro/versions", ZipContent(Many(10_000))),
        "WU: ../ entry" => Wu(http, HttpMethod.Post, "plugins/demo-pro/versions", ZipContent(Traversal("../evil.php"))),
        "WU: absolute entry" => Wu(http, HttpMethod.Post, "plugins/demo-pro/versions", ZipContent(Traversal("/etc/evil.php"))),
        "WU: drive-letter entry" => Wu(http, HttpMethod.Post, "plugins/demo-pro/versions", ZipContent(Traversal("C:/evil.php"))),
        "WU: nested ../ entry" => Wu(http, HttpMethod.Post, "plugins/demo-pro/versions", ZipContent(Traversal("demo-pro/../../evil.php"))),
        "WU: backslash ../ entry" => Wu(http, HttpMethod.Post, "plugins/demo-pro/versions", ZipContent(Traversal("demo-pro\\..\\..\\evil.php"))),
        "WU: not a ZIP" => Wu(http, HttpMethod.Post, "plugins/demo-pro/versions", ZipContent(Encoding.UTF8.GetBytes("<?php echo 'not a zip';"))),
        "WU: truncated ZIP" => Wu(http, HttpMethod.Post, "plugins/demo-pro/versions", ZipContent(Rig.PluginZip("demo-pro", "9.0.0")[..200])),
        "WU: empty body" => Wu(http, HttpMethod.Post, "plugins/demo-pro/versions", ZipContent([])),
        "PT: no key" => http.GetAsync("api/v1/user", Rig.Ct),
        "WU: wrong key" => Wu(http, HttpMethod.Get, "plugins", key: EmulatorKeys.PluginTestsDemo),
        _ => throw new ArgumentOutOfRangeException(nameof(attack), attack, null),
    };

    private static Task<HttpResponseMessage> Pt(HttpClient http, HttpMethod method, string path, HttpContent? content = null) =>
        http.SendAsync(new HttpRequestMessage(method, $"api/v1/{path}?apiKey={Uri.EscapeDataString(EmulatorKeys.PluginTestsDemo)}") { Content = content }, Rig.Ct);

    private static Task<HttpResponseMessage> Wu(HttpClient http, HttpMethod method, string path, HttpContent? content = null, string key = EmulatorKeys.WunderUpdatesDemo)
    {
        var request = new HttpRequestMessage(method, "v1/" + path) { Content = content };
        request.Headers.Add("x-api-key", key);
        return http.SendAsync(request, Rig.Ct);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static ByteArrayContent ZipContent(byte[] zip)
    {
        var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return content;
    }

    private static byte[] Traversal(string entry) => Rig.Zip(
        ("demo-pro/demo-pro.php", "<?php\n/*\n * Plugin Name: Demo Pro\n * Version: 9.0.0\n */\n"),
        (entry, "<?php system($_GET['c']);"));

    private static byte[] Many(int entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var main = zip.CreateEntry("demo-pro/demo-pro.php").Open())
            {
                main.Write("<?php\n/*\n * Plugin Name: Demo Pro\n * Version: 9.0.0\n */\n"u8);
            }

            for (var i = 1; i < entries; i++)
            {
                zip.CreateEntry($"demo-pro/f/{i}.txt", CompressionLevel.NoCompression);
            }
        }

        return buffer.ToArray();
    }

    // 64 MiB of zeros in ~64 KiB: far over MaxUncompressedBytes (1 MiB here, 200 MiB by default, which a 4 GiB bomb would pass just the same).
    private static byte[] Bomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var main = zip.CreateEntry("demo-pro/demo-pro.php").Open())
            {
                main.Write("<?php\n/*\n * Plugin Name: Demo Pro\n * Version: 9.0.0\n */\n"u8);
            }

            using var bomb = zip.CreateEntry("demo-pro/zeros.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                bomb.Write(zeros);
            }
        }

        return buffer.ToArray();
    }

    private sealed class NoLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
