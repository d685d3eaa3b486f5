using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginApis.Emulator.Json;

// ---- PluginTests (camelCase; success shapes are the project's guess, the error body is documented) ----

internal sealed record PtErrorBody(PtError Error);

internal sealed record PtError(string Message, string Code);

internal sealed record PtRootDto(IReadOnlyList<string> Resources, IReadOnlyList<string> Permissions);

internal sealed record PtPluginDto(
    string Directory, string Slug, string Name, string Version, long ActiveInstalls, string Url, string? LatestReport, string? TestedAt);

internal sealed record PtReportErrorDto(string Type, string Message, string? File, int? Line);

internal sealed record PtReportDto(
    string Slug, string PluginVersion, string Status, string TestedAt, string WordpressVersion, string PhpVersion,
    IReadOnlyList<PtReportErrorDto> Errors, string Url);

internal sealed record PtReportsEnvelope(IReadOnlyList<PtReportDto> Reports);

internal sealed record PtTableDto(string Name, IReadOnlyList<string> Columns);

internal sealed record PtTablesEnvelope(IReadOnlyList<PtTableDto> Tables);

internal sealed record PtOptionDto(string Name, bool Autoload);

internal sealed record PtOptionsEnvelope(IReadOnlyList<PtOptionDto> Options);

internal sealed record PtUserDto(string Id, string Name, string Email, string Directory);

internal sealed record PtPluginsEnvelope(IReadOnlyList<PtPluginDto> Plugins);

internal sealed record PtWebhookDto(string Id, string Url, string? EventType, string CreatedAt);

internal sealed record PtWebhooksEnvelope(IReadOnlyList<PtWebhookDto> Webhooks);

internal sealed record PtJobDto(
    string Id, string Directory, string Slug, int Priority, string PackageSource, string? DownloadUrl, string Status, string QueuedAt);

internal sealed record PtJobsEnvelope(IReadOnlyList<PtJobDto> Jobs);

internal sealed class PtWebhookRequest
{
    public string? Url { get; set; }

    public string? EventType { get; set; }
}

internal sealed class PtEnqueueRequest
{
    public string? Directory { get; set; }

    public string? Slug { get; set; }

    public int? Priority { get; set; }

    public string? PackageSource { get; set; }

    public string? DownloadUrl { get; set; }
}

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

/// <summary>Source-generated metadata for every body the emulator reads or writes (trim/AOT safe).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(PtErrorBody))]
[JsonSerializable(typeof(PtRootDto))]
[JsonSerializable(typeof(PtPluginDto))]
[JsonSerializable(typeof(PtReportDto))]
[JsonSerializable(typeof(PtReportsEnvelope))]
[JsonSerializable(typeof(PtTablesEnvelope))]
[JsonSerializable(typeof(PtOptionsEnvelope))]
[JsonSerializable(typeof(PtUserDto))]
[JsonSerializable(typeof(PtPluginsEnvelope))]
[JsonSerializable(typeof(PtWebhookDto))]
[JsonSerializable(typeof(PtWebhooksEnvelope))]
[JsonSerializable(typeof(PtJobDto))]
[JsonSerializable(typeof(PtJobsEnvelope))]
[JsonSerializable(typeof(PtWebhookRequest))]
[JsonSerializable(typeof(PtEnqueueRequest))]
[JsonSerializable(typeof(WuStatusMessage))]
[JsonSerializable(typeof(WuPluginsEnvelope))]
[JsonSerializable(typeof(WuDataEnvelope))]
[JsonSerializable(typeof(WuPluginEnvelope))]
[JsonSerializable(typeof(WuVersionsEnvelope))]
[JsonSerializable(typeof(WuVersionEnvelope))]
[JsonSerializable(typeof(WuKeysEnvelope))]
[JsonSerializable(typeof(WuLicenseKeyEnvelope))]
[JsonSerializable(typeof(WuAccountEnvelope))]
[JsonSerializable(typeof(WuAccountLicenseEnvelope))]
[JsonSerializable(typeof(WuTokensEnvelope))]
[JsonSerializable(typeof(WuTokenCreatedEnvelope))]
[JsonSerializable(typeof(WuPublicPluginDto))]
[JsonSerializable(typeof(WuCreatePluginRequest))]
[JsonSerializable(typeof(WuUpdatePluginRequest))]
[JsonSerializable(typeof(WuLicenseKeyRequest))]
[JsonSerializable(typeof(List<WuLicenseKeyRequest>))]
[JsonSerializable(typeof(WuReplaceKeysRequest))]
[JsonSerializable(typeof(WuAccountLicenseRequest))]
[JsonSerializable(typeof(WuTokenRequest))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;
