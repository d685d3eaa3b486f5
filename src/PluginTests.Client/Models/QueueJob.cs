using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginTests.Client;

/// <summary>A test waiting in (or taken from) the test queue.</summary>
public sealed class QueueJob
{
    /// <summary>The job id.</summary>
    public string? Id { get; init; }

    /// <summary>The plugin's directory.</summary>
    public string? Directory { get; init; }

    /// <summary>The plugin slug.</summary>
    public string? Slug { get; init; }

    /// <summary>1..500, larger runs sooner.</summary>
    public int? Priority { get; init; }

    /// <summary>Where the package comes from as the service sends it: <c>stable</c>, <c>direct</c> or a value this SDK does not know yet.</summary>
    public string? PackageSource { get; init; }

    /// <summary>The ZIP tested with <c>direct</c>; null otherwise.</summary>
    public Uri? DownloadUrl { get; init; }

    /// <summary>The job state as the service sends it, e.g. <c>queued</c>.</summary>
    public string? Status { get; init; }

    /// <summary>When the job was queued.</summary>
    public DateTimeOffset? QueuedAt { get; init; }

    /// <summary>Fields the service sent that this model does not know; nothing is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}
