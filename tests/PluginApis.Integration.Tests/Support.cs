using System.IO.Compression;
using System.Text;
using PluginTests.Client;
using WunderUpdates.Client;

namespace PluginApis.Integration.Tests;

/// <summary>One emulator per test class, over real loopback sockets, with a limit no test reaches.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const int GeneratedTables = 1001;

    public EmulatorHost Emulator { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Emulator = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            RateLimit = new EmulatorRateLimit { PermitLimit = 100_000, Window = TimeSpan.FromMinutes(1) },
            GeneratedTableCount = GeneratedTables,
        });

    public ValueTask DisposeAsync() => Emulator is null ? default : Emulator.DisposeAsync();
}

internal static class Clients
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static PluginTestsClient NewPluginTests(EmulatorHost emulator, string apiKey = EmulatorKeys.PluginTestsDemo, Action<ApiResilienceOptions>? resilience = null)
    {
        var options = new PluginTestsClientOptions { ApiKey = apiKey, BaseAddress = emulator.PluginTestsBaseAddress };
        resilience?.Invoke(options.Resilience);
        return new PluginTestsClient(options);
    }

    public static WunderUpdatesClient NewWunderUpdates(EmulatorHost emulator, string apiKey = EmulatorKeys.WunderUpdatesDemo, Action<ApiResilienceOptions>? resilience = null)
    {
        var options = new WunderUpdatesClientOptions { ApiKey = apiKey, BaseAddress = emulator.WunderUpdatesBaseAddress };
        resilience?.Invoke(options.Resilience);
        return new WunderUpdatesClient(options);
    }
}

/// <summary>Valid WordPress plugin release ZIPs: <c>{slug}/{slug}.php</c> with headers, and a readme.</summary>
internal static class TestZip
{
    public static byte[] Bytes(string slug, string version, string name = "Integration Plugin", int paddingBytes = 0)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, $"{slug}/{slug}.php",
                $"<?php\n/**\n * Plugin Name: {name}\n * Description: An integration-test plugin.\n * Version: {version}\n * Requires PHP: 7.4\n */\n");
            Add(zip, $"{slug}/readme.txt",
                $"=== {name} ===\nContributors: pluginapis\nRequires at least: 6.1\nTested up to: 6.8\nRequires PHP: 8.0\nStable tag: {version}\n\nShort description.\n\n== Changelog ==\n\n= {version} =\n* Release.\n");
            if (paddingBytes > 0)
            {
                var padding = new byte[paddingBytes];
                new Random(7).NextBytes(padding);
                using var stream = zip.CreateEntry($"{slug}/assets/padding.bin", CompressionLevel.NoCompression).Open();
                stream.Write(padding);
            }
        }

        return buffer.ToArray();
    }

    public static TempZipFile File(string slug, string version, string name = "Integration Plugin", int paddingBytes = 0)
    {
        var folder = Directory.CreateTempSubdirectory("pluginapis-it-");
        var path = Path.Combine(folder.FullName, $"{slug}-{version}.zip");
        System.IO.File.WriteAllBytes(path, Bytes(slug, version, name, paddingBytes));
        return new TempZipFile(folder.FullName, path);
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}

internal sealed class TempZipFile(string folder, string path) : IDisposable
{
    public string Path => path;

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

/// <summary>Records the status and Ratelimit-Reset of each response passing through (the client's transport).</summary>
internal sealed class WireRecorder : DelegatingHandler
{
    private readonly List<(HttpStatusCode Status, int? Reset)> _responses = [];

    public WireRecorder() => InnerHandler = new SocketsHttpHandler();

    public IReadOnlyList<(HttpStatusCode Status, int? Reset)> Responses
    {
        get
        {
            lock (_responses)
            {
                return [.. _responses];
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        int? reset = response.Headers.TryGetValues("Ratelimit-Reset", out var values) && int.TryParse(values.First(), out var seconds) ? seconds : null;
        lock (_responses)
        {
            _responses.Add((response.StatusCode, reset));
        }

        return response;
    }
}
