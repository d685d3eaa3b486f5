using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginTests.Client;

/// <summary>The user the API key belongs to. The shape is the project's guess, read tolerantly.</summary>
public sealed class PluginTestsUser
{
    /// <summary>The user id (a numeric id such as <c>1</c> is kept as its text, <c>"1"</c>).</summary>
    public string? Id { get; init; }

    /// <summary>The display name.</summary>
    public string? Name { get; init; }

    /// <summary>The e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>The user's own directory slug (the <c>directory</c> of their private plugins).</summary>
    public string? Directory { get; init; }

    /// <summary>Fields the service sent that this model does not know; nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
