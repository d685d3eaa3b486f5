using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginApis.Emulator.Json;

/// <summary>
/// Source-generated metadata for every body the emulator reads or writes (trim/AOT safe). Use <see cref="EmulatorJson.Context"/>,
/// not <c>Default</c>: only that instance writes <c>'</c>, <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> unescaped.
/// </summary>
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
[JsonSerializable(typeof(PtWebhookEventDto))]
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
