using System.Text.Json;
using System.Text.Json.Serialization;
using PluginApis.Http.Json;

namespace PluginTests.Client;

/// <summary>
/// Source-generated JSON metadata for every PluginTests model and request body (trim- and AOT-safe). Every success shape is a
/// guess, so the tolerant converters are registered here, for the SDK's own reading, rather than on the public models: a
/// user's own source-generated context over the models needs no access to them. <see cref="ReportError"/> and
/// <see cref="TableColumn"/> are listed because their list converters read them through this context.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [
        // Every scalar and list of a success shape is a guess: read tolerantly (rules in docs/plugintests.md).
        typeof(TolerantTextConverter),
        typeof(TolerantInt32Converter),
        typeof(TolerantInt64Converter),
        typeof(TolerantDateTimeConverter),
        typeof(TolerantUriConverter),
        typeof(TolerantBooleanConverter),
        typeof(TextListConverter),
        typeof(ReportErrorListConverter),
        typeof(TableColumnListConverter),
        typeof(OptionalQueueJobStatusConverter),
        typeof(OptionalPackageSourceConverter),
        typeof(OptionalWebhookEventTypeConverter),
        typeof(ReportListConverter),
        typeof(EntityListConverter),
        typeof(PluginListConverter),
        typeof(WebhookListConverter),
        typeof(QueueJobListConverter),
    ])]
[JsonSerializable(typeof(ServiceRoot))]
[JsonSerializable(typeof(Plugin))]
[JsonSerializable(typeof(PluginReport))]
[JsonSerializable(typeof(PluginEntity))]
[JsonSerializable(typeof(PluginTestsUser))]
[JsonSerializable(typeof(Webhook))]
[JsonSerializable(typeof(QueueJob))]
[JsonSerializable(typeof(PluginTable))]
[JsonSerializable(typeof(ReportError))]
[JsonSerializable(typeof(TableColumn))]
[JsonSerializable(typeof(ListEnvelope<PluginReport>))]
[JsonSerializable(typeof(ListEnvelope<PluginEntity>))]
[JsonSerializable(typeof(ListEnvelope<Plugin>))]
[JsonSerializable(typeof(ListEnvelope<Webhook>))]
[JsonSerializable(typeof(ListEnvelope<QueueJob>))]
[JsonSerializable(typeof(CreateWebhookBody))]
[JsonSerializable(typeof(EnqueueTestBody))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class PluginTestsJsonContext : JsonSerializerContext;

/// <summary>
/// Request bodies: the same options without the list converters (only reading needs them). A context without custom
/// converters keeps System.Text.Json's source-generated fast path for writing, which spares each request a new
/// <see cref="Utf8JsonWriter"/>. The JSON written is the same.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(CreateWebhookBody))]
[JsonSerializable(typeof(EnqueueTestBody))]
internal sealed partial class PluginTestsRequestJsonContext : JsonSerializerContext;
