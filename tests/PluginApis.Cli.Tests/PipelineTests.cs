using PluginApis.Emulator;

namespace PluginApis.Cli.Tests;

/// <summary>The release pipeline as a CI job runs it: release → test --wait → report, one process per step, against one emulator.</summary>
public sealed class PipelineTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly PluginZip _zips = new();

    public void Dispose() => _zips.Dispose();

    private Task<CliResult> Run(params string[] args) => CliRunner.RunAsync(fixture.Environment, args);

    /// <summary>The emulator's own download link of a released no-license version (what PluginTests downloads for a direct test).</summary>
    private string DownloadUrl(string slug, string version) =>
        new Uri(fixture.Emulator.WunderUpdatesBaseAddress, $"public/{EmulatorKeys.WunderUpdatesDemoAccountPrefix}/downloads/{slug}/{slug}-{version}.zip").AbsoluteUri;

    [Fact]
    public async Task A_clean_release_is_tested_and_the_wait_exits_0_with_the_report()
    {
        var release = await Run("release", _zips.Write("cli-pipeline-ok", "2.0.0"), "--create-if-missing", "--license", "no-license", "--json");
        Assert.True(release.ExitCode == 0, release.ToString());

        var test = await Run("test", "demo", "cli-pipeline-ok", "--zip-url", DownloadUrl("cli-pipeline-ok", "2.0.0"), "--wait", "--timeout", "2m", "--json");

        Assert.True(test.ExitCode == 0, test.ToString());
        var json = test.Json();
        Assert.True(json.GetProperty("passed").GetBoolean());
        var report = json.GetProperty("report");
        Assert.Equal("passed", report.GetProperty("status").GetString());
        Assert.Equal("2.0.0", report.GetProperty("pluginVersion").GetString());
        Assert.Empty(report.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task A_release_whose_test_finds_errors_exits_6_and_prints_them()
    {
        const string body = "trigger_error('Undefined index: cli_option', E_USER_WARNING);";
        Assert.Equal(0, (await Run("release", _zips.Write("cli-pipeline-bad", "1.0.0", body), "--create-if-missing", "--license", "no-license")).ExitCode);

        var test = await Run("test", "demo", "cli-pipeline-bad", "--zip-url", DownloadUrl("cli-pipeline-bad", "1.0.0"), "--wait", "--timeout", "2m");

        Assert.True(test.ExitCode == ExitCodes.TestFailed, test.ToString());
        Assert.Contains("failed, 1 error(s)", test.Out);
        Assert.Contains("Undefined index: cli_option", test.Out);
        Assert.Contains("cli-pipeline-bad/cli-pipeline-bad.php", test.Out);
        Assert.StartsWith("pluginapis: test_failed: ", test.Error);
    }

    [Fact]
    public async Task No_report_within_the_timeout_exits_8()
    {
        // A job that takes an hour, on an emulator of its own.
        await using var slow = await EmulatorHost.StartAsync(new EmulatorOptions { JobRunningDuration = TimeSpan.FromHours(1) }, TestContext.Current.CancellationToken);
        var environment = new Dictionary<string, string>
        {
            ["PLUGINTESTS_API_KEY"] = EmulatorKeys.PluginTestsDemo,
            ["PLUGINTESTS_BASE_ADDRESS"] = slow.PluginTestsBaseAddress.AbsoluteUri,
        };

        var test = await CliRunner.RunAsync(environment, "test", "wporg", "akismet", "--wait", "--timeout", "1s", "--json");

        Assert.True(test.ExitCode == ExitCodes.Timeout, test.ToString());
        var error = test.Json().GetProperty("error");
        Assert.Equal("timeout", error.GetProperty("kind").GetString());
        Assert.Contains("wporg/akismet", error.GetProperty("message").GetString());
    }
}
