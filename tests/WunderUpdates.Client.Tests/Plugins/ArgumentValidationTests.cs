using WunderUpdates.Client.Tests.TestSupport;
using Xunit;

namespace WunderUpdates.Client.Tests.Plugins;

public class ArgumentValidationTests
{
    private static readonly Dictionary<string, Func<IWunderUpdatesClient, string, Task>> CallsWithText = new()
    {
        ["CreatePlugin.slug"] = (c, s) => c.CreatePluginAsync(s, License.StaticKeys),
        ["GetPlugin.slug"] = (c, s) => c.GetPluginAsync(s),
        ["UpdateLicense.slug"] = (c, s) => c.UpdateLicenseAsync(s, License.NoLicense),
        ["DeletePlugin.slug"] = (c, s) => c.DeletePluginAsync(s),
        ["ListVersions.slug"] = (c, s) => c.ListVersionsAsync(s),
        ["UploadVersion(path).slug"] = (c, s) => c.UploadVersionAsync(s, "/nonexistent.zip"),
        ["UploadVersion(stream).slug"] = (c, s) => c.UploadVersionAsync(s, new MemoryStream([1, 2, 3])),
        ["UploadVersion.zipPath"] = (c, s) => c.UploadVersionAsync("p", s),
        ["GetVersion.slug"] = (c, s) => c.GetVersionAsync(s, "1.0.0"),
        ["GetVersion.version"] = (c, s) => c.GetVersionAsync("p", s),
        ["DeleteVersion.slug"] = (c, s) => c.DeleteVersionAsync(s, "1.0.0"),
        ["DeleteVersion.version"] = (c, s) => c.DeleteVersionAsync("p", s),
        ["ActivateAccountLicense.licenseKey"] = (c, s) => c.ActivateAccountLicenseAsync(s),
        ["CreateToken.name"] = (c, s) => c.CreateTokenAsync(s, 30),
        ["ListLicenseKeys.slug"] = (c, s) => c.ListLicenseKeysAsync(s),
        ["ReplaceLicenseKeys.slug"] = (c, s) => c.ReplaceLicenseKeysAsync(s, [new LicenseKey("A")]),
        ["AddLicenseKey.slug"] = (c, s) => c.AddLicenseKeyAsync(s, new LicenseKey("A")),
        ["GetLicenseKey.slug"] = (c, s) => c.GetLicenseKeyAsync(s, "A"),
        ["GetLicenseKey.key"] = (c, s) => c.GetLicenseKeyAsync("p", s),
        ["DeleteLicenseKey.slug"] = (c, s) => c.DeleteLicenseKeyAsync(s, "A"),
        ["DeleteLicenseKey.key"] = (c, s) => c.DeleteLicenseKeyAsync("p", s),
        ["CheckForUpdate.accountPrefix"] = (c, s) => c.CheckForUpdateAsync(s, "p"),
        ["CheckForUpdate.slug"] = (c, s) => c.CheckForUpdateAsync("abcde123", s),
    };

    public static TheoryData<string, string?> BadText()
    {
        var data = new TheoryData<string, string?>();
        foreach (var name in CallsWithText.Keys)
        {
            data.Add(name, null);
            data.Add(name, string.Empty);
            data.Add(name, " \t");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadText))]
    public async Task Null_empty_or_whitespace_text_arguments_throw_ArgumentException_before_any_request(string call, string? value)
    {
        using var service = new FakeService();
        using var client = service.CreateClient();

        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => CallsWithText[call](client, value!));

        Assert.Equal(call[(call.IndexOf('.', StringComparison.Ordinal) + 1)..], ex.ParamName);
        Assert.Empty(service.Requests);
    }

    [Fact]
    public async Task Null_objects_throw_ArgumentNullException_before_any_request()
    {
        using var service = new FakeService();
        using var client = service.CreateClient();

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.CreatePluginAsync("p", null!, cancellationToken: TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.UpdateLicenseAsync("p", null!, cancellationToken: TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.UploadVersionAsync("p", (Stream)null!, cancellationToken: TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.ReplaceLicenseKeysAsync("p", null!, cancellationToken: TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.ReplaceLicenseKeysAsync("p", [new LicenseKey("A"), null!], cancellationToken: TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.AddLicenseKeyAsync("p", null!, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Empty(service.Requests);
    }

    [Fact]
    public async Task An_empty_licence_key_from_a_deserialised_model_is_refused_before_sending()
    {
        using var service = new FakeService();
        using var client = service.CreateClient();
        var blank = System.Text.Json.JsonSerializer.Deserialize("{\"key\":\" \",\"expires\":null}", Serialization.WunderUpdatesJsonContext.Default.LicenseKey)!;

        await Assert.ThrowsAsync<ArgumentException>(() => client.AddLicenseKeyAsync("p", blank, cancellationToken: TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() => client.ReplaceLicenseKeysAsync("p", [blank], cancellationToken: TestContext.Current.CancellationToken));
        Assert.Empty(service.Requests);
    }

    [Fact]
    public async Task An_undefined_release_channel_throws_ArgumentOutOfRangeException()
    {
        using var service = new FakeService();
        using var client = service.CreateClient();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.CheckForUpdateAsync("abc", "p", (ReleaseChannel)42, cancellationToken: TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() => client.CheckForUpdateAsync("abc", "p", licenseKey: " ", cancellationToken: TestContext.Current.CancellationToken));
        Assert.Empty(service.Requests);
    }

    [Fact]
    public async Task An_unreadable_stream_is_refused()
    {
        using var service = new FakeService();
        using var client = service.CreateClient();
        var closed = new MemoryStream([1, 2, 3]);
        await closed.DisposeAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => client.UploadVersionAsync("p", closed, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Empty(service.Requests);
    }
}
