using System.Text.Json.Serialization;

namespace PluginApis.Cli;

/// <summary>Source-generated (trim- and AOT-safe) writers of the <c>--json</c> documents.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(InspectOutput))]
[JsonSerializable(typeof(ReleaseOutput))]
[JsonSerializable(typeof(TestOutput))]
[JsonSerializable(typeof(ReportOutput))]
[JsonSerializable(typeof(ReportsOutput))]
[JsonSerializable(typeof(PluginOutput))]
[JsonSerializable(typeof(PluginsOutput))]
[JsonSerializable(typeof(VersionOutput))]
[JsonSerializable(typeof(VersionsOutput))]
[JsonSerializable(typeof(KeyOutput))]
[JsonSerializable(typeof(KeysOutput))]
[JsonSerializable(typeof(WebhookOutput))]
[JsonSerializable(typeof(WebhooksOutput))]
[JsonSerializable(typeof(ActionOutput))]
[JsonSerializable(typeof(ErrorOutput))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
