namespace PluginTests.Client;

/// <summary>Where the test queue gets the plugin package from.</summary>
public enum PackageSource
{
    /// <summary>The latest stable release from WordPress.org (<c>stable</c>). The default.</summary>
    Stable = 0,

    /// <summary>The ZIP at <see cref="EnqueueTestRequest.DownloadUrl"/> (<c>direct</c>), laid out like a WordPress.org download.</summary>
    Direct = 1,
}
