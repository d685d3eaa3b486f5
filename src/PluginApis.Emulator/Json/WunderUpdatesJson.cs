using System.Text.Json.Serialization;

namespace PluginApis.Emulator.Json;

// ---- WunderUpdates (documented envelopes: "status" next to the payload) ----

internal sealed record WuStatusMessage(int Status, string Message);

internal sealed record WuLicenseDto(
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<long>? Products);

internal sealed record WuVersionDto(string File, string Version);

internal sealed record WuPluginDto(WuLicenseDto License, IReadOnlyList<WuVersionDto> Versions, string Slug);

internal sealed record WuPluginsEnvelope(int Status, IReadOnlyList<WuPluginDto> Plugins);

internal sealed record WuDataEnvelope(int Status, IReadOnlyList<WuPluginDto> Data);

internal sealed record WuPluginEnvelope(int Status, WuPluginDto Plugin);

internal sealed record WuVersionsEnvelope(int Status, IReadOnlyList<WuVersionDto> Versions);

internal sealed record WuVersionEnvelope(int Status, WuVersionDto Version);

internal sealed record WuLicenseKeyDto(string Key, string? Expires);

internal sealed record WuKeysEnvelope(int Status, IReadOnlyList<WuLicenseKeyDto> Keys);

internal sealed record WuLicenseKeyEnvelope(int Status, [property: JsonPropertyName("license-key")] WuLicenseKeyDto LicenseKey);

internal sealed record WuAccountDto(string Prefix, int ActivationUsage, int ActivationLimit);

internal sealed record WuProductsDto(IReadOnlyList<WuPluginDto> Themes, IReadOnlyList<WuPluginDto> Plugins);

internal sealed record WuAccountEnvelope(int Status, WuAccountDto Account, WuProductsDto Products);

internal sealed record WuAccountLicenseDto(int Limit, long Expires);

internal sealed record WuAccountLicenseEnvelope(int Status, WuAccountLicenseDto License);

internal sealed record WuTokenDto(string Name, long Expires);

internal sealed record WuTokensEnvelope(int Status, IReadOnlyList<WuTokenDto> Tokens);

internal sealed record WuCreatedTokenDto(string Name, long Expires, string Value);

internal sealed record WuTokenCreatedEnvelope(int Status, string Message, WuCreatedTokenDto Token);

internal sealed record WuSectionsDto(string Description, string Changelog);

internal sealed record WuPublicLicenseDto(bool Valid);

internal sealed record WuPublicPluginDto(
    int Status,
    [property: JsonPropertyName("plugin_name")] string PluginName,
    string Version,
    [property: JsonPropertyName("requires_at_least")] string? RequiresAtLeast,
    [property: JsonPropertyName("requires_php")] string? RequiresPhp,
    [property: JsonPropertyName("tested_up_to")] string? TestedUpTo,
    [property: JsonPropertyName("download_link"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DownloadLink,
    WuSectionsDto Sections,
    WuPublicLicenseDto License);

internal sealed class WuLicenseRequest
{
    public string? Type { get; set; }

    public List<long>? Products { get; set; }
}

internal sealed class WuCreatePluginRequest
{
    public string? Slug { get; set; }

    public WuLicenseRequest? License { get; set; }
}

internal sealed class WuUpdatePluginRequest
{
    public WuLicenseRequest? License { get; set; }
}

internal sealed class WuLicenseKeyRequest
{
    public string? Key { get; set; }

    public string? Expires { get; set; }
}

internal sealed class WuReplaceKeysRequest
{
    public List<WuLicenseKeyRequest>? Keys { get; set; }
}

internal sealed class WuAccountLicenseRequest
{
    public string? License { get; set; }
}

internal sealed class WuTokenRequest
{
    public string? Name { get; set; }

    public int? Expires { get; set; }
}
