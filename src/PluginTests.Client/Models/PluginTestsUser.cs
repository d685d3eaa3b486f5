using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginTests.Client;

/// <summary>The user the API key belongs to.</summary>
public sealed class PluginTestsUser
{
    /// <summary>The user id.</summary>
    public string? Id { get; init; }

    /// <summary>The display name.</summary>
    public string? Name { get; init; }

    /// <summary>The e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>The user's own directory slug (the <c>directory</c> of their private plugins).</summary>
    public string? Directory { get; init; }

    /// <summary>Fields the service sent that this model does not know; nothing is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}
