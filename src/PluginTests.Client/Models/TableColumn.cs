using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginTests.Client;

/// <summary>
/// A column of a database table a plugin creates (<see cref="PluginEntity.Columns"/>). The service does not document its
/// shape: a bare column name (<c>"id"</c>, what the project's emulator sends), an object (<c>{"name":"id","type":"bigint(20)"}</c>)
/// and a name-to-type map (<c>{"id":"bigint(20)"}</c>) are all read.
/// </summary>
public sealed class TableColumn
{
    /// <summary>The column name, e.g. <c>comment_id</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The SQL type as the service sends it (e.g. <c>bigint(20) unsigned</c>), or null when it sends only names.</summary>
    public string? Type { get; init; }

    /// <summary>Fields the service sent that this model does not know; nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The column name (and type, when known).</summary>
    /// <returns>The text.</returns>
    /// <remarks>Never throws.</remarks>
    public override string ToString() => Type is null ? Name ?? string.Empty : $"{Name} {Type}";
}
