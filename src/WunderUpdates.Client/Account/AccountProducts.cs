using System.Text.Json;
using System.Text.Json.Serialization;

namespace WunderUpdates.Client;

/// <summary>
/// The themes and plugins of the account as <c>GET /account</c> lists them. The service does not document the shape of
/// one entry, so each is kept as raw JSON.
/// </summary>
public sealed class AccountProducts
{
    /// <summary>The account's themes, as raw JSON.</summary>
    [JsonPropertyName("themes")]
    public IReadOnlyList<JsonElement> Themes
    {
        get;
        init => field = value ?? [];
    } = [];

    /// <summary>The account's plugins, as raw JSON.</summary>
    [JsonPropertyName("plugins")]
    public IReadOnlyList<JsonElement> Plugins
    {
        get;
        init => field = value ?? [];
    } = [];

    /// <summary>Fields the service sent that this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
