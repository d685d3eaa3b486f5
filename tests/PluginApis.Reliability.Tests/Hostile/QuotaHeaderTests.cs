using PluginApis.Http;
using static PluginApis.Reliability.Tests.Hostile.HostileAnswers;

namespace PluginApis.Reliability.Tests.Hostile;

/// <summary>
/// Issue #12, rows 9 and 10: rate-limit headers that would lock a client out. One response announcing a reset a year away
/// refuses calls locally only until <see cref="ApiResilienceOptions.MaxRateLimitWait"/> has passed, then one request re-probes
/// and the healthy server's answer wins; a sliding window that keeps announcing the same <c>Ratelimit-Remaining</c> is never
/// spent locally.
/// </summary>
public sealed class QuotaHeaderTests
{
    private static readonly (string, string)[] Healthy = [("RateLimit-Limit", "60"), ("Ratelimit-Remaining", "58"), ("Ratelimit-Reset", "60")];
    private static readonly (string, string)[] LockedForAYear = [("RateLimit-Limit", "60"), ("Ratelimit-Remaining", "0"), ("Ratelimit-Reset", "31536000")];
    private static readonly (string, string)[] SlidingWindow = [("RateLimit-Limit", "200, 200;w=3600"), ("Ratelimit-Remaining", "198"), ("Ratelimit-Reset", "1715")];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(HostileCases.EveryConstructionAndClient), MemberType = typeof(HostileCases))]
    public async Task One_reset_a_year_away_is_re_probed_after_MaxRateLimitWait_not_trusted_for_a_year(Construction how, string client)
    {
        await using var server = HostileServer.Start(x => x.Index == 0 ? Answer(client, x, LockedForAYear) : Answer(client, x, Healthy));
        using var clients = HostileClients.Create(how, server);
        var call = Call(clients, client);
        var maxWait = TimeSpan.FromSeconds(60); // the default MaxRateLimitWait

        await call();
        var refused = await Assert.ThrowsAsync<RateLimitExceededException>(call);

        Assert.True(refused.ThrottledLocally);
        Assert.Equal(TimeSpan.FromDays(365), refused.RetryAfter);
        Assert.Single(server.Requests);
        clients.AssertNothingShowsTheKey(refused);

        clients.Clock.Advance(maxWait - TimeSpan.FromSeconds(1));
        Assert.True((await Assert.ThrowsAsync<RateLimitExceededException>(call)).ThrottledLocally);
        Assert.Single(server.Requests);

        clients.Clock.Advance(TimeSpan.FromSeconds(1));
        await call(); // the probe: the server is healthy and says so
        await call();
        await call();

        Assert.Equal(4, server.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(HostileCases.EveryConstructionAndClient), MemberType = typeof(HostileCases))]
    public async Task A_sliding_window_that_keeps_announcing_198_left_is_never_spent_locally(Construction how, string client)
    {
        const int calls = 250;
        await using var server = HostileServer.Start(x => Answer(client, x, SlidingWindow));
        using var clients = HostileClients.Create(how, server);
        var call = Call(clients, client);

        for (var i = 0; i < calls; i++)
        {
            await call();
        }

        Assert.Equal(calls, server.Requests.Count);
        Assert.Empty(clients.Clock.Pending); // never held back either
    }

    private static Func<Task> Call(HostileClients clients, string client)
    {
        var (pt, wu) = clients.Build();
        return client == "PluginTests" ? () => pt.GetCurrentUserAsync(Ct) : () => wu.ListPluginsAsync(Ct);
    }

    private static Task Answer(string client, RawExchange x, (string, string)[] headers) =>
        x.RespondJsonAsync(200, client == "PluginTests" ? PtUser : WuPlugins, headers);
}
