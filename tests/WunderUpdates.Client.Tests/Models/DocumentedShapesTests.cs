using System.Text.Json;
using WunderUpdates.Client.Serialization;
using Xunit;

namespace WunderUpdates.Client.Tests.Models;

/// <summary>
/// The documented WunderUpdates shapes stay strict where the docs are exact: a value of another kind than documented is an
/// error with its path, not a guess.
/// </summary>
public class DocumentedShapesTests
{
    [Theory]
    [InlineData("{'status':200,'versions':[{'file':'p-1.0.0.zip','version':1.0}]}", "$.versions[0].version")]
    [InlineData("{'status':200,'versions':[{'file':7,'version':'1.0.0'}]}", "$.versions[0].file")]
    [InlineData("{'status':200,'plugins':[{'slug':'p','license':{'type':3}}]}", "$.plugins[0].license.type")]
    [InlineData("{'status':200,'plugins':[{'slug':5}]}", "$.plugins[0].slug")]
    [InlineData("{'status':200,'keys':[{'key':'K','expires':'31/12/2026'}]}", "$.keys[0].expires")]
    [InlineData("{'status':200,'account':{'prefix':'a','activationLimit':'lots'}}", "$.account.activationLimit")]
    public void Values_of_another_kind_than_documented_fail_with_their_path(string singleQuoted, string path)
    {
        var json = singleQuoted.Replace('\'', '"');
        var ex = Assert.ThrowsAny<JsonException>(() => ReadAny(json));
        Assert.Equal(path, ex.Path);
    }

    [Fact]
    public void The_documented_shapes_read_as_documented()
    {
        var plugins = JsonSerializer.Deserialize("""{"status":200,"plugins":[{"license":{"type":"static-keys"},"versions":[],"slug":"my-new-plugin"}]}""",
            WunderUpdatesJsonContext.Default.PluginListEnvelope)!.Plugins!;
        var plugin = Assert.Single(plugins);
        Assert.Equal(("my-new-plugin", LicenseType.StaticKeys), (plugin.Slug, plugin.License!.Type));
        Assert.Empty(plugin.Versions);
    }

    private static object ReadAny(string json) =>
        json.Contains("\"versions\"", StringComparison.Ordinal) ? JsonSerializer.Deserialize(json, WunderUpdatesJsonContext.Default.VersionListEnvelope)!
        : json.Contains("\"plugins\"", StringComparison.Ordinal) ? JsonSerializer.Deserialize(json, WunderUpdatesJsonContext.Default.PluginListEnvelope)!
        : json.Contains("\"keys\"", StringComparison.Ordinal) ? JsonSerializer.Deserialize(json, WunderUpdatesJsonContext.Default.LicenseKeyListEnvelope)!
        : JsonSerializer.Deserialize(json, WunderUpdatesJsonContext.Default.AccountEnvelope)!;
}
