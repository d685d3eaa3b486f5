using System.Net;
using PluginTests.Client;
using WunderUpdates.Client;
using static PluginApis.Reliability.Tests.Hostile.HostileAnswers;

namespace PluginApis.Reliability.Tests.Hostile;

/// <summary>
/// Issue #12, rows 1–4: a server redirects, to another port, another host name, <c>ftp://</c> or <c>file:///etc/passwd</c>,
/// with the caller's query (key included) copied into <c>Location</c>. Through each construction, both clients: nothing
/// follows, nothing reaches the other origin, the caller gets the service's exception saying so, and nothing shows the key.
/// </summary>
public sealed class RedirectTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<Construction, int, string> GetRedirects()
    {
        var data = new TheoryData<Construction, int, string>();
        foreach (var how in Enum.GetValues<Construction>())
        {
            foreach (var status in new[] { 301, 302, 303, 307, 308 })
            {
                foreach (var target in new[] { "other port", "other host name", "ftp", "file" })
                {
                    data.Add(how, status, target);
                }
            }
        }

        return data;
    }

    public static TheoryData<Construction, int> PostRedirects()
    {
        var data = new TheoryData<Construction, int>();
        foreach (var how in Enum.GetValues<Construction>())
        {
            foreach (var status in new[] { 302, 303, 307, 308 })
            {
                data.Add(how, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GetRedirects))]
    public async Task A_redirect_is_not_followed_and_the_key_never_leaves_its_origin(Construction how, int status, string target)
    {
        await using var elsewhere = HostileServer.Start(Json(200, PtUser));
        await using var server = HostileServer.Start(Redirect(status, r => Location(target, r, elsewhere)));
        using var clients = HostileClients.Create(how, server);
        var (pt, wu) = clients.Build();

        var ptError = await Assert.ThrowsAsync<PluginTestsException>(() => pt.GetCurrentUserAsync(Ct));
        var wuError = await Assert.ThrowsAsync<WunderUpdatesException>(() => wu.ListPluginsAsync(Ct));

        foreach (var error in new[] { (Exception)ptError, wuError })
        {
            Assert.Contains("follows no redirects", error.Message, StringComparison.Ordinal);
            clients.AssertNothingShowsTheKey(error);
        }

        Assert.Equal((HttpStatusCode)status, ptError.StatusCode);
        Assert.Equal((HttpStatusCode)status, wuError.StatusCode);
        AssertKeyStayedHome(server, elsewhere);
    }

    [Theory]
    [MemberData(nameof(PostRedirects))]
    public async Task A_redirected_POST_is_never_sent_again_and_no_result_is_made_up(Construction how, int status)
    {
        // Had the client followed, the other origin would have answered a re-sent POST (307/308) or the GET a 302/303 turns
        // into with a result the caller would have taken for its own.
        await using var elsewhere = HostileServer.Start(x => x.Request.Path.EndsWith("test-queue", StringComparison.Ordinal) ? x.RespondJsonAsync(200, PtJob) : x.RespondJsonAsync(200, WuCreated));
        await using var server = HostileServer.Start(Redirect(status, r => Location("other port", r, elsewhere)));
        using var clients = HostileClients.Create(how, server);
        var (pt, wu) = clients.Build();

        var ptError = await Assert.ThrowsAsync<PluginTestsException>(() => pt.EnqueueTestAsync(new EnqueueTestRequest("wporg", "akismet"), Ct));
        var wuError = await Assert.ThrowsAsync<WunderUpdatesException>(() => wu.CreatePluginAsync("my-plugin", License.StaticKeys, Ct));

        foreach (var error in new[] { (Exception)ptError, wuError })
        {
            Assert.Contains("was not sent again", error.Message, StringComparison.Ordinal);
            clients.AssertNothingShowsTheKey(error);
        }

        Assert.All(server.Requests, r => Assert.Equal("POST", r.Method));
        Assert.All(server.Requests, r => Assert.Equal(r.ContentLength ?? -1, r.BodyBytes)); // each body arrived once, whole
        AssertKeyStayedHome(server, elsewhere);
    }

    [Theory]
    [InlineData(Construction.Options)]
    [InlineData(Construction.OptionsAndTransport)]
    [InlineData(Construction.DependencyInjection)]
    public async Task A_key_bearing_Location_to_a_stalled_target_shows_nowhere(Construction how)
    {
        await using var stalled = HostileServer.Start(Stall());
        await using var server = HostileServer.Start(Redirect(307, r =>
        {
            // The key the server received, raw and escaped, in the path and the query.
            var key = r.Header("x-api-key") ?? Uri.UnescapeDataString(r.Target.Split("apiKey=")[1]);
            var escaped = Uri.EscapeDataString(key);
            return $"http://127.0.0.1:{stalled.Port}/{escaped}/{key}/x?apiKey={escaped}&next={key}";
        }));
        using var clients = HostileClients.Create(how, server);
        var (pt, wu) = clients.Build();

        var ptError = await Assert.ThrowsAsync<PluginTestsException>(() => pt.GetCurrentUserAsync(Ct));
        var wuError = await Assert.ThrowsAsync<WunderUpdatesException>(() => wu.ListPluginsAsync(Ct));

        clients.AssertNothingShowsTheKey(ptError);
        clients.AssertNothingShowsTheKey(wuError);
        Assert.Contains($"http://127.0.0.1:{stalled.Port}/", ptError.Message, StringComparison.Ordinal); // the Location is shown, masked
        Assert.Empty(stalled.Requests);
    }

    private static string Location(string target, RawRequest request, HostileServer elsewhere) => target switch
    {
        // The request target copied whole: for PluginTests its query holds ?apiKey=…
        "other port" => $"http://127.0.0.1:{elsewhere.Port}{request.Target}",
        "other host name" => $"http://localhost:{request.Header("Host")!.Split(':')[1]}{request.Target}",
        "ftp" => $"ftp://127.0.0.1:{elsewhere.Port}{request.Target}",
        "file" => "file:///etc/passwd",
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    /// <summary>One request per call reached the configured origin, under its own host name, with the key; none went anywhere else.</summary>
    private static void AssertKeyStayedHome(HostileServer server, HostileServer elsewhere)
    {
        Assert.Empty(elsewhere.Requests);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal($"127.0.0.1:{server.Port}", r.Header("Host")));
        Assert.Contains(server.Requests, r => r.Target.Contains("apiKey=" + Uri.EscapeDataString(Canary.PluginTests), StringComparison.Ordinal));
        Assert.Contains(server.Requests, r => r.Header("x-api-key") == Canary.WunderUpdates);
    }
}
