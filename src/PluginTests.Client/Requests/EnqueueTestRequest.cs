namespace PluginTests.Client;

/// <summary>
/// Asks PluginTests to test a plugin (<see cref="IPluginTestsClient.EnqueueTestAsync"/>).
/// Checked before sending: <see cref="Directory"/> and <see cref="Slug"/> not blank, <see cref="Priority"/> within
/// <see cref="MinPriority"/>..<see cref="MaxPriority"/>, and <see cref="DownloadUrl"/> an absolute http(s) URL that is
/// set exactly when <see cref="PackageSource"/> is <see cref="Client.PackageSource.Direct"/> (a URL with
/// <see cref="Client.PackageSource.Stable"/> would be ignored or refused by the service, so the client refuses it).
/// </summary>
public sealed class EnqueueTestRequest
{
    /// <summary>The lowest priority the service accepts.</summary>
    public const int MinPriority = 1;

    /// <summary>The highest priority the service accepts.</summary>
    public const int MaxPriority = 500;

    /// <summary>The service's default priority.</summary>
    public const int DefaultPriority = 100;

    /// <summary>Creates an empty request; set <see cref="Directory"/> and <see cref="Slug"/>.</summary>
    /// <remarks>Never throws: the values are checked when the request is sent.</remarks>
    public EnqueueTestRequest()
    {
    }

    /// <summary>Creates a request for the latest stable release of a plugin.</summary>
    /// <param name="directory">The directory, <c>wporg</c> for WordPress.org.</param>
    /// <param name="slug">The plugin slug.</param>
    /// <remarks>Never throws: the values are checked when the request is sent.</remarks>
    public EnqueueTestRequest(string directory, string slug)
    {
        Directory = directory;
        Slug = slug;
    }

    /// <summary>The owner or directory slug; <c>wporg</c> for the WordPress.org directory.</summary>
    public string Directory { get; set; } = string.Empty;

    /// <summary>The plugin slug.</summary>
    public string Slug { get; set; } = string.Empty;

    /// <summary>1..500, larger runs sooner. Default 100.</summary>
    public int Priority { get; set; } = DefaultPriority;

    /// <summary>Where the package comes from. Default <see cref="Client.PackageSource.Stable"/>.</summary>
    public PackageSource PackageSource { get; set; } = PackageSource.Stable;

    /// <summary>The ZIP to test; required with <see cref="Client.PackageSource.Direct"/>, not allowed otherwise.</summary>
    public Uri? DownloadUrl { get; set; }
}
