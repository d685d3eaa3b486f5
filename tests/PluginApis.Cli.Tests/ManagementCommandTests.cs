namespace PluginApis.Cli.Tests;

public sealed class ManagementCommandTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly PluginZip _zips = new();

    public void Dispose() => _zips.Dispose();

    private Task<CliResult> Run(params string[] args) => CliRunner.RunAsync(fixture.Environment, args);

    [Fact]
    public async Task Plugins_create_list_get_and_delete()
    {
        var created = await Run("plugins", "create", "cli-managed", "--license", "no-license", "--json");
        Assert.Equal(0, created.ExitCode);
        Assert.Equal("created", created.Json().GetProperty("action").GetString());

        var listed = (await Run("plugins", "list", "--json")).Json().GetProperty("plugins").EnumerateArray();
        var plugin = Assert.Single(listed, p => p.GetProperty("slug").GetString() == "cli-managed");
        Assert.Equal("no-license", plugin.GetProperty("license").GetProperty("type").GetString());

        var text = await Run("plugins", "get", "cli-managed");
        Assert.Contains("cli-managed", text.Out);
        Assert.Contains("no-license", text.Out);

        Assert.Equal(0, (await Run("plugins", "delete", "cli-managed")).ExitCode);
        Assert.Equal(ExitCodes.NotFound, (await Run("plugins", "get", "cli-managed")).ExitCode);
    }

    [Fact]
    public async Task Versions_list_and_delete()
    {
        Assert.Equal(0, (await Run("release", _zips.Write("cli-versions", "1.0.0"), "--create-if-missing")).ExitCode);
        Assert.Equal(0, (await Run("release", _zips.Write("cli-versions", "1.1.0"))).ExitCode);

        Assert.Equal(0, (await Run("versions", "delete", "cli-versions", "1.0.0")).ExitCode);

        var versions = (await Run("versions", "list", "cli-versions", "--json")).Json().GetProperty("versions");
        Assert.Equal(["1.1.0"], versions.EnumerateArray().Select(v => v.GetProperty("version").GetString()));
        Assert.Equal(ExitCodes.NotFound, (await Run("versions", "delete", "cli-versions", "9.9.9")).ExitCode);
    }

    [Fact]
    public async Task Keys_add_list_and_delete()
    {
        Assert.Equal(0, (await Run("plugins", "create", "cli-keys")).ExitCode);

        Assert.Equal(0, (await Run("keys", "add", "cli-keys", "CUSTOMER-KEY-1", "--expires", "2030-01-31")).ExitCode);
        Assert.Equal(0, (await Run("keys", "add", "cli-keys", "CUSTOMER-KEY-2")).ExitCode);
        var keys = (await Run("keys", "list", "cli-keys", "--json")).Json().GetProperty("keys").EnumerateArray().ToList();
        Assert.Contains(keys, k => k.GetProperty("key").GetString() == "CUSTOMER-KEY-1" && k.GetProperty("expires").GetString() == "2030-01-31");
        Assert.Contains(keys, k => k.GetProperty("key").GetString() == "CUSTOMER-KEY-2" && k.GetProperty("expires").ValueKind == System.Text.Json.JsonValueKind.Null);

        Assert.Equal(0, (await Run("keys", "delete", "cli-keys", "CUSTOMER-KEY-1")).ExitCode);
        var left = (await Run("keys", "list", "cli-keys", "--json")).Json().GetProperty("keys").EnumerateArray();
        Assert.Equal(["CUSTOMER-KEY-2"], left.Select(k => k.GetProperty("key").GetString()));
        Assert.Equal(ExitCodes.Usage, (await Run("keys", "add", "cli-keys", "K", "--expires", "31.01.2030")).ExitCode);
    }

    [Fact]
    public async Task Webhooks_create_list_and_delete()
    {
        var created = await Run("webhooks", "create", "https://ci.example.com/hooks/cli", "--event", "test_finished", "--json");
        Assert.Equal(0, created.ExitCode);
        var id = created.Json().GetProperty("target").GetString()!;

        var hooks = (await Run("webhooks", "list", "--json")).Json().GetProperty("webhooks").EnumerateArray();
        var hook = Assert.Single(hooks, h => h.GetProperty("id").GetString() == id);
        Assert.Equal("https://ci.example.com/hooks/cli", hook.GetProperty("url").GetString());
        Assert.Equal("test_finished", hook.GetProperty("eventType").GetString());

        Assert.Equal(0, (await Run("webhooks", "delete", id)).ExitCode);
        Assert.DoesNotContain((await Run("webhooks", "list", "--json")).Json().GetProperty("webhooks").EnumerateArray(), h => h.GetProperty("id").GetString() == id);
        Assert.Equal(ExitCodes.Usage, (await Run("webhooks", "create", "https://ci.example.com/x", "--event", "all")).ExitCode);
    }

    [Fact]
    public async Task Reports_list_and_get_read_the_seeded_reports()
    {
        var reports = (await Run("reports", "list", "wporg", "akismet", "--json")).Json().GetProperty("reports").EnumerateArray().ToList();
        Assert.NotEmpty(reports);
        var failed = reports.First(r => r.GetProperty("status").GetString() == "failed");

        var report = await Run("reports", "get", "wporg", "akismet", failed.GetProperty("slug").GetString()!);

        Assert.Equal(0, report.ExitCode);
        Assert.Contains("php_warning", report.Out);
        Assert.Equal(ExitCodes.NotFound, (await Run("reports", "list", "wporg", "no-such-plugin-xyz")).ExitCode);
    }

    [Fact]
    public async Task The_embedded_emulator_serves_a_command_with_the_demo_keys()
    {
        var result = await CliRunner.RunAsync(new Dictionary<string, string>(), "plugins", "list", "--emulator", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Json().GetProperty("plugins").EnumerateArray(), p => p.GetProperty("slug").GetString() == "demo-pro");
    }

    [Fact]
    public async Task The_embedded_emulator_and_a_base_address_exclude_each_other()
    {
        var result = await Run("plugins", "list", "--emulator", "--base-address", fixture.Emulator.WunderUpdatesBaseAddress.AbsoluteUri);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }
}
