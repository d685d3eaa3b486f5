using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginTests.Client;

/// <summary>The API root: a partial list of the resources the key can reach and the permissions it has. The shape is the project's guess.</summary>
public sealed class ServiceRoot
{
    /// <summary>Resource paths the key can reach, e.g. <c>/plugins/{directory}/{slug}</c> (a partial list).</summary>
    public IReadOnlyList<string> Resources
    {
        get;
        init => field = value ?? [];
    } = [];

    /// <summary>The key's enabled permissions, e.g. <c>plugins:read</c>.</summary>
    public IReadOnlyList<string> Permissions
    {
        get;
        init => field = value ?? [];
    } = [];

    /// <summary>Fields the service sent that this model does not know; nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
