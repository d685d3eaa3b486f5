using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginTests.Client;

/// <summary>One problem recorded during a test, e.g. a PHP warning. The shape is the project's guess, read tolerantly.</summary>
public sealed class ReportError
{
    /// <summary>The kind as the service sends it, e.g. <c>php_warning</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The message.</summary>
    public string? Message { get; init; }

    /// <summary>The file it occurred in, if known.</summary>
    public string? File { get; init; }

    /// <summary>The line it occurred on, if known.</summary>
    public int? Line { get; init; }

    /// <summary>Fields the service sent that this model does not know; nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
