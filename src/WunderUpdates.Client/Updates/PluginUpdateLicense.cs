using System.Text.Json;
using System.Text.Json.Serialization;

namespace WunderUpdates.Client;

/// <summary>The licence state the public update check reports for the key it was given.</summary>
public sealed class PluginUpdateLicense
{
    /// <summary>True when the licence key is valid for this plugin (<c>license.valid</c>); null when not reported.</summary>
    [JsonPropertyName("valid")]
    public bool? Valid { get; init; }

    /// <summary>Fields the service sent that this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
