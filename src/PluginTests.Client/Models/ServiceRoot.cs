using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginTests.Client;

/// <summary>The API root: a partial list of the resources the key can reach and the permissions it has.</summary>
public sealed class ServiceRoot
{
    private readonly IReadOnlyList<string> _permissions = [];

    private readonly IReadOnlyList<string> _resources = [];

    /// <summary>Resource paths the key can reach, e.g. <c>/plugins/{directory}/{slug}</c> (a partial list).</summary>
    public IReadOnlyList<string> Resources
    {
        get => _resources;
        init => _resources = value ?? [];
    }

    /// <summary>The key's enabled permissions, e.g. <c>plugins:read</c>.</summary>
    public IReadOnlyList<string> Permissions
    {
        get => _permissions;
        init => _permissions = value ?? [];
    }

    /// <summary>Fields the service sent that this model does not know; nothing is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}
