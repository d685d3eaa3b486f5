using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using PluginApis.Benchmarks.Infrastructure;
using PluginTests.Client;

namespace PluginApis.Benchmarks;

/// <summary>
/// Per-call cost of the SDK (argument checks, URI building, auth handler, Polly pipeline, rate-limit parsing,
/// telemetry hooks, source-generated JSON) against the hand-written HttpClient code for the same request, over the
/// same in-memory transport.
/// </summary>
[MemoryDiagnoser]
public class GetPluginBenchmarks
{
    private CannedHandler _handler = null!;
    private HttpClient _raw = null!;
    private PluginTestsClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _handler = new CannedHandler(HttpStatusCode.OK, Samples.Plugin);
        _raw = new HttpClient(_handler, disposeHandler: false);
        _client = new PluginTestsClient(new PluginTestsClientOptions { ApiKey = Samples.ApiKey, BaseAddress = new Uri(Samples.PluginTestsBase) }, _handler);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _raw.Dispose();
        _handler.Dispose();
    }

    [Benchmark(Baseline = true, Description = "raw HttpClient + STJ")]
    public async Task<Plugin> Raw()
    {
        var uri = Samples.PluginTestsBase + "plugins/" + Uri.EscapeDataString("wporg") + "/" + Uri.EscapeDataString("akismet")
            + "?apiKey=" + Uri.EscapeDataString(Samples.ApiKey);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        using var response = await _raw.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync();
        await using (stream)
        {
            return await JsonSerializer.DeserializeAsync(stream, RawJsonContext.Default.Plugin) ?? throw new JsonException("null");
        }
    }

    [Benchmark(Description = "SDK GetPluginAsync")]
    public Task<Plugin> Sdk() => _client.GetPluginAsync("wporg", "akismet");
}

/// <summary>The same comparison for a POST with a JSON body (<c>EnqueueTestAsync</c>).</summary>
[MemoryDiagnoser]
public class EnqueueTestBenchmarks
{
    private CannedHandler _handler = null!;
    private HttpClient _raw = null!;
    private PluginTestsClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _handler = new CannedHandler(HttpStatusCode.Created, Samples.Job);
        _raw = new HttpClient(_handler, disposeHandler: false);
        _client = new PluginTestsClient(new PluginTestsClientOptions { ApiKey = Samples.ApiKey, BaseAddress = new Uri(Samples.PluginTestsBase) }, _handler);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _raw.Dispose();
        _handler.Dispose();
    }

    [Benchmark(Baseline = true, Description = "raw HttpClient + STJ")]
    public async Task<QueueJob> Raw()
    {
        var body = new RawEnqueueBody("wporg", "akismet", 100, "stable", null);
        using var request = new HttpRequestMessage(HttpMethod.Post, Samples.PluginTestsBase + "test-queue?apiKey=" + Uri.EscapeDataString(Samples.ApiKey))
        {
            Content = JsonContent.Create(body, RawJsonContext.Default.RawEnqueueBody),
        };
        using var response = await _raw.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync();
        await using (stream)
        {
            return await JsonSerializer.DeserializeAsync(stream, RawJsonContext.Default.QueueJob) ?? throw new JsonException("null");
        }
    }

    [Benchmark(Description = "SDK EnqueueTestAsync")]
    public Task<QueueJob> Sdk() => _client.EnqueueTestAsync(new EnqueueTestRequest("wporg", "akismet"));
}
