using System.Text.Json;
using System.Text.Json.Serialization;
using PluginTests.Client;
using WunderUpdates.Client;

namespace PluginApis.Conventions.Tests;

/// <summary>
/// A user's own source-generated context over the SDK's public models (to cache them, or to return them from an AOT web
/// app). It compiles warning-free only while no model names a converter or constructor the user's assembly cannot reach.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ServiceRoot))]
[JsonSerializable(typeof(Plugin))]
[JsonSerializable(typeof(PluginReport))]
[JsonSerializable(typeof(PluginEntity))]
[JsonSerializable(typeof(PluginTable))]
[JsonSerializable(typeof(PluginTestsUser))]
[JsonSerializable(typeof(Webhook))]
[JsonSerializable(typeof(QueueJob))]
[JsonSerializable(typeof(ApiToken))]
internal sealed partial class UserJsonContext : JsonSerializerContext;
