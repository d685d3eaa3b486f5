using System.Net;
using System.Net.Sockets;
using PluginTests.Client;
using WunderUpdates.Client;

namespace PluginApis.Reliability.Tests.Hostile;

/// <summary>
/// Issue #12, row 12: nothing listens. The caller gets an <see cref="HttpRequestException"/> naming the operation, the
/// key-free URI and the attempts (an idempotent call retried with backoff, a POST sent once), with the transport's
/// exception kept inside.
/// </summary>
public sealed class ConnectionRefusedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Construction.Options)]
    [InlineData(Construction.OptionsAndTransport)]
    [InlineData(Construction.DependencyInjection)]
    public async Task Connection_refused_names_the_operation_the_key_free_uri_and_the_attempts(Construction how)
    {
        var root = new Uri($"http://127.0.0.1:{ClosedPort()}/");
        using var clients = HostileClients.Create(how, root, o =>
        {
            // Backoff on the parking clock (the only timers armed, so it can be run to the end without guessing).
            o.Resilience.BaseDelay = TimeSpan.FromSeconds(0.8);
            o.Resilience.MaxBackoffDelay = TimeSpan.FromSeconds(30);
            o.Resilience.UseJitter = false;
            o.Resilience.AttemptTimeout = Timeout.InfiniteTimeSpan;
        });
        var (pt, wu) = clients.Build();
        var backoff = new[] { TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(3.2) };

        var cases = new (Func<Task> Call, string Shown, TimeSpan[] Waits)[]
        {
            (() => pt.GetCurrentUserAsync(Ct), $"PluginTests.GetCurrentUser: GET {root}api/v1/user failed after 4 attempt(s)", backoff),
            (() => wu.ListPluginsAsync(Ct), $"WunderUpdates.ListPlugins: GET {root}v1/plugins failed after 4 attempt(s)", backoff),
            (() => pt.EnqueueTestAsync(new EnqueueTestRequest("wporg", "akismet"), Ct), $"PluginTests.EnqueueTest: POST {root}api/v1/test-queue failed after 1 attempt(s)", []),
            (() => wu.CreatePluginAsync("my-plugin", License.NoLicense, Ct), $"WunderUpdates.CreatePlugin: POST {root}v1/plugins failed after 1 attempt(s)", []),
        };
        foreach (var (call, shown, waits) in cases)
        {
            var task = call();
            Assert.Equal(waits, await clients.Clock.RunAsync(task));

            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => task);
            Assert.StartsWith(shown, refused.Message, StringComparison.Ordinal);
            Assert.Equal(HttpRequestError.ConnectionError, refused.HttpRequestError);
            var transport = Assert.IsType<HttpRequestException>(refused.InnerException);
            Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(transport.InnerException).SocketErrorCode);
            clients.AssertNothingShowsTheKey(refused);
        }
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
