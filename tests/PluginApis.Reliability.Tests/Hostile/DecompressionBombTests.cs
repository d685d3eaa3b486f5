using System.Net;
using PluginApis.Http;
using PluginApis.Testing;
using PluginTests.Client;
using WunderUpdates.Client;
using static PluginApis.Reliability.Tests.Hostile.HostileAnswers;

namespace PluginApis.Reliability.Tests.Hostile;

/// <summary>
/// Issue #12, row 7: compressed bombs (about 1 MB on the wire per GiB decoded) in gzip, deflate and br. The SDK decodes
/// within the body cap — one attempt, memory bounded by the cap — also when the caller's own transport decompresses.
/// </summary>
[Collection(nameof(Measured))]
public sealed class DecompressionBombTests
{
    private const long MiB = 1 << 20;
    private const int Cap = 32 << 20;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<Construction, string, long> Bombs200()
    {
        var data = new TheoryData<Construction, string, long>();
        foreach (var how in Enum.GetValues<Construction>())
        {
            data.Add(how, "gzip", Bombs.GiB);
            data.Add(how, "gzip", 4 * Bombs.GiB);
            data.Add(how, "deflate", Bombs.GiB);
            data.Add(how, "br", Bombs.GiB);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Bombs200))]
    public async Task A_compressed_success_body_is_decoded_only_up_to_the_cap(Construction how, string encoding, long decoded)
    {
        var bomb = Bombs.Of(encoding, decoded);
        await using var server = HostileServer.Start(Encoded(200, encoding, bomb));
        using var clients = HostileClients.Create(how, server);
        var (pt, wu) = clients.Build();

        foreach (var (client, call) in new (string, Func<Task>)[] { ("PluginTests", () => pt.GetCurrentUserAsync(Ct)), ("WunderUpdates", () => wu.ListPluginsAsync(Ct)) })
        {
            var (allocated, error) = await Measured.AllocationsOfAsync(call);

            var tooLarge = Assert.IsType<InvalidResponseException>(error);
            Assert.Contains("MaxResponseBodySize", tooLarge.Message, StringComparison.Ordinal);
            Assert.InRange(allocated, 0L, (3L * Cap) + (16 * MiB));
            clients.AssertNothingShowsTheKey(tooLarge);
            Measured.Report($"{how} {client}: {encoding} bomb {bomb.Length / 1024} KiB -> {decoded / Bombs.GiB} GiB: allocated {allocated / (double)MiB:0.0} MiB");
        }

        Assert.Equal(2, server.Requests.Count); // one attempt per call: a cap hit is not retried
    }

    [Theory]
    [InlineData(Construction.Options, "gzip")]
    [InlineData(Construction.OptionsAndTransport, "deflate")]
    [InlineData(Construction.DependencyInjection, "br")]
    public async Task A_compressed_error_body_is_decoded_only_up_to_16_KiB(Construction how, string encoding)
    {
        await using var server = HostileServer.Start(Encoded(404, encoding, Bombs.Of(encoding, Bombs.GiB)));
        using var clients = HostileClients.Create(how, server);
        var (pt, wu) = clients.Build();

        var (ptAllocated, ptError) = await Measured.AllocationsOfAsync(() => pt.GetCurrentUserAsync(Ct));
        var (wuAllocated, wuError) = await Measured.AllocationsOfAsync(() => wu.ListPluginsAsync(Ct));

        Assert.Equal(HttpStatusCode.NotFound, Assert.IsType<PluginTestsException>(ptError).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, Assert.IsType<WunderUpdatesException>(wuError).StatusCode);
        Assert.InRange(ptAllocated, 0L, 8 * MiB);
        Assert.InRange(wuAllocated, 0L, 8 * MiB);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_caller_transport_that_decompresses_by_itself_is_still_read_only_up_to_the_cap()
    {
        var bomb = Bombs.Of("gzip", 4 * Bombs.GiB);
        await using var server = HostileServer.Start(Encoded(200, "gzip", bomb));
        using var transport = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.All };
        var options = new PluginTestsClientOptions { ApiKey = Canary.PluginTests, BaseAddress = server.PluginTestsBase };
        HostileClients.Defaults(options.Resilience, new ParkingClock());
        using var client = new PluginTestsClient(options, transport);

        var (allocated, error) = await Measured.AllocationsOfAsync(() => client.GetCurrentUserAsync(Ct));

        Assert.IsType<InvalidResponseException>(error);
        Assert.InRange(allocated, 0L, (3L * Cap) + (16 * MiB));
        Assert.Single(server.Requests);
        Measured.Report($"caller's decompressing transport: gzip bomb to 4 GiB: allocated {allocated / (double)MiB:0.0} MiB");
    }
}
