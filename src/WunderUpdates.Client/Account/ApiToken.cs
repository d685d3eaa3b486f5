using System.Text.Json;
using System.Text.Json.Serialization;

namespace WunderUpdates.Client;

/// <summary>An API token of the account as <c>GET /account/tokens</c> lists it (the token value itself is shown only once, at creation).</summary>
public sealed class ApiToken
{
    /// <summary>The token's name (a-z, 0-9, <c>-</c> and <c>.</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>
    /// When the token expires: never, at a point in time, or after a number of days (the service does not document the
    /// form; see <c>docs/wunderupdates.md</c> for how each is read). Null when the service did not say.
    /// </summary>
    [JsonPropertyName("expires")]
    public ApiTokenExpiry? Expires { get; init; }

    /// <summary>Fields the service sent that this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
