namespace PluginApis.Emulator.State;

internal sealed class PtUser
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Email { get; init; }

    public required string Directory { get; init; }

    public required string ApiKey { get; init; }

    public required IReadOnlyList<string> Permissions { get; init; }

    public bool Can(string permission) => Permissions.Contains(permission, StringComparer.Ordinal);
}

internal sealed class PtPlugin
{
    public required string Directory { get; init; }

    public required string Slug { get; init; }

    public required string Name { get; set; }

    public required string Version { get; set; }

    public long ActiveInstalls { get; set; }

    /// <summary>Owner's user id; null for WordPress.org plugins.</summary>
    public string? OwnerId { get; init; }

    /// <summary>In the order the tests were made (oldest first), whatever the clock said: the last one is the latest.</summary>
    public List<PtReport> Reports { get; } = [];

    public List<PtTable> Tables { get; } = [];

    public List<PtOption> Options { get; } = [];
}

/// <summary>A finished test. <see cref="PluginVersion"/> is null when the package could not be read.</summary>
internal sealed record PtReport(
    string Slug, string? PluginVersion, string Status, DateTimeOffset TestedAt, string WordpressVersion, string PhpVersion,
    IReadOnlyList<PtReportError> Errors);

internal sealed record PtReportError(string Type, string Message, string? File, int? Line);

internal sealed record PtTable(string Name, IReadOnlyList<string> Columns);

internal sealed record PtOption(string Name, bool Autoload);

/// <summary>A webhook; <see cref="Seeded"/> ones are listing examples and receive no deliveries.</summary>
internal sealed record PtWebhook(string Id, string OwnerId, string Url, string? EventType, DateTimeOffset CreatedAt, bool Seeded = false);

/// <summary>A test-queue job; <see cref="Status"/> moves queued → running → finished (<see cref="JobStatus"/>).</summary>
internal sealed class PtJob
{
    public required string Id { get; init; }

    public required string OwnerId { get; init; }

    public required string Directory { get; init; }

    public required string Slug { get; init; }

    public required int Priority { get; init; }

    public required string PackageSource { get; init; }

    public string? DownloadUrl { get; init; }

    public required DateTimeOffset QueuedAt { get; init; }

    public string Status { get; set; } = JobStatus.Queued;
}

internal static class JobStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Finished = "finished";
}

/// <summary>PluginTests data. Guarded by <see cref="EmulatorState.Gate"/>.</summary>
internal sealed class PluginTestsState
{
    public const string WordPressOrg = "wporg";

    /// <summary>The public site the (guessed) <c>url</c> fields point at.</summary>
    public const string Site = "https://plugintests.com";

    public static readonly IReadOnlyList<string> AllPermissions =
        ["plugins:read", "plugins:delete", "webhooks:write", "queue:read", "queue:write"];

    public Dictionary<string, PtUser> UsersByKey { get; } = new(StringComparer.Ordinal);

    /// <summary>Key: "directory/slug".</summary>
    public Dictionary<string, PtPlugin> Plugins { get; } = new(StringComparer.Ordinal);

    public List<PtWebhook> Webhooks { get; } = [];

    public List<PtJob> Jobs { get; } = [];

    public static string Key(string directory, string slug) => directory + "/" + slug;

    /// <summary>The plugin if <paramref name="user"/> may see it (WordPress.org or the user's own directory).</summary>
    public PtPlugin? Visible(PtUser user, string directory, string slug)
    {
        if (!Plugins.TryGetValue(Key(directory, slug), out var plugin))
        {
            return null;
        }

        return plugin.OwnerId is null || plugin.OwnerId == user.Id ? plugin : null;
    }

    public static string PluginUrl(PtPlugin plugin) => $"{Site}/plugins/{plugin.Directory}/{plugin.Slug}/latest";

    public static string ReportUrl(PtPlugin plugin, PtReport report) => $"{Site}/plugins/{plugin.Directory}/{plugin.Slug}/reports/{report.Slug}";

    public void Add(PtPlugin plugin) => Plugins[Key(plugin.Directory, plugin.Slug)] = plugin;
}
