using PluginApis.Http;

namespace PluginTests.Client;

/// <summary>
/// Settings of a <see cref="PluginTestsClient"/>: the API key (sent as the <c>apiKey</c> query parameter, never shown),
/// the base address and the retry/rate-limit settings in <see cref="ApiClientOptions.Resilience"/>.
/// </summary>
public sealed class PluginTestsClientOptions : ApiClientOptions
{
    /// <summary>The PluginTests API base address: <c>https://plugintests.com/api/v1/</c>.</summary>
    public static Uri DefaultBaseAddress { get; } = new("https://plugintests.com/api/v1/");

    /// <summary>The service's base address. Default <c>https://plugintests.com/api/v1/</c>; point it at the emulator in tests.</summary>
    public override Uri BaseAddress { get; set; } = DefaultBaseAddress;
}
