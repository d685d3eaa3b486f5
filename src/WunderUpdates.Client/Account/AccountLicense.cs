using System.Text.Json;
using System.Text.Json.Serialization;

namespace WunderUpdates.Client;

/// <summary>The WunderUpdates licence of your account (your plan), as <c>GET /account/license</c> returns it.</summary>
public sealed class AccountLicense
{
    /// <summary>The number of activations the licence allows.</summary>
    [JsonPropertyName("limit")]
    public long? Limit { get; init; }

    /// <summary>
    /// When the licence expires, exactly as the service sends it. Its unit is not documented (the documented example is
    /// <c>99999999</c>, apparently "never").
    /// </summary>
    [JsonPropertyName("expires")]
    public long? Expires { get; init; }

    /// <summary>Fields the service sent that this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
