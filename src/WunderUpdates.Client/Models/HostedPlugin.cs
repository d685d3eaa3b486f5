using System.Text.Json;
using System.Text.Json.Serialization;

namespace WunderUpdates.Client;

/// <summary>
/// A plugin hosted on WunderUpdates (the update server stores its release ZIPs and serves them to WordPress sites): its
/// slug, how it is licensed and its uploaded versions.
/// </summary>
public sealed class HostedPlugin
{
    /// <summary>The plugin slug (also the name of the folder inside its release ZIPs).</summary>
    [JsonPropertyName("slug")]
    public string Slug { get; init; } = string.Empty;

    /// <summary>How downloads are licensed; null if the service sent none.</summary>
    [JsonPropertyName("license")]
    public License? License { get; init; }

    /// <summary>The uploaded versions (empty when there are none or the service left them out).</summary>
    [JsonPropertyName("versions")]
    public IReadOnlyList<PluginVersion> Versions
    {
        get;
        init => field = value ?? [];
    } = [];

    /// <summary>Fields the service sent that this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
