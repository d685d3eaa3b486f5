using System.Net;
using System.Text.Json;

namespace PluginApis.Emulator.Tests;

public sealed class TablesTests
{
    private static async Task<(List<string> Names, long? ContentLength)> ReadAll(HttpClient http, int installs)
    {
        using var response = await http.GetAsync(T.Pt($"tablesWith{installs}installs.json"), HttpCompletionOption.ResponseHeadersRead, T.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(T.Ct);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: T.Ct);
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        var names = new List<string>();
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            Assert.Equal("wporg", entry.GetProperty("directory").GetString());
            Assert.True(entry.GetProperty("activeInstalls").GetInt64() >= installs);
            Assert.False(string.IsNullOrEmpty(entry.GetProperty("plugin").GetString()));
            names.Add(entry.GetProperty("name").GetString()!);
        }

        return (names, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Seeded_lists_500_is_a_subset_of_10_and_private_plugins_are_excluded()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        var (ten, _) = await ReadAll(http, 10);
        var (five, _) = await ReadAll(http, 500);
        Assert.Contains("wp_yoast_indexable", five);
        Assert.Contains("wp_tiny_table_rows", ten);
        Assert.DoesNotContain("wp_tiny_table_rows", five); // 120 installs
        Assert.DoesNotContain("wp_other_secret", ten);
        Assert.DoesNotContain("wp_demo_private_items", ten);
        Assert.Subset(ten.ToHashSet(), five.ToHashSet());
        Assert.Equal(ten.Count, ten.Distinct().Count());
    }

    [Fact]
    public async Task Generated_table_count_sizes_the_streamed_lists()
    {
        await using var emu = await T.StartAsync(o => o.GeneratedTableCount = 30_000);
        using var http = T.Client(emu);
        var (ten, tenLength) = await ReadAll(http, 10);
        var (five, _) = await ReadAll(http, 500);
        Assert.Equal(10 + 30_000, ten.Count); // 10 seeded tables
        Assert.Equal(9 + 15_000, five.Count); // 9 seeded with >= 500 installs, every second generated one
        Assert.Subset(ten.ToHashSet(), five.ToHashSet());
        Assert.Null(tenLength); // streamed (chunked), not buffered into one body
    }

    [Fact]
    public async Task Unknown_installs_threshold_is_404()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        using var response = await http.PtGet("tablesWith100installs.json");
        await response.ExpectPtError(HttpStatusCode.NotFound, "not_found");
    }
}
