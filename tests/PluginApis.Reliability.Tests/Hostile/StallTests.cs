using PluginTests.Client;
using static PluginApis.Reliability.Tests.Hostile.HostileAnswers;

namespace PluginApis.Reliability.Tests.Hostile;

/// <summary>
/// Issue #12, rows 3 and 8: a server that stops answering — before the headers, or in the middle of a streamed list. The
/// clients' clock is a parking clock advanced only once the server says it has stalled, so each timeout fires exactly
/// after its limit of fake time, whatever the machine's load: a stalled attempt times out (and an idempotent call is retried),
/// a stalled stream ends in <see cref="TimeoutException"/> after the attempt timeout, and cancel and dispose stop it at once.
/// </summary>
public sealed class StallTests
{
    private const string TwoTables = """[{"name":"wp_a","plugin":"a"},{"name":"wp_b","plugin":"b"},""";
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<Construction> Constructions() => [.. Enum.GetValues<Construction>()];

    [Theory]
    [MemberData(nameof(Constructions))]
    public async Task A_stalled_answer_times_out_attempt_by_attempt_and_the_timeout_shows_no_key(Construction how)
    {
        await using var server = HostileServer.Start(Stall());
        using var clients = HostileClients.Create(how, server, o => o.Resilience.MaxRetryAttempts = 1);
        var (pt, wu) = clients.Build();

        foreach (var (start, shown) in new (Func<Task>, string)[] { (() => pt.GetCurrentUserAsync(Ct), "/api/v1/user timed out after 10 s"), (() => wu.ListPluginsAsync(Ct), "/v1/plugins timed out after 10 s") })
        {
            var call = start();
            for (var attempt = 0; attempt < 2; attempt++)
            {
                await server.NextStallAsync();
                Assert.Equal([AttemptTimeout], clients.Clock.Pending); // the attempt timeout, and nothing else, is running
                clients.Clock.Advance(AttemptTimeout);
            }

            var timeout = await Assert.ThrowsAsync<TimeoutException>(() => call);
            Assert.Contains("AttemptTimeout; 2 attempt(s)", timeout.Message, StringComparison.Ordinal);
            Assert.Contains(shown, timeout.Message, StringComparison.Ordinal);
            clients.AssertNothingShowsTheKey(timeout);
        }

        Assert.Equal(4, server.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(Constructions))]
    public async Task A_streamed_list_that_stalls_between_elements_times_out_after_the_attempt_timeout(Construction how)
    {
        await using var server = HostileServer.Start(StallAfter(200, TwoTables));
        using var clients = HostileClients.Create(how, server);
        var (pt, _) = clients.Build();
        var tables = pt.ListPluginTablesAsync(ActiveInstalls.AtLeast10, Ct).GetAsyncEnumerator(Ct);
        await using var _ = tables;

        var next = await StalledAfterTwoAsync(server, tables);
        Assert.Equal(AttemptTimeout, await clients.Clock.ParkedAsync(next));
        Assert.Equal([AttemptTimeout], clients.Clock.Pending); // only the stream's idle timer: TotalTimeout is not what stops it
        clients.Clock.Advance(AttemptTimeout - TimeSpan.FromTicks(1));
        Assert.False(next.IsCompleted);
        clients.Clock.Advance(TimeSpan.FromTicks(1));

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => next);
        Assert.Contains("after 2 element(s)", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("sent no data for 10 s", timeout.Message, StringComparison.Ordinal);
        clients.AssertNothingShowsTheKey(timeout);
    }

    [Theory]
    [MemberData(nameof(Constructions))]
    public async Task A_stalled_streamed_list_stops_when_the_caller_cancels(Construction how)
    {
        await using var server = HostileServer.Start(StallAfter(200, TwoTables));
        using var clients = HostileClients.Create(how, server);
        var (pt, _) = clients.Build();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var tables = pt.ListPluginTablesAsync(ActiveInstalls.AtLeast10, cancel.Token).GetAsyncEnumerator(cancel.Token);
        await using var _ = tables;
        var next = await StalledAfterTwoAsync(server, tables);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
    }

    [Theory]
    [MemberData(nameof(Constructions))]
    public async Task A_stalled_streamed_list_stops_when_the_client_is_disposed(Construction how)
    {
        await using var server = HostileServer.Start(StallAfter(200, TwoTables));
        using var clients = HostileClients.Create(how, server);
        var (pt, _) = clients.Build();
        var tables = pt.ListPluginTablesAsync(ActiveInstalls.AtLeast10, Ct).GetAsyncEnumerator(Ct);
        await using var _ = tables;
        var next = await StalledAfterTwoAsync(server, tables);

        ((IDisposable)pt).Dispose();

        var disposed = await Assert.ThrowsAsync<ObjectDisposedException>(() => next);
        Assert.Contains("disposed while a streamed response was being read", disposed.Message, StringComparison.Ordinal);
        clients.AssertNothingShowsTheKey(disposed);
    }

    /// <summary>Reads the two tables sent before the stall, then asks for the next one: the stream is then waiting for data that never comes.</summary>
    private static async Task<Task<bool>> StalledAfterTwoAsync(HostileServer server, IAsyncEnumerator<PluginTable> tables)
    {
        Assert.True(await tables.MoveNextAsync());
        Assert.Equal("wp_a", tables.Current.Name);
        Assert.True(await tables.MoveNextAsync());
        Assert.Equal("wp_b", tables.Current.Name);
        await server.NextStallAsync();
        return tables.MoveNextAsync().AsTask();
    }
}
