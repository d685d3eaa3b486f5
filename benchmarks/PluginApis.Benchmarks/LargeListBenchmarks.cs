using System.Text.Json;
using BenchmarkDotNet.Attributes;
using PluginApis.Benchmarks.Infrastructure;
using PluginTests.Client;

namespace PluginApis.Benchmarks;

/// <summary>
/// <c>ListPluginTablesAsync</c> over a synthetic body of N entries (produced as a stream) against
/// <see cref="JsonSerializer.DeserializeAsyncEnumerable{TValue}(Stream, System.Text.Json.Serialization.Metadata.JsonTypeInfo{TValue}, CancellationToken)"/>
/// on the same stream, and a buffered <see cref="List{T}"/> read for contrast.
/// </summary>
[MemoryDiagnoser]
public class LargeListBenchmarks
{
    private PluginTestsClient _client = null!;
    private CannedHandler _handler = null!;

    public static IEnumerable<int> Sizes => Program.Dry ? [1_000] : [10_000, 100_000, 1_000_000];

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _handler = new CannedHandler(() => new SyntheticTablesStream(N));
        _client = new PluginTestsClient(new PluginTestsClientOptions { ApiKey = Samples.ApiKey, BaseAddress = new Uri(Samples.PluginTestsBase) }, _handler);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _handler.Dispose();
    }

    [Benchmark(Baseline = true, Description = "raw DeserializeAsyncEnumerable")]
    public Task<long> Raw() => Lists.RawAsync(N);

    [Benchmark(Description = "SDK ListPluginTablesAsync")]
    public Task<long> Sdk() => Lists.SdkAsync(_client);

    [Benchmark(Description = "buffered List<T>")]
    public Task<long> Buffered() => Lists.BufferedAsync(N);
}

/// <summary>The three ways of reading the list, shared by the BenchmarkDotNet suite and the peak-memory children.</summary>
internal static class Lists
{
    public static async Task<long> RawAsync(int n)
    {
        long sum = 0;
        await using var stream = new SyntheticTablesStream(n);
        await foreach (var table in JsonSerializer.DeserializeAsyncEnumerable(stream, RawJsonContext.Default.PluginTable))
        {
            sum += table!.ActiveInstalls ?? 0;
        }

        return sum;
    }

    public static async Task<long> SdkAsync(PluginTestsClient client)
    {
        long sum = 0;
        await foreach (var table in client.ListPluginTablesAsync(ActiveInstalls.AtLeast10))
        {
            sum += table.ActiveInstalls ?? 0;
        }

        return sum;
    }

    public static async Task<long> BufferedAsync(int n)
    {
        await using var stream = new SyntheticTablesStream(n);
        var list = await JsonSerializer.DeserializeAsync(stream, RawJsonContext.Default.ListPluginTable) ?? [];
        long sum = 0;
        foreach (var table in list)
        {
            sum += table.ActiveInstalls ?? 0;
        }

        return sum;
    }

    /// <summary>The expected sum of activeInstalls for N synthetic entries (a correctness check).</summary>
    public static long Expected(int n)
    {
        long sum = 0;
        for (var i = 0; i < n; i++)
        {
            sum += 10 + (i % 1000) * 10;
        }

        return sum;
    }
}
