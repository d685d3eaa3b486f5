using System.Text.Json;
using System.Text.Json.Serialization;
using PluginApis.Http.Json;

namespace WunderUpdates.Client.Serialization;

// The documented response envelopes: every body carries "status": 200 next to its payload.
// A missing payload is a JsonException here, which the connection turns into an InvalidResponseException with the raw body.

internal sealed class PluginListEnvelope : IJsonOnDeserialized
{
    [JsonPropertyName("plugins")]
    public List<HostedPlugin>? Plugins { get; set; }

    public void OnDeserialized() => Payload.Require(Plugins, "plugins");
}

internal sealed class PluginDataEnvelope : IJsonOnDeserialized
{
    // POST /plugins answers with "data" as an array holding the new plugin.
    [JsonPropertyName("data")]
    public List<HostedPlugin>? Data { get; set; }

    public void OnDeserialized()
    {
        if (Data is not { Count: > 0 })
        {
            throw new JsonException("The response has no 'data' array holding the new plugin.");
        }
    }
}

internal sealed class PluginEnvelope : IJsonOnDeserialized
{
    [JsonPropertyName("plugin")]
    public HostedPlugin? Plugin { get; set; }

    public void OnDeserialized() => Payload.Require(Plugin, "plugin");
}

internal sealed class MessageEnvelope
{
    [JsonPropertyName("message")]
    [JsonConverter(typeof(TolerantTextConverter))]
    public string? Message { get; set; }
}

internal sealed class VersionListEnvelope : IJsonOnDeserialized
{
    [JsonPropertyName("versions")]
    public List<PluginVersion>? Versions { get; set; }

    public void OnDeserialized() => Payload.Require(Versions, "versions");
}

internal sealed class VersionEnvelope : IJsonOnDeserialized
{
    [JsonPropertyName("version")]
    public PluginVersion? Version { get; set; }

    public void OnDeserialized() => Payload.Require(Version, "version");
}

internal sealed class AccountEnvelope : IJsonOnDeserialized
{
    [JsonPropertyName("account")]
    public Account? Account { get; set; }

    [JsonPropertyName("products")]
    public AccountProducts? Products { get; set; }

    public void OnDeserialized() => Payload.Require(Account, "account");
}

internal sealed class AccountLicenseEnvelope : IJsonOnDeserialized
{
    [JsonPropertyName("license")]
    public AccountLicense? License { get; set; }

    public void OnDeserialized() => Payload.Require(License, "license");
}

internal sealed class TokenListEnvelope : IJsonOnDeserialized
{
    [JsonPropertyName("tokens")]
    public List<ApiToken>? Tokens { get; set; }

    public void OnDeserialized() => Payload.Require(Tokens, "tokens");
}

internal sealed class LicenseKeyListEnvelope : IJsonOnDeserialized
{
    [JsonPropertyName("keys")]
    public List<LicenseKey>? Keys { get; set; }

    public void OnDeserialized() => Payload.Require(Keys, "keys");
}

internal sealed class LicenseKeyEnvelope : IJsonOnDeserialized
{
    [JsonPropertyName("license-key")]
    public LicenseKey? LicenseKey { get; set; }

    public void OnDeserialized() => Payload.Require(LicenseKey, "license-key");
}

internal static class Payload
{
    public static void Require(object? value, string name)
    {
        if (value is null)
        {
            throw new JsonException($"The response has no '{name}'.");
        }
    }
}
