namespace PluginApis.Cli;

/// <summary>The <c>error.kind</c> values of the <c>--json</c> error document, one per exit code.</summary>
internal static class ErrorKinds
{
    public const string Other = "error";
    public const string Usage = "usage";
    public const string Auth = "auth";
    public const string NotFound = "not_found";
    public const string RateLimited = "rate_limited";
    public const string TestFailed = "test_failed";
    public const string InvalidArchive = "invalid_archive";
    public const string Timeout = "timeout";
    public const string Cancelled = "cancelled";
}
