using System.Net;
using WunderUpdates.Client.Tests.Archives;
using WunderUpdates.Client.Tests.TestSupport;
using Xunit;
using static WunderUpdates.Client.Tests.TestSupport.FakeService;

namespace WunderUpdates.Client.Tests.Uploads;

public sealed class UploadVersionTests : IDisposable
{
    private const string Uploaded = "{\"status\":200,\"message\":\"Zip archive uploaded successfully.\"}";
    private const string VersionsPath = "plugins/my-plugin/versions";

    private readonly string _directory = Directory.CreateTempSubdirectory("wu-upload-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A valid release ZIP of my-plugin 1.4.0, padded with incompressible bytes so it spans several upload chunks.</summary>
    private static byte[] ReleaseZip(string folder = "my-plugin", int paddingBytes = 300_000)
    {
        var padding = new byte[paddingBytes];
        new Random(42).NextBytes(padding);
        return TestZip.BuildBytes(
            ($"{folder}/{folder}.php", System.Text.Encoding.UTF8.GetBytes(TestZip.MainFile("My Plugin", "1.4.0"))),
            ($"{folder}/readme.txt", "=== My Plugin ===\nStable tag: 1.3.9\n"u8.ToArray()),
            ($"{folder}/assets/noise.bin", padding));
    }

    private string WriteFile(byte[] bytes)
    {
        var path = Path.Combine(_directory, $"release-{Guid.NewGuid():N}.zip");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task From_a_file_the_raw_ZIP_arrives_byte_for_byte_as_application_zip_with_the_key()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Post, VersionsPath, body: Uploaded);
        using var client = service.CreateClient();
        var zip = ReleaseZip();
        var path = WriteFile(zip);

        var result = await client.UploadVersionAsync("my-plugin", path, cancellationToken: TestContext.Current.CancellationToken);

        var sent = Assert.Single(service.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal([ApiKey], sent.ApiKeys);
        Assert.Equal("application/zip", sent.ContentType);
        Assert.Equal(zip.Length, sent.ContentLength);
        Assert.Equal(zip, sent.Body);
        Assert.Equal("Zip archive uploaded successfully.", result.Message);
        Assert.Equal(zip.Length, result.Size);
        Assert.Equal("1.4.0", result.Archive!.Version);
        Assert.Equal(PluginVersionSource.PluginHeader, result.Archive.VersionSource);
    }

    [Fact]
    public async Task From_a_file_a_429_is_retried_after_Ratelimit_Reset_and_the_full_file_is_sent_again()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Post, VersionsPath, HttpStatusCode.TooManyRequests, "{\"status\":429}", headers: RateLimitReset(1));
        service.Expect(HttpMethod.Post, VersionsPath, body: Uploaded);
        using var client = service.CreateClient();
        var zip = ReleaseZip();
        var path = WriteFile(zip);

        await service.RunWithClockAsync(() => client.UploadVersionAsync("my-plugin", path, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(2, service.Requests.Count);
        Assert.All(service.Requests, r => Assert.Equal(zip, r.Body));
        Assert.All(service.Requests, r => Assert.Equal([ApiKey], r.ApiKeys));
        Assert.Equal([TimeSpan.FromSeconds(1)], service.Waits); // the retry waited exactly the announced reset
    }

    [Theory]
    [InlineData("503")]
    [InlineData("connection reset")]
    public async Task From_a_file_a_transient_fault_is_retried_with_the_full_file_because_the_upload_replaces_the_same_version(string fault)
    {
        using var service = new FakeService();
        if (fault == "503")
        {
            service.Expect(HttpMethod.Post, VersionsPath, HttpStatusCode.ServiceUnavailable, "{\"status\":503}");
        }
        else
        {
            service.ExpectFailure(HttpMethod.Post, VersionsPath, new HttpRequestException("Connection reset by peer"));
        }

        service.Expect(HttpMethod.Post, VersionsPath, body: Uploaded);
        using var client = service.CreateClient();
        var zip = ReleaseZip(paddingBytes: 1000);
        var path = WriteFile(zip);

        await service.RunWithClockAsync(() => client.UploadVersionAsync("my-plugin", path, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(2, service.Requests.Count);
        Assert.All(service.Requests, r => Assert.Equal(zip, r.Body));
    }

    [Fact]
    public async Task From_a_file_the_file_is_closed_after_the_upload()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Post, VersionsPath, body: Uploaded);
        using var client = service.CreateClient();
        var path = WriteFile(ReleaseZip(paddingBytes: 10));

        await client.UploadVersionAsync("my-plugin", path, cancellationToken: TestContext.Current.CancellationToken);

        using var exclusive = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        Assert.True(exclusive.Length > 0);
    }

    [Fact]
    public async Task From_a_seekable_stream_a_429_is_retried_and_both_attempts_send_the_ZIP_from_the_starting_position()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Post, VersionsPath, HttpStatusCode.TooManyRequests, "{\"status\":429}", headers: RateLimitReset(1));
        service.Expect(HttpMethod.Post, VersionsPath, body: Uploaded);
        using var client = service.CreateClient();
        var zip = ReleaseZip();
        byte[] prefix = [0xEE, 0xEE, 0xEE, 0xEE, 0xEE, 0xEE, 0xEE];
        using var stream = new MemoryStream([.. prefix, .. zip]);
        stream.Position = prefix.Length;

