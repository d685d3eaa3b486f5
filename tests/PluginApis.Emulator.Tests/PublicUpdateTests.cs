using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PluginApis.Emulator.WunderUpdatesApi;

namespace PluginApis.Emulator.Tests;

public sealed class PublicUpdateTests
{
    private const string Demo = EmulatorKeys.WunderUpdatesDemoAccountPrefix;

    private static async Task<JsonElement> Check(HttpClient http, EmulatorHost emu, string slug, string? channel = null, string? key = null)
    {
        using var response = await http.GetAsync(emu.PublicUpdateUri(Demo, slug, channel, key), T.Ct);
        return await response.ExpectJson(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("demo-pro", null, "1.1.0")]
    [InlineData("demo-pro", "stable", "1.1.0")]
    [InlineData("demo-pro", "rc", "1.1.0")]
    [InlineData("demo-pro", "beta", "2.0.0-beta.1")]
    [InlineData("demo-pro", "alpha", "2.0.0-beta.1")]
    [InlineData("demo-free", "stable", "1.0.0")]
    [InlineData("demo-free", "rc", "1.0.1-rc.1")]
    [InlineData("demo-free", "beta", "1.0.1-rc.1")]
    public async Task Channel_is_the_least_acceptable_stability(string slug, string? channel, string expected)
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        var json = await Check(http, emu, slug, channel, EmulatorKeys.DemoLicenseKey);
        Assert.Equal(expected, json.GetProperty("version").GetString());
        Assert.Equal(200, json.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Download_link_only_with_a_valid_licence_key()
    {
        await using var emu = await T.StartAsync(o => o.TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)));
        using var http = T.Client(emu);

        var valid = await Check(http, emu, "demo-pro", key: EmulatorKeys.DemoLicenseKey);
        Assert.Equal("Demo Pro", valid.GetProperty("plugin_name").GetString());
        Assert.Equal("6.0", valid.GetProperty("requires_at_least").GetString());
        Assert.Equal("7.4", valid.GetProperty("requires_php").GetString());
        Assert.Equal("6.8", valid.GetProperty("tested_up_to").GetString());
        Assert.False(string.IsNullOrEmpty(valid.GetProperty("sections").GetProperty("description").GetString()));
        Assert.False(string.IsNullOrEmpty(valid.GetProperty("sections").GetProperty("changelog").GetString()));
        Assert.True(valid.GetProperty("license").GetProperty("valid").GetBoolean());
        var link = valid.GetProperty("download_link").GetString()!;
        using (var download = await http.GetAsync(link, T.Ct))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            var zip = await download.Content.ReadAsByteArrayAsync(T.Ct);
            Assert.Equal((byte)'P', zip[0]);
            Assert.Equal((byte)'K', zip[1]);
        }

        foreach (var key in new[] { null, "WRONG-KEY", "DEMO-PRO-EXPIRED-0001", EmulatorKeys.DemoLemonSqueezyLicenseKey })
        {
            var json = await Check(http, emu, "demo-pro", key: key);
            Assert.False(json.GetProperty("license").GetProperty("valid").GetBoolean(), key);
            Assert.False(json.TryGetProperty("download_link", out _), key);
            Assert.Equal("1.1.0", json.GetProperty("version").GetString());
        }

        // The download itself also checks the key.
        var withoutKey = link[..link.IndexOf('?', StringComparison.Ordinal)];
        using var refused = await http.GetAsync(withoutKey, T.Ct);
        await refused.ExpectWuError(HttpStatusCode.Forbidden);

        var lemon = await Check(http, emu, "demo-lemon", key: EmulatorKeys.DemoLemonSqueezyLicenseKey);
        Assert.True(lemon.GetProperty("license").GetProperty("valid").GetBoolean());
        Assert.True(lemon.TryGetProperty("download_link", out _));

