using System.Net;
using System.Text.Json;

namespace PluginApis.Emulator.Tests;

public sealed class WunderUpdatesShapeTests
{
    [Fact]
    public async Task Plugins_lifecycle_uses_the_documented_envelopes()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);

        using (var list = await http.WuGet("plugins"))
        {
            var json = await list.ExpectJson(HttpStatusCode.OK);
            Assert.Equal(200, json.GetProperty("status").GetInt32());
            var plugins = json.GetProperty("plugins");
            Assert.Equal(["demo-free", "demo-lemon", "demo-pro"], plugins.Strings("slug"));
            var lemon = plugins[1].GetProperty("license");
            Assert.Equal("lemonsqueezy", lemon.GetProperty("type").GetString());
            Assert.Equal(12345, lemon.GetProperty("products")[0].GetInt64());
            Assert.False(plugins[2].GetProperty("license").TryGetProperty("products", out _)); // only with lemonsqueezy
        }

        using (var created = await http.WuJson(HttpMethod.Post, "plugins", """{"slug":"my-new-plugin","license":{"type":"static-keys"}}"""))
        {
            var json = await created.ExpectJson(HttpStatusCode.OK);
            Assert.Equal(200, json.GetProperty("status").GetInt32());
            var data = json.GetProperty("data");
            Assert.Equal(JsonValueKind.Array, data.ValueKind);
            Assert.Equal("my-new-plugin", data[0].GetProperty("slug").GetString());
            Assert.Equal("static-keys", data[0].GetProperty("license").GetProperty("type").GetString());
            Assert.Equal(0, data[0].GetProperty("versions").GetArrayLength());
        }

        using (var duplicate = await http.WuJson(HttpMethod.Post, "plugins", """{"slug":"my-new-plugin","license":{"type":"static-keys"}}"""))
        {
            await duplicate.ExpectWuError(HttpStatusCode.Conflict);
        }

        using (var update = await http.WuJson(HttpMethod.Put, "plugins/my-new-plugin", """{"license":{"type":"lemonsqueezy","products":[12345,678]}}"""))
        {
            var plugin = (await update.ExpectJson(HttpStatusCode.OK)).GetProperty("plugin");
            Assert.Equal("lemonsqueezy", plugin.GetProperty("license").GetProperty("type").GetString());
            Assert.Equal(2, plugin.GetProperty("license").GetProperty("products").GetArrayLength());
        }

        using (var get = await http.WuGet("plugins/my-new-plugin"))
        {
            Assert.Equal("lemonsqueezy", (await get.ExpectJson(HttpStatusCode.OK)).GetProperty("plugin").GetProperty("license").GetProperty("type").GetString());
        }

        using (var delete = await http.Wu(HttpMethod.Delete, "plugins/my-new-plugin"))
        {
            var json = await delete.ExpectJson(HttpStatusCode.OK);
            Assert.Equal("Plugin my-new-plugin was deleted", json.GetProperty("message").GetString());
        }

        using var gone = await http.WuGet("plugins/my-new-plugin");
        await gone.ExpectWuError(HttpStatusCode.NotFound);
        Assert.Equal(1, emu.Stats.PluginsCreated);
        Assert.Equal(1, emu.Stats.PluginsDeleted);
    }

    [Theory]
    [InlineData("""{"slug":"x","license":{"type":"free"}}""")]
    [InlineData("""{"slug":"x","license":{"type":"lemonsqueezy"}}""")]
    [InlineData("""{"slug":"x","license":{"type":"static-keys","products":[1]}}""")]
    [InlineData("""{"slug":"Bad Slug","license":{"type":"no-license"}}""")]
    [InlineData("""{"license":{"type":"no-license"}}""")]
    [InlineData("""{"slug":"x"}""")]
    [InlineData("""[1,2]""")]
    public async Task Invalid_plugin_bodies_are_400(string body)
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        using var response = await http.WuJson(HttpMethod.Post, "plugins", body);
        await response.ExpectWuError(HttpStatusCode.BadRequest);
        Assert.Equal(0, emu.Stats.PluginsCreated);
    }

    [Fact]
    public async Task Versions_envelopes_and_delete_message()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        using (var versions = await http.WuGet("plugins/demo-pro/versions"))
        {
            var list = (await versions.ExpectJson(HttpStatusCode.OK)).GetProperty("versions");
            Assert.Equal(["2.0.0-beta.1", "1.1.0", "1.0.0"], list.Strings("version")); // newest first (semver)
            Assert.Equal("demo-pro-2.0.0-beta.1.zip", list[0].GetProperty("file").GetString());
        }

        using (var one = await http.WuGet("plugins/demo-pro/versions/1.1.0"))
        {
            var v = (await one.ExpectJson(HttpStatusCode.OK)).GetProperty("version");
            Assert.Equal("1.1.0", v.GetProperty("version").GetString());
            Assert.Equal("demo-pro-1.1.0.zip", v.GetProperty("file").GetString());
        }

        using (var delete = await http.Wu(HttpMethod.Delete, "plugins/demo-pro/versions/2.0.0-beta.1"))
        {
            Assert.Equal("Version 2.0.0-beta.1 of demo-pro was deleted.",
                (await delete.ExpectJson(HttpStatusCode.OK)).GetProperty("message").GetString());
        }

        using var missing = await http.WuGet("plugins/demo-pro/versions/2.0.0-beta.1");
        await missing.ExpectWuError(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Static_licence_keys_get_replace_add_get_one_delete()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        using (var keys = await http.WuGet("plugins/demo-pro/license/keys"))
        {
            var list = (await keys.ExpectJson(HttpStatusCode.OK)).GetProperty("keys");
            Assert.Equal([EmulatorKeys.DemoLicenseKey, "DEMO-PRO-EXPIRED-0001"], list.Strings("key"));
            Assert.Equal(JsonValueKind.Null, list[0].GetProperty("expires").ValueKind);
            Assert.Equal("2020-01-01", list[1].GetProperty("expires").GetString());
        }

        using (var replace = await http.WuJson(HttpMethod.Post, "plugins/demo-pro/license/keys",
                   """{"keys":[{"key":"A-1","expires":null},{"key":"B-2","expires":"2030-12-31"}]}"""))
        {
            Assert.Equal(200, (await replace.ExpectJson(HttpStatusCode.OK)).GetProperty("status").GetInt32());
        }

        using (var add = await http.WuJson(HttpMethod.Put, "plugins/demo-pro/license/keys", """{"key":"C-3","expires":null}"""))
        {
            Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        }

        using (var keys = await http.WuGet("plugins/demo-pro/license/keys"))
        {
            Assert.Equal(["A-1", "B-2", "C-3"], (await keys.ExpectJson(HttpStatusCode.OK)).GetProperty("keys").Strings("key"));
        }

        using (var one = await http.WuGet("plugins/demo-pro/license/keys/B-2"))
        {
            var key = (await one.ExpectJson(HttpStatusCode.OK)).GetProperty("license-key");
            Assert.Equal("B-2", key.GetProperty("key").GetString());
            Assert.Equal("2030-12-31", key.GetProperty("expires").GetString());
        }

        using (var delete = await http.Wu(HttpMethod.Delete, "plugins/demo-pro/license/keys/B-2"))
        {
            Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        }

        using (var gone = await http.WuGet("plugins/demo-pro/license/keys/B-2"))
        {
            await gone.ExpectWuError(HttpStatusCode.NotFound);
        }

        using (var bareArray = await http.WuJson(HttpMethod.Post, "plugins/demo-pro/license/keys", """[{"key":"Z-9"}]"""))
        {
            Assert.Equal(HttpStatusCode.OK, bareArray.StatusCode);
        }

        using (var badDate = await http.WuJson(HttpMethod.Put, "plugins/demo-pro/license/keys", """{"key":"D-4","expires":"31.12.2030"}"""))
        {
            await badDate.ExpectWuError(HttpStatusCode.BadRequest);
        }

        using (var notStatic = await http.WuGet("plugins/demo-lemon/license/keys"))
        {
            await notStatic.ExpectWuError(HttpStatusCode.BadRequest);
        }

        Assert.Equal(4, emu.Stats.LicenseKeyWrites);
    }

    [Fact]
    public async Task Licence_key_data_is_capped()
    {
        await using var emu = await T.StartAsync(o => o.MaxLicenseKeyDataBytes = 1000);
        using var http = T.Client(emu);
        var keys = string.Join(",", Enumerable.Range(0, 50).Select(i => $"{{\"key\":\"KEY-{i:D4}-XXXXXXXXXXXXXXXX\"}}"));
        using var response = await http.WuJson(HttpMethod.Post, "plugins/demo-pro/license/keys", $"{{\"keys\":[{keys}]}}");
        await response.ExpectWuError(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, emu.Stats.LicenseKeyWrites);
    }

    [Fact]
    public async Task Account_license_and_tokens()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        using (var account = await http.WuGet("account"))
        {
            var json = await account.ExpectJson(HttpStatusCode.OK);
            Assert.Equal(EmulatorKeys.WunderUpdatesDemoAccountPrefix, json.GetProperty("account").GetProperty("prefix").GetString());
            Assert.Equal(0, json.GetProperty("account").GetProperty("activationUsage").GetInt32());
            Assert.Equal(1, json.GetProperty("account").GetProperty("activationLimit").GetInt32());
            Assert.Equal(0, json.GetProperty("products").GetProperty("themes").GetArrayLength());
            Assert.Equal(JsonValueKind.Array, json.GetProperty("products").GetProperty("plugins").ValueKind);
        }

        using (var license = await http.WuGet("account/license"))
        {
            var l = (await license.ExpectJson(HttpStatusCode.OK)).GetProperty("license");
            Assert.Equal(10, l.GetProperty("limit").GetInt32());
            Assert.Equal(99999999, l.GetProperty("expires").GetInt64());
        }

        using (var activate = await http.WuJson(HttpMethod.Post, "account/license", """{"license":"ACCOUNT-KEY"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, activate.StatusCode);
        }

        using (var tokens = await http.WuGet("account/tokens"))
        {
            var t = (await tokens.ExpectJson(HttpStatusCode.OK)).GetProperty("tokens");
            Assert.Equal(["ci"], t.Strings("name"));
            Assert.Equal(-1, t[0].GetProperty("expires").GetInt64());
            Assert.False(t[0].TryGetProperty("value", out _));
        }

        foreach (var bad in new[]
                 {
                     """{"name":"Has Upper","expires":30}""", """{"name":"under_score","expires":30}""", """{"name":"ok","expires":0}""",
                     """{"name":"ok","expires":366}""", """{"name":"ok"}""", """{"name":"ci","expires":-1}""",
                 })
        {
            using var response = await http.WuJson(HttpMethod.Post, "account/tokens", bad);
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, bad);
            await response.ExpectWuError(response.StatusCode);
        }

        using (var never = await http.WuJson(HttpMethod.Post, "account/tokens", """{"name":"forever","expires":-1}"""))
        {
            Assert.Equal(-1, (await never.ExpectJson(HttpStatusCode.OK)).GetProperty("token").GetProperty("expires").GetInt64());
        }

        Assert.Equal(1, emu.Stats.TokensCreated);
    }
}
