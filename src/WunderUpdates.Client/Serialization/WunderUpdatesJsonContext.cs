using System.Text.Json.Serialization;

namespace WunderUpdates.Client.Serialization;

/// <summary>Source-generated JSON metadata for every body the client reads or writes (no reflection: trim and AOT safe).</summary>
[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(PluginListEnvelope))]
[JsonSerializable(typeof(PluginDataEnvelope))]
[JsonSerializable(typeof(PluginEnvelope))]
[JsonSerializable(typeof(MessageEnvelope))]
[JsonSerializable(typeof(VersionListEnvelope))]
[JsonSerializable(typeof(VersionEnvelope))]
[JsonSerializable(typeof(AccountEnvelope))]
[JsonSerializable(typeof(AccountLicenseEnvelope))]
[JsonSerializable(typeof(TokenListEnvelope))]
[JsonSerializable(typeof(LicenseKeyListEnvelope))]
[JsonSerializable(typeof(LicenseKeyEnvelope))]
[JsonSerializable(typeof(PluginUpdateInfo))]
[JsonSerializable(typeof(CreatePluginBody))]
[JsonSerializable(typeof(UpdateLicenseBody))]
[JsonSerializable(typeof(ActivateLicenseBody))]
[JsonSerializable(typeof(CreateTokenBody))]
[JsonSerializable(typeof(ReplaceLicenseKeysBody))]
[JsonSerializable(typeof(LicenseKey))]
internal sealed partial class WunderUpdatesJsonContext : JsonSerializerContext
{
}
