using PluginApis.Emulator;

namespace PluginApis.Cli.Tests;

public sealed class ErrorAndSecretTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly PluginZip _zips = new();

    public void Dispose() => _zips.Dispose();

    private Dictionary<string, string> EnvironmentWithout(params string[] names)
    {
        var environment = new Dictionary<string, string>(fixture.Environment);
        foreach (var name in names)
        {
            environment.Remove(name);
        }

        return environment;
    }

    [Fact]
    public async Task Without_a_key_the_command_exits_3_naming_the_variable()
    {
        var result = await CliRunner.RunAsync(EnvironmentWithout("WUNDERUPDATES_API_KEY"), "plugins", "list");

        Assert.Equal(ExitCodes.Auth, result.ExitCode);
        Assert.Equal("pluginapis: auth: No WunderUpdates API key: set WUNDERUPDATES_API_KEY or pass --api-key." + Environment.NewLine, result.Error);
    }

    [Fact]
    public async Task A_refused_key_exits_3_and_is_not_printed()
    {
        const string wrongKey = "pt-WRONG-key-0000-secret";

        var result = await CliRunner.RunAsync(fixture.Environment, "webhooks", "list", "--api-key", wrongKey, "--json");

        Assert.Equal(ExitCodes.Auth, result.ExitCode);
        Assert.Equal("auth", result.Json().GetProperty("error").GetProperty("kind").GetString());
        Assert.DoesNotContain(wrongKey, result.Out + result.Error);
    }

    [Fact]
    public async Task The_api_key_appears_in_no_output_of_any_command_or_failure()
    {
        var zip = _zips.Write("cli-canary", "1.0.0");
        string[][] runs =
        [
            ["release", zip, "--create-if-missing"],
            ["release", zip, "--json"],
            ["plugins", "get", "no-such-plugin"],
            ["plugins", "get", "no-such-plugin", "--json"],
            ["versions", "delete", "cli-canary", "0.0.1"],
            ["test", "demo", "cli-canary", "--zip-url", "http://127.0.0.1:9/none.zip", "--json"],
            ["test", "nowhere", "x"],
            ["reports", "list", "wporg", "no-such-plugin", "--json"],
            ["webhooks", "list"],
            ["plugins", "list", "--api-key", EmulatorFixture.WunderUpdatesCanary],
            ["plugins", "list", "--api-key", EmulatorFixture.WunderUpdatesCanary, "stray", EmulatorFixture.PluginTestsCanary],
            ["test", "demo", EmulatorFixture.PluginTestsCanary, "--priority", "9999"],
        ];

        foreach (var args in runs)
        {
            var result = await CliRunner.RunAsync(fixture.Environment, args);
            foreach (var key in new[] { EmulatorFixture.PluginTestsCanary, EmulatorFixture.WunderUpdatesCanary })
            {
                Assert.DoesNotContain(key, result.Out);
                Assert.DoesNotContain(key, result.Error);
            }
        }
    }

    [Fact]
    public async Task A_base_address_that_is_not_an_http_url_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync(fixture.Environment, "plugins", "list", "--base-address", "ftp://example.com/");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--base-address", result.Error);
    }

    [Fact]
    public async Task A_priority_out_of_range_is_a_usage_error_before_any_request()
    {
        var before = fixture.Emulator.Stats.TestQueueJobsCreated;

        var result = await CliRunner.RunAsync(fixture.Environment, "test", "wporg", "akismet", "--priority", "0");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal(before, fixture.Emulator.Stats.TestQueueJobsCreated);
    }

    [Fact]
    public async Task A_rate_limit_the_client_would_not_wait_out_exits_5()
    {
        // One request per two minutes: the second command's 429 announces a reset beyond the 60 s the client waits.
        var options = new EmulatorOptions { WunderUpdatesRateLimit = new EmulatorRateLimit { PermitLimit = 1, Window = TimeSpan.FromMinutes(2) } };
        await using var emulator = await EmulatorHost.StartAsync(options, TestContext.Current.CancellationToken);
        var environment = new Dictionary<string, string>
        {
            ["WUNDERUPDATES_API_KEY"] = EmulatorKeys.WunderUpdatesDemo,
            ["WUNDERUPDATES_BASE_ADDRESS"] = emulator.WunderUpdatesBaseAddress.AbsoluteUri,
        };

        Assert.Equal(0, (await CliRunner.RunAsync(environment, "plugins", "list")).ExitCode);
        var limited = await CliRunner.RunAsync(environment, "plugins", "list", "--json");

        Assert.Equal(ExitCodes.RateLimited, limited.ExitCode);
        var error = limited.Json().GetProperty("error");
        Assert.Equal("rate_limited", error.GetProperty("kind").GetString());
        Assert.Contains("Try again in", error.GetProperty("message").GetString());
    }
}
