using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginTests.Client;

/// <summary>A plugin known to PluginTests. The response shape is not documented by the service; this is the project's guess.</summary>
public sealed class Plugin
{
    /// <summary>The owner or directory slug; <c>wporg</c> for WordPress.org.</summary>
    public string? Directory { get; init; }

    /// <summary>The plugin slug.</summary>
    public string? Slug { get; init; }

    /// <summary>The plugin's display name.</summary>
    public string? Name { get; init; }

    /// <summary>The latest tested version.</summary>
    public string? Version { get; init; }

    /// <summary>Active installs as published by the directory, if known.</summary>
    public long? ActiveInstalls { get; init; }

    /// <summary>The plugin's page.</summary>
    public Uri? Url { get; init; }

    /// <summary>The slug of the latest report (see <see cref="IPluginTestsClient.GetReportAsync"/>), or null when never tested.</summary>
    public string? LatestReport { get; init; }

    /// <summary>When the plugin was last tested.</summary>
    public DateTimeOffset? TestedAt { get; init; }

    /// <summary>Fields the service sent that this model does not know; nothing is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}
