using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginTests.Client;

/// <summary>A test waiting in (or taken from) the test queue. The shape is the project's guess, read tolerantly.</summary>
public sealed class QueueJob
{
    /// <summary>The job id (a numeric id such as <c>42</c> is kept as its text, <c>"42"</c>).</summary>
    public string? Id { get; init; }

    /// <summary>The plugin's directory.</summary>
    public string? Directory { get; init; }

    /// <summary>The plugin slug.</summary>
    public string? Slug { get; init; }

    /// <summary>1..500, larger runs sooner.</summary>
    public int? Priority { get; init; }

    /// <summary>Where the package comes from: <see cref="Client.PackageSource.Stable"/>, <see cref="Client.PackageSource.Direct"/> or a value this SDK does not know yet.</summary>
    public PackageSource? PackageSource { get; init; }

    /// <summary>The ZIP tested with <c>direct</c>; null otherwise.</summary>
    public Uri? DownloadUrl { get; init; }

    /// <summary>The job state: <see cref="QueueJobStatus.Queued"/>, <see cref="QueueJobStatus.Running"/>, <see cref="QueueJobStatus.Finished"/> or a value this SDK does not know yet.</summary>
    public QueueJobStatus? Status { get; init; }

    /// <summary>When the job was queued.</summary>
    public DateTimeOffset? QueuedAt { get; init; }

    /// <summary>Fields the service sent that this model does not know; nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