        var result = await service.RunWithClockAsync(() => client.UploadVersionAsync("my-plugin", stream, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(2, service.Requests.Count);
        Assert.All(service.Requests, r => Assert.Equal(zip, r.Body));
        Assert.All(service.Requests, r => Assert.Equal(zip.Length, r.ContentLength));
        Assert.Equal("1.4.0", result.Archive!.Version);
        Assert.True(stream.CanRead, "the caller's stream is left open");
    }

    [Fact]
    public async Task From_a_non_seekable_stream_a_429_is_not_resent_and_the_message_says_why()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Post, VersionsPath, HttpStatusCode.TooManyRequests, "{\"status\":429}", headers: RateLimitReset(1));
        using var client = service.CreateClient();
        var zip = ReleaseZip();
        var stream = new NonSeekableStream(zip);

        var ex = await service.ThrowsWithClockAsync<PluginApis.Http.RateLimitExceededException, VersionUploadResult>(
            () => client.UploadVersionAsync("my-plugin", stream, cancellationToken: TestContext.Current.CancellationToken));

        var sent = Assert.Single(service.Requests);
        Assert.Equal(zip, sent.Body);
        Assert.Null(sent.ContentLength);
        Assert.Contains("non-seekable stream", ex.Message);
        Assert.Contains("not retried", ex.Message);
        Assert.False(stream.Disposed);
    }

    [Fact]
    public async Task From_a_non_seekable_stream_a_connection_failure_is_not_resent_and_the_message_says_why()
    {
        using var service = new FakeService();
        service.ExpectFailure(HttpMethod.Post, VersionsPath, new HttpRequestException("Connection reset by peer"));
        using var client = service.CreateClient();

        var ex = await service.ThrowsWithClockAsync<HttpRequestException, VersionUploadResult>(
            () => client.UploadVersionAsync("my-plugin", new NonSeekableStream(ReleaseZip(paddingBytes: 10)), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Single(service.Requests);
        Assert.Contains("Connection reset by peer", ex.Message);
        Assert.Contains("non-seekable stream", ex.Message);
    }

    [Fact]
    public async Task From_a_non_seekable_stream_a_successful_upload_sends_the_bytes_without_inspection()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Post, VersionsPath, body: Uploaded);
        using var client = service.CreateClient();
        var zip = ReleaseZip(paddingBytes: 100);

        var result = await client.UploadVersionAsync("my-plugin", new NonSeekableStream(zip), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(zip, Assert.Single(service.Requests).Body);
        Assert.Null(result.Archive);
        Assert.Null(result.Size);
    }

    [Fact]
    public async Task Progress_reports_cumulative_bytes_and_ends_at_the_file_length()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Post, VersionsPath, body: Uploaded);
        using var client = service.CreateClient();
        var zip = ReleaseZip();
        var path = WriteFile(zip);
        var reports = new List<long>();

        await client.UploadVersionAsync("my-plugin", path, new SyncProgress(reports.Add), TestContext.Current.CancellationToken);

        Assert.True(reports.Count > 1, $"several chunks reported (got {reports.Count})");
        Assert.Equal(zip.Length, reports[^1]);
        Assert.Equal(reports.Order(), reports);
        Assert.Equal(reports.Distinct(), reports);
    }

    [Fact]
    public async Task Progress_from_a_stream_ends_at_the_ZIP_length()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Post, VersionsPath, body: Uploaded);
        using var client = service.CreateClient();
        var zip = ReleaseZip();
        var reports = new List<long>();

        await client.UploadVersionAsync("my-plugin", new MemoryStream(zip), new SyncProgress(reports.Add), TestContext.Current.CancellationToken);

        Assert.Equal(zip.Length, reports[^1]);
    }

    [Theory]
    [InlineData("not a zip")]
    [InlineData("wrong folder")]
    [InlineData("no version")]
    public async Task An_invalid_ZIP_throws_InvalidPluginArchiveException_and_nothing_is_sent(string problem)
    {
        using var service = new FakeService();
        using var client = service.CreateClient();
        var (bytes, reason) = problem switch
        {
            "not a zip" => ("<html>not a zip</html>"u8.ToArray(), InvalidPluginArchiveReason.NotAZip),
            "wrong folder" => (ReleaseZip(folder: "other-plugin", paddingBytes: 10), InvalidPluginArchiveReason.SlugMismatch),
            _ => (TestZip.Build(("my-plugin/my-plugin.php", TestZip.MainFile(version: null))), InvalidPluginArchiveReason.NoVersion),
        };
        var path = WriteFile(bytes);

        var fromFile = await Assert.ThrowsAsync<InvalidPluginArchiveException>(() => client.UploadVersionAsync("my-plugin", path, cancellationToken: TestContext.Current.CancellationToken));
        var fromStream = await Assert.ThrowsAsync<InvalidPluginArchiveException>(() => client.UploadVersionAsync("my-plugin", new MemoryStream(bytes), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(reason, fromFile.Reason);
        Assert.Equal(reason, fromStream.Reason);
        Assert.Empty(service.Requests);
    }

    [Fact]
    public async Task The_slug_mismatch_message_names_both_folder_and_slug()
    {
        using var service = new FakeService();
        using var client = service.CreateClient();
        var path = WriteFile(ReleaseZip(folder: "my-plugin-main", paddingBytes: 10));

        var ex = await Assert.ThrowsAsync<InvalidPluginArchiveException>(() => client.UploadVersionAsync("my-plugin", path, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("'my-plugin-main/'", ex.Message);
        Assert.Contains("'my-plugin'", ex.Message);
    }

    [Fact]
    public async Task A_seekable_stream_is_inspected_from_its_starting_position()
    {
        using var service = new FakeService();
        using var client = service.CreateClient();
        var zip = ReleaseZip(paddingBytes: 10);
        using var stream = new MemoryStream(zip);
        stream.Position = stream.Length;

        var ex = await Assert.ThrowsAsync<InvalidPluginArchiveException>(() => client.UploadVersionAsync("my-plugin", stream, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(InvalidPluginArchiveReason.NotAZip, ex.Reason);
        Assert.Empty(service.Requests);
    }

    [Fact]
    public async Task With_inspection_switched_off_an_invalid_ZIP_is_sent_as_it_is()
    {
        using var service = new FakeService();
        service.Expect(HttpMethod.Post, VersionsPath, HttpStatusCode.BadRequest, "{\"status\":400,\"message\":\"No version found.\"}");
        using var client = service.CreateClient(o => o.InspectArchivesBeforeUpload = false);
        var bytes = ReleaseZip(folder: "other-plugin", paddingBytes: 10);
        var path = WriteFile(bytes);

        var ex = await Assert.ThrowsAsync<WunderUpdatesException>(() => client.UploadVersionAsync("my-plugin", path, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(bytes, Assert.Single(service.Requests).Body);
        Assert.Equal("No version found.", ex.ServerMessage);
    }

    [Fact]
    public async Task A_missing_file_throws_FileNotFoundException_and_nothing_is_sent()
    {
        using var service = new FakeService();
        using var client = service.CreateClient();

        await Assert.ThrowsAsync<FileNotFoundException>(() => client.UploadVersionAsync("my-plugin", Path.Combine(_directory, "missing.zip"), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Empty(service.Requests);
    }

    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
