using System.Text.Json;
using System.Text.Json.Serialization;

namespace WunderUpdates.Client;

/// <summary>One uploaded release of a plugin: its version and the file the service stored (<c>{slug}-{version}.zip</c>).</summary>
public sealed class PluginVersion
{
    /// <summary>The version, compared by the service as semver (e.g. <c>2.0.0-beta.1</c>).</summary>
    [JsonPropertyName("version")]
    public string Version { get; init; } = string.Empty;

    /// <summary>The stored file name, e.g. <c>my-plugin-1.0.0.zip</c>.</summary>
    [JsonPropertyName("file")]
    public string? File { get; init; }

    /// <summary>Fields the service sent that this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
