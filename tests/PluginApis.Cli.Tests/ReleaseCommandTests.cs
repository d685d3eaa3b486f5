namespace PluginApis.Cli.Tests;

public sealed class ReleaseCommandTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly PluginZip _zips = new();

    public void Dispose() => _zips.Dispose();

    private Task<CliResult> Run(params string[] args) => CliRunner.RunAsync(fixture.Environment, args);

    [Fact]
    public async Task Release_creates_a_missing_plugin_uploads_the_zip_and_prints_slug_and_version()
    {
        var result = await Run("release", _zips.Write("cli-release-new", "1.4.0"), "--create-if-missing");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Created and released cli-release-new 1.4.0", result.Out);
        var versions = (await Run("versions", "list", "cli-release-new", "--json")).Json().GetProperty("versions");
        Assert.Equal("1.4.0", Assert.Single(versions.EnumerateArray()).GetProperty("version").GetString());
    }

    [Fact]
    public async Task Release_json_reports_what_was_uploaded_and_whether_the_plugin_was_created()
    {
        Assert.Equal(0, (await Run("release", _zips.Write("cli-release-json", "1.0.0"), "--create-if-missing", "--json")).ExitCode);

        var path = _zips.Write("cli-release-json", "1.1.0");
        var json = (await Run("release", path, "--json")).Json();

        Assert.Equal("cli-release-json", json.GetProperty("slug").GetString());
        Assert.Equal("1.1.0", json.GetProperty("version").GetString());
        Assert.Equal("cli-release-json-1.1.0.zip", json.GetProperty("file").GetString());
        Assert.Equal(new FileInfo(path).Length, json.GetProperty("bytes").GetInt64());
        Assert.False(json.GetProperty("created").GetBoolean());
    }

    [Fact]
    public async Task Release_of_an_unknown_plugin_without_create_if_missing_exits_4_and_uploads_nothing()
    {
        var uploadsBefore = fixture.Emulator.Stats.VersionsUploaded;

        var result = await Run("release", _zips.Write("cli-release-unknown", "1.0.0"));

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("--create-if-missing", result.Error);
        Assert.Equal(uploadsBefore, fixture.Emulator.Stats.VersionsUploaded);
    }

    [Fact]
    public async Task Release_with_a_licence_creates_the_plugin_with_it()
    {
        Assert.Equal(0, (await Run("release", _zips.Write("cli-release-lemon", "1.0.0"), "--create-if-missing", "--license", "lemonsqueezy:11,22")).ExitCode);

        var license = (await Run("plugins", "get", "cli-release-lemon", "--json")).Json().GetProperty("license");
        Assert.Equal("lemonsqueezy", license.GetProperty("type").GetString());
        Assert.Equal([11L, 22L], license.GetProperty("products").EnumerateArray().Select(p => p.GetInt64()));
    }

    [Fact]
    public async Task An_invalid_zip_exits_7_before_any_request()
    {
        var requestsBefore = fixture.Emulator.Stats.Requests;

        var result = await Run("release", _zips.Write("cli-release-bad", version: null), "--create-if-missing");

        Assert.Equal(ExitCodes.InvalidArchive, result.ExitCode);
        Assert.Equal(requestsBefore, fixture.Emulator.Stats.Requests);
    }

    [Fact]
    public async Task A_bad_licence_value_is_a_usage_error()
    {
        var result = await Run("release", _zips.Write("cli-release-gpl", "1.0.0"), "--license", "gpl");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Unknown licence 'gpl'", result.Error);
    }
}
