using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace PluginApis.Emulator.Tests;

/// <summary>The emulator as a program: settings from the command line, appsettings.json and the environment; clear failures.</summary>
public sealed class CommandLineTests
{
    /// <summary>Options only code can set (objects, not values).</summary>
    private static readonly string[] CodeOnly = [nameof(EmulatorOptions.TimeProvider), nameof(EmulatorOptions.LoggerProvider)];

    /// <summary>Every configuration key <see cref="EmulatorOptions"/> has, derived from its public properties.</summary>
    private static IEnumerable<string> ExpectedKeys() =>
        typeof(EmulatorOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => !CodeOnly.Contains(p.Name))
            .SelectMany(p =>
                p.PropertyType == typeof(EmulatorRateLimit) ? [$"{p.Name}:{nameof(EmulatorRateLimit.PermitLimit)}", $"{p.Name}:{nameof(EmulatorRateLimit.Window)}"]
                : p.PropertyType == typeof(IList<string>) ? [$"{p.Name}:N"]
                : new[] { p.Name });

    [Fact]
    public void Every_setting_is_listed_and_binds_from_configuration()
    {
        Assert.Equal(ExpectedKeys().Order(StringComparer.Ordinal), EmulatorSettings.Keys.Select(k => k.Key).Order(StringComparer.Ordinal));

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Emulator:Url"] = "http://127.0.0.1:6001",
            ["Emulator:EnableRateLimiting"] = "false",
            ["Emulator:RateLimit:PermitLimit"] = "61",
            ["Emulator:RateLimit:Window"] = "00:00:02",
            ["Emulator:PluginTestsRateLimit:PermitLimit"] = "62",
            ["Emulator:PluginTestsRateLimit:Window"] = "00:00:03",
            ["Emulator:WunderUpdatesRateLimit:PermitLimit"] = "63",
            ["Emulator:WunderUpdatesRateLimit:Window"] = "00:00:04",
            ["Emulator:SendRetryAfter"] = "true",
            ["Emulator:GeneratedTableCount"] = "5",
            ["Emulator:MaxUploadBytes"] = "1001",
            ["Emulator:MaxArchiveEntries"] = "1002",
            ["Emulator:MaxUncompressedBytes"] = "1003",
            ["Emulator:MaxJsonBodyBytes"] = "1004",
            ["Emulator:MaxLicenseKeyDataBytes"] = "1005",
            ["Emulator:AdditionalPluginTestsDemoKeys:0"] = "pt-canary-1",
            ["Emulator:AdditionalPluginTestsDemoKeys:1"] = "pt-canary-2",
            ["Emulator:AdditionalWunderUpdatesDemoKeys:0"] = "wu-canary-1",
            ["Emulator:JobQueuedDuration"] = "00:00:00",
            ["Emulator:JobRunningDuration"] = "00:00:01.5",
            ["Emulator:PackageDownloadTimeout"] = "00:00:07",
            ["Emulator:WebhookTimeout"] = "00:00:08",
        }).Build();
        var o = new EmulatorOptions();
        EmulatorSettings.Bind(configuration, o);

        Assert.Equal("http://127.0.0.1:6001", o.Url);
        Assert.False(o.EnableRateLimiting);
        Assert.Equal((61, TimeSpan.FromSeconds(2)), (o.RateLimit.PermitLimit, o.RateLimit.Window));
        Assert.Equal((62, TimeSpan.FromSeconds(3)), (o.PluginTestsRateLimit!.PermitLimit, o.PluginTestsRateLimit.Window));
        Assert.Equal((63, TimeSpan.FromSeconds(4)), (o.WunderUpdatesRateLimit!.PermitLimit, o.WunderUpdatesRateLimit.Window));
        Assert.True(o.SendRetryAfter);
        Assert.Equal((5, 1001L, 1002, 1003L, 1004, 1005),
            (o.GeneratedTableCount, o.MaxUploadBytes, o.MaxArchiveEntries, o.MaxUncompressedBytes, o.MaxJsonBodyBytes, o.MaxLicenseKeyDataBytes));
        Assert.Equal(["pt-canary-1", "pt-canary-2"], o.AdditionalPluginTestsDemoKeys);
        Assert.Equal(["wu-canary-1"], o.AdditionalWunderUpdatesDemoKeys);
        Assert.Equal((TimeSpan.Zero, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(8)),
            (o.JobQueuedDuration, o.JobRunningDuration, o.PackageDownloadTimeout, o.WebhookTimeout));
        Assert.Same(TimeProvider.System, o.TimeProvider);
    }

    [Theory]
    [InlineData("Emulator:PermitLimit", "600", "unknown setting Emulator:PermitLimit")]
    [InlineData("Emulator:RateLimit:Window", "2", "would mean 2 days")]
    [InlineData("Emulator:MaxUploadBytes", "lots", "Emulator:MaxUploadBytes")]
    public void Unknown_keys_ambiguous_time_spans_and_bad_values_are_refused_by_name(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var ex = Assert.Throws<InvalidOperationException>(() => EmulatorSettings.Bind(configuration, new EmulatorOptions()));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_setting_with_its_default_and_exits_0()
    {
        var (exitCode, stdout, _) = await EmulatorProcess.RunToExitAsync("--help");
        Assert.Equal(0, exitCode);
        Assert.All(ExpectedKeys(), key => Assert.Contains($"--Emulator:{key} ", stdout, StringComparison.Ordinal));
        Assert.Contains("--urls", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_port_is_one_line_naming_urls_and_exit_code_2()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, stdout, stderr) = await EmulatorProcess.RunToExitAsync("--urls", $"http://127.0.0.1:{port}");
        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"cannot listen on http://127.0.0.1:{port}: the address is already in use", line, StringComparison.Ordinal);
        Assert.Contains("--urls", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_setting_is_one_line_naming_it_and_exit_code_1()
    {
        var (exitCode, _, stderr) = await EmulatorProcess.RunToExitAsync("--urls", "http://127.0.0.1:0", "--Emulator:MaxUploadBytes=0");
        Assert.Equal(1, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Emulator:MaxUploadBytes must be greater than zero (was 0)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_small_rate_limit_and_job_timing_from_the_command_line()
    {
        await using var emulator = await EmulatorProcess.StartAsync(
            ["--urls", "http://127.0.0.1:0", "--Emulator:RateLimit:PermitLimit=60", "--Emulator:RateLimit:Window=00:00:02"]);
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        using var response = await http.PtGet("user");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("60, 60;w=2", response.Header("RateLimit-Limit"));
        Assert.Equal("59", response.Header("Ratelimit-Remaining"));
    }

    [Fact]
    public async Task Settings_from_appsettings_json_and_the_environment_with_the_command_line_winning()
    {
        var directory = Directory.CreateTempSubdirectory("emulator-settings-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "appsettings.json"),
                """{ "Emulator": { "RateLimit": { "PermitLimit": 7, "Window": "00:00:05" }, "WunderUpdatesRateLimit": { "PermitLimit": 9 } } }""", T.Ct);
            await using var emulator = await EmulatorProcess.StartAsync(
                ["--urls", "http://127.0.0.1:0", "--Emulator:WunderUpdatesRateLimit:Window=00:00:04"],
                new Dictionary<string, string> { ["Emulator__RateLimit__Window"] = "00:00:03" },
                directory.FullName);
            using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
            using var pt = await http.PtGet("user");
            Assert.Equal("7, 7;w=3", pt.Header("RateLimit-Limit")); // environment over appsettings.json
            using var wu = await http.WuGet("plugins");
            Assert.Equal("9, 9;w=4", wu.Header("RateLimit-Limit")); // command line
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
