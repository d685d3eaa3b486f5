using System.Text.Json;
using System.Text.Json.Serialization;

namespace WunderUpdates.Client;

/// <summary>
/// One licence key of a <c>static-keys</c> plugin: the key a customer enters in WordPress, and the day it stops working
/// (<c>null</c> = never). On the wire: <c>{"key":"ABC-123","expires":"2026-12-31"}</c>.
/// </summary>
public sealed class LicenseKey
{
    /// <summary>Creates a licence key.</summary>
    /// <param name="key">The key; not empty or whitespace.</param>
    /// <param name="expires">The last day the key is valid; null for a key that never expires.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is null, empty or whitespace.</exception>
    public LicenseKey(string key, DateOnly? expires = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        Key = key;
        Expires = expires;
    }

    [JsonConstructor]
    internal LicenseKey()
    {
    }

    /// <summary>The key.</summary>
    [JsonPropertyName("key")]
    public string Key { get; init; } = string.Empty;

    /// <summary>The expiry day (<c>YYYY-MM-DD</c> on the wire), or null when the key never expires.</summary>
    [JsonPropertyName("expires")]
    public DateOnly? Expires { get; init; }

    /// <summary>Fields the service sent that this SDK does not model (sent back unchanged when the key is sent again).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
