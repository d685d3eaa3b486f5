namespace PluginApis.Cli;

/// <summary>The documented exit codes of <c>pluginapis</c> (docs/cli.md). A pipeline may branch on them.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked; for <c>test --wait</c>: the report has no errors.</summary>
    public const int Success = 0;

    /// <summary>Anything not listed below: the service failed (5xx), the network, an unexpected response.</summary>
    public const int Other = 1;

    /// <summary>The command line is wrong: unknown command or option, a bad value, a missing file.</summary>
    public const int Usage = 2;

    /// <summary>No API key, or the service refused it (401/403).</summary>
    public const int Auth = 3;

    /// <summary>The plugin, version, key, webhook or report does not exist (404).</summary>
    public const int NotFound = 4;

    /// <summary>The rate limit was hit and the wait it asked for was too long (429).</summary>
    public const int RateLimited = 5;

    /// <summary><c>test --wait</c>: the report lists errors (or says <c>failed</c>).</summary>
    public const int TestFailed = 6;

    /// <summary>The ZIP is not a plugin the service would accept (checked locally before any upload).</summary>
    public const int InvalidArchive = 7;

    /// <summary><c>test --wait</c>: no report appeared within <c>--timeout</c>.</summary>
    public const int Timeout = 8;

    /// <summary>Cancelled (Ctrl+C / SIGTERM).</summary>
    public const int Cancelled = 130;
}
