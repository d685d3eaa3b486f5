using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using PluginApis.Benchmarks.Infrastructure;
using PluginTests.Client;

namespace PluginApis.Benchmarks;

/// <summary>
/// Per-call cost of the SDK (argument checks, URI building with the API key, the resilience handler, rate-limit parsing,
/// telemetry hooks, source-generated JSON) against the hand-written HttpClient code for the same request, over the
/// same in-memory transport: the in-memory transport, the raw HttpClient and the SDK client both benchmarks of a pair share.
/// More warm-up and measured iterations than the other suites: a call takes 2–3 µs, and on a shared machine the first
/// second of a benchmark is still tiering up (raw runs first, so it would otherwise be measured colder than the SDK).
/// </summary>
[WarmupCount(10)]
[IterationCount(20)]
public abstract class OverheadBenchmarkBase
{
    private readonly HttpStatusCode _status;
    private readonly byte[] _body;
    private CannedHandler _handler = null!;

    /// <summary>Sets the canned answer of the transport.</summary>
    protected OverheadBenchmarkBase(HttpStatusCode status, byte[] body)
    {
        _status = status;
        _body = body;
    }

    /// <summary>Hand-written HttpClient over the transport.</summary>
    protected HttpClient RawClient { get; private set; } = null!;

    /// <summary>The SDK client over the same transport.</summary>
    protected PluginTestsClient SdkClient { get; private set; } = null!;

    /// <summary>A bare Refit generated client over the same transport (what a developer would write instead of the SDK).</summary>
    protected IBareRefitPluginTests RefitClient { get; private set; } = null!;

    private HttpClient _refitHttp = null!;

    [GlobalSetup]
    public void Setup()
    {
        _handler = new CannedHandler(_status, _body);
        RawClient = new HttpClient(_handler, disposeHandler: false);
        SdkClient = new PluginTestsClient(new PluginTestsClientOptions { ApiKey = Samples.ApiKey, BaseAddress = new Uri(Samples.PluginTestsBase) }, _handler);
        _refitHttp = new HttpClient(_handler, disposeHandler: false) { BaseAddress = new Uri(Samples.PluginTestsBase) };
        RefitClient = Refit.RestService.ForGenerated<IBareRefitPluginTests>(_refitHttp, Refit.RefitSettings.ForJsonContext(RawJsonContext.Default));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SdkClient.Dispose();
        RawClient.Dispose();
        _refitHttp.Dispose();
        _handler.Dispose();
    }
}

[MemoryDiagnoser]
public class GetPluginBenchmarks() : OverheadBenchmarkBase(HttpStatusCode.OK, Samples.Plugin)
{
    [Benchmark(Baseline = true, Description = "raw HttpClient + STJ")]
    public async Task<Plugin> Raw()
    {
        var uri = Samples.PluginTestsBase + "plugins/" + Uri.EscapeDataString("wporg") + "/" + Uri.EscapeDataString("akismet")
            + "?apiKey=" + Uri.EscapeDataString(Samples.ApiKey);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        using var response = await RawClient.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync();
        await using (stream)
        {
            return await JsonSerializer.DeserializeAsync(stream, RawJsonContext.Default.Plugin) ?? throw new JsonException("null");
        }
    }

    [Benchmark(Description = "SDK GetPluginAsync")]
    public Task<Plugin> Sdk() => SdkClient.GetPluginAsync("wporg", "akismet");

    [Benchmark(Description = "bare Refit client")]
    public Task<Plugin> Refit() => RefitClient.GetPlugin("wporg", "akismet", Samples.ApiKey);
}

/// <summary>The same comparison for a POST with a JSON body (<c>EnqueueTestAsync</c>).</summary>
[MemoryDiagnoser]
public class EnqueueTestBenchmarks() : OverheadBenchmarkBase(HttpStatusCode.Created, Samples.Job)
{
    [Benchmark(Baseline = true, Description = "raw HttpClient + STJ")]
    public async Task<QueueJob> Raw()
    {
        var body = new RawEnqueueBody("wporg", "akismet", 100, "stable", null);
        using var request = new HttpRequestMessage(HttpMethod.Post, Samples.PluginTestsBase + "test-queue?apiKey=" + Uri.EscapeDataString(Samples.ApiKey))
        {
            Content = JsonContent.Create(body, RawJsonContext.Default.RawEnqueueBody),
        };
        using var response = await RawClient.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync();
        await using (stream)
        {
            return await JsonSerializer.DeserializeAsync(stream, RawJsonContext.Default.QueueJob) ?? throw new JsonException("null");
        }
    }

    [Benchmark(Description = "SDK EnqueueTestAsync")]
    public Task<QueueJob> Sdk() => SdkClient.EnqueueTestAsync(new EnqueueTestRequest("wporg", "akismet"));

    [Benchmark(Description = "bare Refit client")]
    public Task<QueueJob> Refit() => RefitClient.EnqueueTest(new RawEnqueueBody("wporg", "akismet", 100, "stable", null), Samples.ApiKey);
}
