using PluginTests.Client;
using WunderUpdates.Client;
using static PluginApis.Integration.Tests.Clients;

namespace PluginApis.Integration.Tests;

/// <summary>A wrong key is a 401 as the service's own exception, and the key never shows in it.</summary>
public sealed class AuthTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string WrongPluginTestsKey = "pt-wrong-key-do-not-print-0000000099";
    private const string WrongWunderUpdatesKey = "wu-wrong-key-do-not-print-0000000099";

    [Fact]
    public async Task PluginTests_wrong_key_is_a_401_PluginTestsException_without_the_key()
    {
        using var client = NewPluginTests(fixture.Emulator, WrongPluginTestsKey);
        var ex = await Assert.ThrowsAsync<PluginTestsException>(() => client.GetCurrentUserAsync(Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal(PluginTestsErrorCode.InvalidApiKey, ex.Code);
        Assert.False(string.IsNullOrWhiteSpace(ex.ServerMessage));
        AssertNoSecret(ex, WrongPluginTestsKey);

        // The same for a call with a body and for the streamed list.
        var post = await Assert.ThrowsAsync<PluginTestsException>(() => client.CreateWebhookAsync(new Uri("https://example.com/x"), cancellationToken: Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        AssertNoSecret(post, WrongPluginTestsKey);
        var stream = await Assert.ThrowsAsync<PluginTestsException>(async () =>
        {
            await foreach (var _ in client.ListPluginTablesAsync(ActiveInstalls.AtLeast500, Ct))
            {
            }
        });
        Assert.Equal(HttpStatusCode.Unauthorized, stream.StatusCode);
        AssertNoSecret(stream, WrongPluginTestsKey);
    }

    [Fact]
    public async Task WunderUpdates_wrong_key_is_a_401_WunderUpdatesException_without_the_key()
    {
        using var client = NewWunderUpdates(fixture.Emulator, WrongWunderUpdatesKey);
        var ex = await Assert.ThrowsAsync<WunderUpdatesException>(() => client.ListPluginsAsync(Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal(401, ex.ReportedStatus);
        AssertNoSecret(ex, WrongWunderUpdatesKey);

        using var zip = new MemoryStream(TestZip.Bytes("demo-free", "9.0.0"));
        var upload = await Assert.ThrowsAsync<WunderUpdatesException>(() => client.UploadVersionAsync("demo-free", zip, cancellationToken: Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, upload.StatusCode);
        AssertNoSecret(upload, WrongWunderUpdatesKey);

        // The public update check needs no key, so a wrong one does not matter there.
        var update = await client.CheckForUpdateAsync(EmulatorKeys.WunderUpdatesDemoAccountPrefix, "demo-free", cancellationToken: Ct);
        Assert.Equal("1.0.0", update.Version);
    }

    [Fact]
    public async Task A_PluginTests_key_is_no_WunderUpdates_key_and_vice_versa()
    {
        using var wu = NewWunderUpdates(fixture.Emulator, EmulatorKeys.PluginTestsDemo);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Assert.ThrowsAsync<WunderUpdatesException>(() => wu.GetAccountAsync(Ct))).StatusCode);
        using var pt = NewPluginTests(fixture.Emulator, EmulatorKeys.WunderUpdatesDemo);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Assert.ThrowsAsync<PluginTestsException>(() => pt.GetRootAsync(Ct))).StatusCode);
    }

    private static void AssertNoSecret(ApiException ex, string secret)
    {
        Assert.DoesNotContain(secret, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, ex.ResponseBody ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, ex.RequestUri?.OriginalString ?? string.Empty, StringComparison.Ordinal);
    }
}
