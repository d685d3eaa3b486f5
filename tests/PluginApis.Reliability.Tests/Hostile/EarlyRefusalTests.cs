using System.IO.Compression;
using System.Net;
using System.Text;
using WunderUpdates.Client;

namespace PluginApis.Reliability.Tests.Hostile;

/// <summary>
/// Issue #12, row 11: a 22 MB release ZIP to a server whose limit is 20 MB and that answers 413 with a JSON message as
/// soon as it has the headers. The caller gets <see cref="WunderUpdatesException"/> 413 with the server's message, and the
/// body reaches the server at most once (never, with <c>Expect: 100-continue</c>).
/// </summary>
public sealed class EarlyRefusalTests
{
    private const string Refusal = """{"status":413,"message":"The file exceeds the 20 MB upload limit."}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Construction.Options)]
    [InlineData(Construction.OptionsAndTransport)]
    [InlineData(Construction.DependencyInjection)]
    public async Task A_22_MB_upload_refused_early_with_413_surfaces_the_servers_message_and_is_sent_at_most_once(Construction how)
    {
        var zip = Path.Combine(Path.GetTempPath(), $"hostile-{Guid.NewGuid():N}.zip");
        try
        {
            var size = WriteBigPluginZip(zip, "big-plugin", "2.0.0", 22_000_000);
            await using var server = HostileServer.Start(HostileAnswers.EarlyRefusal(413, Refusal));
            using var clients = HostileClients.Create(how, server);
            var (_, wu) = clients.Build();

            var refused = await Assert.ThrowsAsync<WunderUpdatesException>(() => wu.UploadVersionAsync("big-plugin", zip, cancellationToken: Ct));

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
            Assert.Equal("The file exceeds the 20 MB upload limit.", refused.ServerMessage);
            var request = Assert.Single(server.Requests); // 413 is not retried
            Assert.Equal<long?>(size, request.ContentLength);
            Assert.Equal("100-continue", request.Header("Expect"));
            Assert.InRange(server.BodyBytesReceived, 0L, size); // at most once...
            Assert.Equal(0L, server.BodyBytesReceived); // ...and in fact never: the client waited for 100 Continue
            clients.AssertNothingShowsTheKey(refused);
            Measured.Report($"{how}: 413 for a {size / 1e6:0.0} MB upload: {server.Requests.Count} request, {server.BodyBytesReceived:N0} body bytes received");
        }
        finally
        {
            File.Delete(zip);
        }
    }

    /// <summary>A valid plugin ZIP made large by an incompressible (random, stored) file; returns its size.</summary>
    private static long WriteBigPluginZip(string path, string slug, string version, int padding)
    {
        var noise = new byte[padding];
        new Random(12).NextBytes(noise);
        using (var file = File.Create(path))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            foreach (var (name, content) in new[]
            {
                ($"{slug}/{slug}.php", $"<?php\n/**\n * Plugin Name: Big Plugin\n * Version: {version}\n */\n"),
                ($"{slug}/readme.txt", $"=== Big Plugin ===\nStable tag: {version}\n\n== Description ==\nLarge.\n"),
            })
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }

            using var assets = zip.CreateEntry($"{slug}/assets/video.bin", CompressionLevel.NoCompression).Open();
            assets.Write(noise);
        }

        return new FileInfo(path).Length;
    }
}
