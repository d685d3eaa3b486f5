namespace PluginApis.Cli.Tests;

public sealed class InspectCommandTests : IDisposable
{
    private static readonly Dictionary<string, string> NoEnvironment = [];
    private readonly PluginZip _zips = new();

    public void Dispose() => _zips.Dispose();

    [Fact]
    public async Task Inspect_prints_slug_version_and_headers_without_a_key()
    {
        var result = await CliRunner.RunAsync(NoEnvironment, "inspect", _zips.Write("my-plugin", "2.1.0"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("my-plugin", result.Out);
        Assert.Contains("2.1.0 (from the Version: header)", result.Out);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task Inspect_json_has_the_documented_shape()
    {
        var result = await CliRunner.RunAsync(NoEnvironment, "inspect", _zips.Write("my-plugin", "2.1.0"), "--json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        Assert.Equal("my-plugin", json.GetProperty("slug").GetString());
        Assert.Equal("2.1.0", json.GetProperty("version").GetString());
        Assert.Equal("plugin-header", json.GetProperty("versionSource").GetString());
        Assert.Equal("my-plugin/my-plugin.php", json.GetProperty("mainFile").GetString());
        Assert.Equal("my-plugin", json.GetProperty("headers").GetProperty("Plugin Name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("readme").ValueKind);
    }

    [Fact]
    public async Task A_zip_without_a_version_exits_7_with_the_reason_on_one_line()
    {
        var result = await CliRunner.RunAsync(NoEnvironment, "inspect", _zips.Write("no-version", version: null));

        Assert.Equal(ExitCodes.InvalidArchive, result.ExitCode);
        Assert.StartsWith("pluginapis: invalid_archive: ", result.Error);
        Assert.Contains("version", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error_and_json_gets_an_error_document()
    {
        var result = await CliRunner.RunAsync(NoEnvironment, "inspect", _zips.MissingPath, "--json");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        var error = result.Json().GetProperty("error");
        Assert.Equal("usage", error.GetProperty("kind").GetString());
        Assert.Equal(2, error.GetProperty("exitCode").GetInt32());
        Assert.Contains("no-such.zip", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync(NoEnvironment, "frobnicate");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("frobnicate", result.Error);
        Assert.Contains("pluginapis --help", result.Error);
    }

    [Fact]
    public async Task A_usage_error_with_json_writes_the_error_document_unescaped()
    {
        var result = await CliRunner.RunAsync(NoEnvironment, "frobnicate", "--json");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("argument 'frobnicate'", result.Out); // readable text, not \u0027
        Assert.Equal("usage", result.Json().GetProperty("error").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Help_exits_0_and_lists_the_commands()
    {
        var result = await CliRunner.RunAsync(NoEnvironment, "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "inspect", "release", "test", "reports", "plugins", "versions", "keys", "webhooks" })
        {
            Assert.Contains(command, result.Out);
        }
    }
}
