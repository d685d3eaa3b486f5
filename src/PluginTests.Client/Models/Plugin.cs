using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginTests.Client;

/// <summary>
/// A plugin known to PluginTests (a public WordPress.org plugin or one of your own). The response shape is not documented
/// by the service; this is the project's guess, read tolerantly (see <c>docs/plugintests.md</c>).
/// </summary>
public sealed class Plugin
{
    /// <summary>The owner or directory slug; <c>wporg</c> for WordPress.org.</summary>
    public string? Directory { get; init; }

    /// <summary>The plugin slug.</summary>
    public string? Slug { get; init; }

    /// <summary>The plugin's display name.</summary>
    public string? Name { get; init; }

    /// <summary>The latest tested version (a number such as <c>5.3</c> is kept as its text).</summary>
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
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
