using Refit;
using PluginTests.Client;

namespace PluginApis.Benchmarks.Infrastructure;

/// <summary>
/// What a .NET developer would write instead of the SDK: a bare Refit interface, generated at build time, returning the
/// model, with the key as a query parameter. No retries, no throttling, no typed errors, no redaction.
/// </summary>
public interface IBareRefitPluginTests
{
    /// <summary>GET one plugin.</summary>
    [Get("/plugins/{directory}/{slug}")]
    Task<Plugin> GetPlugin(string directory, string slug, [Query] string apiKey);

    /// <summary>POST a test.</summary>
    [Post("/test-queue")]
    Task<QueueJob> EnqueueTest([Body] RawEnqueueBody body, [Query] string apiKey);
}
