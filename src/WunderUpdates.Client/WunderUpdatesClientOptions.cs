using PluginApis.Http;

namespace WunderUpdates.Client;

/// <summary>
/// Settings of a <see cref="WunderUpdatesClient"/>: the API key (sent as the <c>x-api-key</c> header), the base address,
/// retries and timeouts (<see cref="ApiClientOptions.Resilience"/>) and whether release ZIPs are checked before upload.
/// Bindable from configuration: <c>ApiKey</c>, <c>BaseAddress</c>, <c>InspectArchivesBeforeUpload</c>, <c>Resilience:MaxRetryAttempts</c>, ...
/// </summary>
public sealed class WunderUpdatesClientOptions : ApiClientOptions
{
    /// <summary>The service's address, <c>https://api.wunderupdates.com/v1/</c>.</summary>
    public static Uri DefaultBaseAddress { get; } = new("https://api.wunderupdates.com/v1/");

    /// <summary>The base address of the API. Default <see cref="DefaultBaseAddress"/>; point it at the emulator in tests.</summary>
    public override Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>
    /// When true (default), <c>UploadVersionAsync</c> inspects the ZIP locally with <see cref="PluginArchive"/> before sending
    /// it, so a ZIP the service would refuse (no plugin folder, folder not named after the slug, no version, ...) fails
    /// fast with <see cref="InvalidPluginArchiveException"/> and nothing is uploaded.
    /// </summary>
    public bool InspectArchivesBeforeUpload { get; set; } = true;
}
