using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginTests.Client;

/// <summary>
/// A database table or WordPress option a plugin creates. Only the name is common to both; everything else
/// (a table's <c>columns</c>, an option's <c>autoload</c>, ...) is in <see cref="AdditionalData"/>.
/// </summary>
public sealed class PluginEntity
{
    /// <summary>The table or option name, e.g. <c>wp_akismet_log</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Fields the service sent that this model does not know; nothing is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}
