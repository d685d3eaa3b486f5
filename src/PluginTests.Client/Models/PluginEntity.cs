using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginTests.Client;

/// <summary>
/// A database table or WordPress option a plugin creates (<see cref="IPluginTestsClient.ListEntitiesAsync"/>). The name is
/// common to both; a table has <see cref="Columns"/>, an option <see cref="Autoload"/>. The shape is the project's guess.
/// </summary>
public sealed class PluginEntity
{
    /// <summary>The table or option name, e.g. <c>wp_akismet_log</c>.</summary>
    public string? Name { get; init; }

    /// <summary>A table's columns, in the order the service lists them; empty for options or when the service sent none.</summary>
    public IReadOnlyList<TableColumn> Columns
    {
        get;
        init => field = value ?? [];
    } = [];

    /// <summary>
    /// Whether WordPress loads an option on every page (<c>autoload</c>); null for tables, when not sent, or when WordPress
    /// decides (<c>auto</c>).
    /// </summary>
    public bool? Autoload { get; init; }

    /// <summary>Fields the service sent that this model does not know; nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
