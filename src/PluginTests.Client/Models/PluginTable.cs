using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginTests.Client;

/// <summary>One entry of the published tables list: a database table and the plugin that creates it. The shape is the project's guess.</summary>
public sealed class PluginTable
{
    /// <summary>The table name, e.g. <c>wp_yoast_indexable</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The slug of the plugin that creates it.</summary>
    public string? Plugin { get; init; }

    /// <summary>The plugin's directory.</summary>
    public string? Directory { get; init; }

    /// <summary>The plugin's active installs.</summary>
    public long? ActiveInstalls { get; init; }

    /// <summary>Fields the service sent that this model does not know; nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
