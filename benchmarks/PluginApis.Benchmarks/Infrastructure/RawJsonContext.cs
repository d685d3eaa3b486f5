using System.Text.Json.Serialization;
using PluginTests.Client;

namespace PluginApis.Benchmarks.Infrastructure;

/// <summary>The JSON body a hand-written client would post to <c>/test-queue</c>.</summary>
public sealed record RawEnqueueBody(string Directory, string Slug, int Priority, string PackageSource, string? DownloadUrl);

/// <summary>
/// What a hand-written client would write: a source-generated context over the same public models, with the same
/// options as the SDK's own context so that both sides do the same JSON work.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(Plugin))]
[JsonSerializable(typeof(QueueJob))]
[JsonSerializable(typeof(PluginTable))]
[JsonSerializable(typeof(List<PluginTable>))]
[JsonSerializable(typeof(RawEnqueueBody))]
public sealed partial class RawJsonContext : JsonSerializerContext;
