using System.Text.Json;
using System.Text.Json.Serialization;

namespace WunderUpdates.Client;

/// <summary>An API token of the account as <c>GET /account/tokens</c> lists it (the token value itself is shown only once, at creation).</summary>
public sealed class ApiToken
{
    /// <summary>The token's name (a-z, 0-9, <c>-</c> and <c>.</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>When the token expires, as raw JSON: the service does not document the shape (a timestamp, a date or <c>-1</c> for never).</summary>
    [JsonPropertyName("expires")]
    public JsonElement? Expires { get; init; }

    /// <summary>Fields the service sent that this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
