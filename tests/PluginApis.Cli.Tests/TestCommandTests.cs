namespace PluginApis.Cli.Tests;

public sealed class TestCommandTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private Task<CliResult> Run(params string[] args) => CliRunner.RunAsync(fixture.Environment, args);

    [Fact]
    public async Task Test_without_wait_queues_a_job_and_prints_it()
    {
        var before = fixture.Emulator.Stats.TestQueueJobsCreated;

        var result = await Run("test", "wporg", "akismet", "--priority", "250", "--json");

        Assert.Equal(0, result.ExitCode);
        var job = result.Json().GetProperty("job");
        Assert.StartsWith("job_", job.GetProperty("id").GetString());
        Assert.Equal("akismet", job.GetProperty("slug").GetString());
        Assert.Equal(250, job.GetProperty("priority").GetInt32());
        Assert.Equal("stable", job.GetProperty("packageSource").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.Json().GetProperty("report").ValueKind);
        Assert.Equal(before + 1, fixture.Emulator.Stats.TestQueueJobsCreated);
    }

    [Fact]
    public async Task A_zip_url_queues_a_direct_test()
    {
        var result = await Run("test", "demo", "cli-direct", "--zip-url", "http://127.0.0.1:9/cli-direct.zip", "--json");

        Assert.Equal(0, result.ExitCode);
        var job = result.Json().GetProperty("job");
        Assert.Equal("direct", job.GetProperty("packageSource").GetString());
        Assert.Equal("http://127.0.0.1:9/cli-direct.zip", job.GetProperty("downloadUrl").GetString());
    }

    [Fact]
    public async Task A_plugin_the_service_does_not_know_exits_4()
    {
        var result = await Run("test", "nowhere", "no-such-plugin");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.StartsWith("pluginapis: not_found: ", result.Error);
    }

    [Fact]
    public async Task A_bad_timeout_is_a_usage_error()
    {
        var result = await Run("test", "wporg", "akismet", "--wait", "--timeout", "soon");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--timeout", result.Error);
    }
}
