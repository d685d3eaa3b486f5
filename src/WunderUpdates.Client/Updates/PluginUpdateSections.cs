using System.Text.Json;
using System.Text.Json.Serialization;

namespace WunderUpdates.Client;

/// <summary>The readme sections WordPress shows in its "View details" dialog (HTML).</summary>
public sealed class PluginUpdateSections
{
    /// <summary>The description section (<c>sections.description</c>).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>The changelog section (<c>sections.changelog</c>).</summary>
    [JsonPropertyName("changelog")]
    public string? Changelog { get; init; }

    /// <summary>Other sections and fields the service sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
