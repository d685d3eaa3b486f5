using static PluginApis.Reliability.Tests.Hostile.HostileAnswers;

namespace PluginApis.Reliability.Tests.Hostile;

/// <summary>Issue #12, row 13 (cookies): a server that sets cookies gets none back; an API client is stateless, whatever transport it runs on.</summary>
public sealed class StatelessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Construction.Options)]
    [InlineData(Construction.OptionsAndTransport)]
    [InlineData(Construction.DependencyInjection)]
    public async Task Cookies_a_server_sets_are_never_sent_back(Construction how)
    {
        await using var server = HostileServer.Start(x => x.RespondJsonAsync(200, x.Request.Path.StartsWith("/api/", StringComparison.Ordinal) ? PtUser : WuPlugins,
            ("Set-Cookie", $"session=s{x.Index}; Path=/"), ("Set-Cookie", $"tracker=t{x.Index}; Path=/; Max-Age=3600")));
        using var clients = HostileClients.Create(how, server);
        var (pt, wu) = clients.Build();

        for (var i = 0; i < 3; i++)
        {
            await pt.GetCurrentUserAsync(Ct);
            await wu.ListPluginsAsync(Ct);
        }

        Assert.Equal(6, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Null(r.Header("Cookie")));
    }
}
