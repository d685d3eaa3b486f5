using System.Text.Json;
using System.Text.Json.Serialization;

namespace WunderUpdates.Client;

/// <summary>Your WunderUpdates account: the prefix in your public update URLs and how many site activations are used.</summary>
public sealed class Account
{
    /// <summary>The account prefix used in the public update URLs (<c>/public/{prefix}/plugins/{slug}</c>).</summary>
    [JsonPropertyName("prefix")]
    public string Prefix { get; init; } = string.Empty;

    /// <summary>Activations in use.</summary>
    [JsonPropertyName("activationUsage")]
    public int? ActivationUsage { get; init; }

    /// <summary>Activations the account's plan allows.</summary>
    [JsonPropertyName("activationLimit")]
    public int? ActivationLimit { get; init; }

    /// <summary>Fields the service sent that this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
