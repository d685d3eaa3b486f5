using System.Text.Json;
using System.Text.Json.Serialization;
using PluginApis.Http.Json;
using WunderUpdates.Client.Serialization;

namespace WunderUpdates.Client;

/// <summary>
/// What a WordPress site learns from the public update check (<see cref="IWunderUpdatesClient.CheckForUpdateAsync"/>):
/// the newest version on the channel, its requirements, and — only with a valid licence key — the download link.
/// </summary>
public sealed class PluginUpdateInfo
{
    /// <summary>The plugin's display name (<c>plugin_name</c>).</summary>
    [JsonPropertyName("plugin_name")]
    public string? PluginName { get; init; }

    /// <summary>The newest version available on the requested channel (<c>version</c>).</summary>
    [JsonPropertyName("version")]
    [JsonConverter(typeof(TolerantTextConverter))]
    public string? Version { get; init; }

    /// <summary>The lowest WordPress version required (<c>requires_at_least</c>).</summary>
    [JsonPropertyName("requires_at_least")]
    [JsonConverter(typeof(TolerantTextConverter))]
    public string? RequiresAtLeast { get; init; }

    /// <summary>The lowest PHP version required (<c>requires_php</c>).</summary>
    [JsonPropertyName("requires_php")]
    [JsonConverter(typeof(TolerantTextConverter))]
    public string? RequiresPhp { get; init; }

    /// <summary>The newest WordPress version the plugin was tested with (<c>tested_up_to</c>).</summary>
    [JsonPropertyName("tested_up_to")]
    [JsonConverter(typeof(TolerantTextConverter))]
    public string? TestedUpTo { get; init; }

    /// <summary>
    /// Where to download the release ZIP (<c>download_link</c>); null without a valid licence key, or when the service
    /// sent something that is not an absolute http(s) URL.
    /// </summary>
    [JsonPropertyName("download_link")]
    [JsonConverter(typeof(LenientUriConverter))]
    public Uri? DownloadLink { get; init; }

    /// <summary>The description and changelog shown in WordPress (<c>sections</c>).</summary>
    [JsonPropertyName("sections")]
    public PluginUpdateSections? Sections { get; init; }

    /// <summary>Whether the licence key sent with the check is valid (<c>license</c>).</summary>
    [JsonPropertyName("license")]
    public PluginUpdateLicense? License { get; init; }

    /// <summary>Fields the service sent that this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
