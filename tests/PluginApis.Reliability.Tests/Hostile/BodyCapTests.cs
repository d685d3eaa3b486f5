using System.Net;
using PluginApis.Http;
using PluginTests.Client;
using WunderUpdates.Client;
using static PluginApis.Reliability.Tests.Hostile.HostileAnswers;

namespace PluginApis.Reliability.Tests.Hostile;

/// <summary>
/// Issue #12, row 6: a 200 whose body never ends, and a 404 with a 100 MB body. The success body is read up to
/// <see cref="ApiClientOptions.MaxResponseBodySize"/> (default 32 MiB) and the call fails once, not retried; the error body
/// is read up to 16 KiB and the rest never fetched. Measured by what the server managed to write and what the process allocated.
/// </summary>
[Collection(nameof(Measured))]
public sealed class BodyCapTests
{
    private const long MiB = 1 << 20;

    // What the server may have handed over besides what the client read: the client's receive window (autotuned, up to
    // tcp_rmem max, 32 MiB here), the server's 64 KiB send buffer and the one 66 KB write in progress. Before the cap, a 200
    // was read to 2 GiB, four times.
    private const long SocketSlack = 40 * MiB;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(HostileCases.EveryConstructionAndClient), MemberType = typeof(HostileCases))]
    public async Task A_success_body_that_never_ends_is_read_to_the_cap_once_and_not_retried(Construction how, string client)
    {
        await using var server = HostileServer.Start(EndlessBody(200));
        using var clients = HostileClients.Create(how, server);
        var (pt, wu) = clients.Build();
        const int cap = 32 << 20;

        var (allocated, error) = await Measured.AllocationsOfAsync(() => client == "PluginTests" ? pt.GetCurrentUserAsync(Ct) : wu.ListPluginsAsync(Ct));

        var tooLarge = Assert.IsType<InvalidResponseException>(error);
        Assert.Contains("MaxResponseBodySize", tooLarge.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, tooLarge.StatusCode);
        Assert.Single(server.Requests);
        Assert.InRange(server.BytesWritten, cap, cap + SocketSlack);
        Assert.InRange(allocated, 0L, (3 * cap) + (16 * MiB));
        clients.AssertNothingShowsTheKey(tooLarge);
        Measured.Report($"{how} {client}: 200 endless: 1 request, server wrote {server.BytesWritten / (double)MiB:0.0} MiB, allocated {allocated / (double)MiB:0.0} MiB");
    }

    [Theory]
    [MemberData(nameof(HostileCases.EveryConstructionAndClient), MemberType = typeof(HostileCases))]
    public async Task A_404_with_a_100_MB_body_is_read_to_16_KiB(Construction how, string client)
    {
        await using var server = HostileServer.Start(EndlessBody(404, contentLength: 100_000_000));
        using var clients = HostileClients.Create(how, server);
        var (pt, wu) = clients.Build();

        var (allocated, error) = await Measured.AllocationsOfAsync(() => client == "PluginTests" ? pt.GetCurrentUserAsync(Ct) : wu.ListPluginsAsync(Ct));

        var notFound = Assert.IsAssignableFrom<ApiException>(error);
        Assert.IsType(client == "PluginTests" ? typeof(PluginTestsException) : typeof(WunderUpdatesException), notFound);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.StartsWith("[\"xxx", notFound.ResponseBody, StringComparison.Ordinal);
        Assert.InRange(notFound.ResponseBody!.Length, 1, 4096 + 20);
        Assert.Single(server.Requests);
        Assert.InRange(server.BytesWritten, 16 * 1024, 4 * MiB);
        Assert.InRange(allocated, 0L, 8 * MiB);
        clients.AssertNothingShowsTheKey(notFound);
        Measured.Report($"{how} {client}: 404 of 100 MB: 1 request, server wrote {server.BytesWritten / 1024.0:0} KiB, allocated {allocated / (double)MiB:0.0} MiB");
    }
}
