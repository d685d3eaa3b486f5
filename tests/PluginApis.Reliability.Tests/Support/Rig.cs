using System.IO.Compression;
using System.Text;
using PluginApis.Emulator;
using PluginApis.Http;
using PluginTests.Client;
using WunderUpdates.Client;

namespace PluginApis.Reliability.Tests;

/// <summary>Emulators, clients and helpers shared by the reliability suites.</summary>
internal static class Rig
{
    /// <summary>Distinctive keys that authenticate as the demo user/account; searched for everywhere by the leak checks.</summary>
    public const string PluginTestsCanary = "ptCANARY-7f3a+Zq9/K3y=8c41";

    public const string WunderUpdatesCanary = "wuCANARY-52d9+Xv7/K3y=b0e6";

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<EmulatorHost> StartEmulatorAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { EnableRateLimiting = false };
        options.AdditionalPluginTestsDemoKeys.Add(PluginTestsCanary);
        options.AdditionalWunderUpdatesDemoKeys.Add(WunderUpdatesCanary);
        configure?.Invoke(options);
        return EmulatorHost.StartAsync(options, Ct);
    }

    /// <summary>Quick retry settings so a fault run takes seconds, not minutes.</summary>
    public static void Fast(ApiResilienceOptions r)
    {
        r.MaxRetryAttempts = 3;
        r.BaseDelay = TimeSpan.FromMilliseconds(2);
        r.MaxBackoffDelay = TimeSpan.FromMilliseconds(20);
        r.AttemptTimeout = TimeSpan.FromSeconds(3);
        r.TotalTimeout = TimeSpan.FromSeconds(30);
        r.MaxRateLimitWait = TimeSpan.FromSeconds(2);
    }

    public static PluginTestsClient Pt(EmulatorHost emu, HttpMessageHandler transport, Action<ApiResilienceOptions>? configure = null, string key = PluginTestsCanary)
    {
        var options = new PluginTestsClientOptions { ApiKey = key, BaseAddress = emu.PluginTestsBaseAddress };
        (configure ?? Fast)(options.Resilience);
        return new PluginTestsClient(options, transport);
    }

    public static WunderUpdatesClient Wu(EmulatorHost emu, HttpMessageHandler transport, Action<ApiResilienceOptions>? configure = null, string key = WunderUpdatesCanary, bool inspect = true)
    {
        var options = new WunderUpdatesClientOptions { ApiKey = key, BaseAddress = emu.WunderUpdatesBaseAddress, InspectArchivesBeforeUpload = inspect };
        (configure ?? Fast)(options.Resilience);
        return new WunderUpdatesClient(options, transport);
    }

    public static SocketsHttpHandler Sockets() => new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

    /// <summary>The exception types a caller is told to expect (besides caller cancellation).</summary>
    public static bool IsDocumented(Exception ex, bool callerCancelled = false) => ex switch
    {
        ArgumentException => true,
        ApiException => true, // PluginTestsException, WunderUpdatesException, RateLimitExceededException, InvalidResponseException
        InvalidPluginArchiveException => true,
        TimeoutException => true,
        HttpRequestException => true,
        OperationCanceledException => callerCancelled,
        _ => false,
    };

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return buffer.ToArray();
    }

    public static byte[] PluginZip(string slug, string version, string name = "Reliability Plugin") => Zip(
        ($"{slug}/{slug}.php", $"<?php\n/**\n * Plugin Name: {name}\n * Version: {version}\n * Description: A test plugin.\n */\n"),
        ($"{slug}/readme.txt", $"=== {name} ===\nRequires at least: 6.1\nTested up to: 6.9\nRequires PHP: 8.1\nStable tag: {version}\n\n== Description ==\nTest.\n"));
}
