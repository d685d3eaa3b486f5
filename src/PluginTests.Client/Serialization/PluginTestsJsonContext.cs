using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginTests.Client;

/// <summary>Source-generated JSON metadata for every PluginTests model and request body (trim- and AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [
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