        var free = await Check(http, emu, "demo-free");
        Assert.True(free.GetProperty("license").GetProperty("valid").GetBoolean());
        Assert.True(free.TryGetProperty("download_link", out _));
    }

    [Fact]
    public async Task Key_expiry_follows_the_time_provider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 6, 1, 0, 0, 0, TimeSpan.Zero));
        await using var emu = await T.StartAsync(o => { o.TimeProvider = time; o.EnableRateLimiting = false; });
        using var http = T.Client(emu);
        using (var add = await http.WuJson(HttpMethod.Put, "plugins/demo-pro/license/keys", """{"key":"SHORT","expires":"2030-06-01"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        }

        Assert.True((await Check(http, emu, "demo-pro", key: "SHORT")).GetProperty("license").GetProperty("valid").GetBoolean());
        time.Advance(TimeSpan.FromDays(1));
        Assert.False((await Check(http, emu, "demo-pro", key: "SHORT")).GetProperty("license").GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Unknown_account_plugin_or_channel()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        using var account = await http.GetAsync(emu.PublicUpdateUri("nobody00", "demo-pro"), T.Ct);
        await account.ExpectWuError(HttpStatusCode.NotFound);
        using var plugin = await http.GetAsync(emu.PublicUpdateUri(Demo, "nope"), T.Ct);
        await plugin.ExpectWuError(HttpStatusCode.NotFound);
        using var otherAccountsPlugin = await http.GetAsync(emu.PublicUpdateUri(Demo, "other-secret"), T.Ct);
        await otherAccountsPlugin.ExpectWuError(HttpStatusCode.NotFound);
        using var channel = await http.GetAsync(emu.PublicUpdateUri(Demo, "demo-pro", "nightly"), T.Ct);
        await channel.ExpectWuError(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("1.0.0", "2.0.0")]
    [InlineData("2.0.0-beta.1", "2.0.0")]
    [InlineData("2.0.0-beta.2", "2.0.0-beta.10")]
    [InlineData("2.0.0-beta.10", "2.0.0-rc.1")]
    [InlineData("2.0.0-alpha", "2.0.0-alpha.1")]
    [InlineData("2.0.0-alpha.beta", "2.0.0-beta")]
    [InlineData("1.9", "1.10")]
    [InlineData("1.2.3", "1.2.3.1")]
    [InlineData("not-a-version", "0.0.1")]
    public void Semver_precedence(string lower, string higher)
    {
        Assert.True(SemanticVersion.Parse(lower).CompareTo(SemanticVersion.Parse(higher)) < 0);
        Assert.True(SemanticVersion.Parse(higher).CompareTo(SemanticVersion.Parse(lower)) > 0);
        Assert.Equal(0, SemanticVersion.Parse(higher + "+build.5").CompareTo(SemanticVersion.Parse(higher)));
    }

    [Fact]
    public async Task The_changelog_section_is_the_uploaded_readmes_changelog()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        var zip = T.Zip(
            ("demo-free/demo-free.php", "<?php\n/**\n * Plugin Name: Demo Free\n * Version: 1.2.0\n */\n"),
            ("demo-free/readme.txt", "=== Demo Free ===\r\nStable tag: 1.2.0\r\n\r\n== Description ==\r\nFree.\r\n\r\n" +
                                      "== Changelog ==\r\n\r\n= 1.2.0 =\r\n* Faster 'checkout' & <b>bold</b> fixes.\r\n\r\n= 1.1.0 =\r\n* First.\r\n\r\n" +
                                      "== Upgrade Notice ==\r\nUpgrade.\r\n"));
        using (var upload = await http.WuUpload("demo-free", zip))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        using var response = await http.GetAsync(emu.PublicUpdateUri(Demo, "demo-free"), T.Ct);
        var raw = await response.Content.ReadAsStringAsync(T.Ct);
        using var json = JsonDocument.Parse(raw);
        Assert.Equal("= 1.2.0 =\n* Faster 'checkout' & <b>bold</b> fixes.\n\n= 1.1.0 =\n* First.",
            json.RootElement.GetProperty("sections").GetProperty("changelog").GetString());
        // Served as JSON, not HTML: quotes, ampersands and angle brackets are written as they are.
        Assert.Contains("Faster 'checkout' & <b>bold</b>", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_changelog_section_the_changelog_is_generated()
    {
        await using var emu = await T.StartAsync(o => o.TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));
        using var http = T.Client(emu);
        using (var upload = await http.WuUpload("demo-free", T.PluginZip("demo-free", "1.3.0")))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        var json = await Check(http, emu, "demo-free");
        Assert.Equal("= 1.3.0 =\n* Uploaded 2026-12-01T00:00:00Z.", json.GetProperty("sections").GetProperty("changelog").GetString());
    }

    [Theory]
    [InlineData("== Changelog ==\nA\n== FAQ ==\nB", "A")]
    [InlineData("=== Title ===\n== changelog ==\n\n= 1 =\n* x\n", "= 1 =\n* x")]
    [InlineData("# Title\n## Changelog\n### 1.0\n* y\n## FAQ\nz", "### 1.0\n* y")]
    [InlineData("== Changelog ==\n\n== FAQ ==\nB", null)]
    [InlineData("== Description ==\nNo changelog.", null)]
    public void Changelog_section_rules(string readme, string? expected) =>
        Assert.Equal(expected, ReadmeChangelog.Section(readme, "changelog"));
}
