namespace WunderUpdates.Client;

/// <summary>What an upload sent and what the service said about it.</summary>
public sealed class VersionUploadResult
{
    /// <summary>The service's message, e.g. <c>Zip archive uploaded successfully.</c></summary>
    public string? Message { get; init; }

    /// <summary>
    /// What the local inspection read from the ZIP (slug, version the service will store it under, headers); null when
    /// <see cref="WunderUpdatesClientOptions.InspectArchivesBeforeUpload"/> is off or the stream was not seekable.
    /// </summary>
    public PluginArchiveInfo? Archive { get; init; }

    /// <summary>The size of the ZIP sent, in bytes; null for a non-seekable stream, whose length is not known in advance.</summary>
    public long? Size { get; init; }
}
