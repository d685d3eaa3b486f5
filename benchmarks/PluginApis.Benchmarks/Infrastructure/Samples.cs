using System.Text;

namespace PluginApis.Benchmarks.Infrastructure;

/// <summary>Canned bodies, shaped like the emulator's answers.</summary>
internal static class Samples
{
    public const string ApiKey = "pt-bench-0000000000000000000000000001";
    public const string PluginTestsBase = "https://plugintests.example/api/v1/";

    public static readonly byte[] Plugin = Encoding.UTF8.GetBytes(
        """{"directory":"wporg","slug":"akismet","name":"Akismet Anti-spam","version":"5.3.1","activeInstalls":6000000,"url":"https://plugintests.com/plugins/wporg/akismet/latest","latestReport":"5-3-1-2026-11-01","testedAt":"2026-11-01T10:00:00Z"}""");

    public static readonly byte[] Job = Encoding.UTF8.GetBytes(
        """{"id":"job_0123456789abcdef","directory":"wporg","slug":"akismet","priority":100,"packageSource":"stable","downloadUrl":null,"status":"queued","queuedAt":"2026-11-01T10:00:00Z"}""");
}
