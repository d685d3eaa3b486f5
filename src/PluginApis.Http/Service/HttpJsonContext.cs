using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginApis.Http;

/// <summary>Source-generated JSON metadata for the few types the shared plumbing serialises itself.</summary>
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class HttpJsonContext : JsonSerializerContext;
