using PluginApis.Testing;
using PluginTests.Client;
using WunderUpdates.Client;
using static PluginApis.Integration.Tests.Clients;

namespace PluginApis.Integration.Tests;

/// <summary>
/// Real 429s from the emulator over loopback sockets. Client A spends the key's quota; client B, a fresh instance with the
/// same key that knows nothing about it, runs into a 429, waits the announced <c>Ratelimit-Reset</c> and succeeds. The
/// emulator's windows and the clients' waits run on one parking clock, advanced only by the exact wait a client is parked
/// on (the clients have no timeouts, so their waits are the only timers): no real second passes, however slow the machine.
/// </summary>
public sealed class RateLimitTests
{
    private const int Permits = 2;

    private readonly ParkingClock _clock = new();

    [Fact]
    public async Task PluginTests_429_is_waited_out_by_Ratelimit_Reset()
    {
        await using var emulator = await StartAsync(TimeSpan.FromSeconds(1));
        using var a = NewPluginTests(emulator, resilience: OnClock);
        for (var i = 0; i < Permits; i++)
        {
            await a.GetCurrentUserAsync(Ct);
        }

        Assert.Equal(0, a.LastRateLimit!.Remaining);

        using var wire = new WireRecorder();
        using var b = new PluginTestsClient(Options(new PluginTestsClientOptions { ApiKey = EmulatorKeys.PluginTestsDemo, BaseAddress = emulator.PluginTestsBaseAddress }), wire);
        var call = b.GetCurrentUserAsync(Ct);

        AssertWaitedOut(await _clock.RunAsync(call), wire, emulator);
        Assert.Equal("user_demo", (await call).Id);
        Assert.Equal(Permits - 1, b.LastRateLimit!.Remaining);
    }

    [Fact]
    public async Task WunderUpdates_429_is_waited_out_by_Ratelimit_Reset_also_for_an_upload()
    {
        await using var emulator = await StartAsync(TimeSpan.FromSeconds(1));
        using var zip = TestZip.File("demo-free", "1.0.2");
        using var a = NewWunderUpdates(emulator, resilience: OnClock);
        for (var i = 0; i < Permits; i++)
        {
            await a.ListPluginsAsync(Ct);
        }

        using var wire = new WireRecorder();
        using var b = new WunderUpdatesClient(Options(new WunderUpdatesClientOptions { ApiKey = EmulatorKeys.WunderUpdatesDemo, BaseAddress = emulator.WunderUpdatesBaseAddress }), wire);
        var call = b.UploadVersionAsync("demo-free", zip.Path, cancellationToken: Ct);

        AssertWaitedOut(await _clock.RunAsync(call), wire, emulator);
        Assert.Equal("1.0.2", (await call).Archive!.Version);
        Assert.Equal(1, emulator.Stats.VersionsUploaded); // the refused attempt had no side effect
    }

    [Fact]
    public async Task A_client_that_knows_the_quota_is_spent_waits_without_a_429()
    {
        await using var emulator = await StartAsync(TimeSpan.FromSeconds(1));
        using var wire = new WireRecorder();
        using var client = new PluginTestsClient(Options(new PluginTestsClientOptions { ApiKey = EmulatorKeys.PluginTestsDemo, BaseAddress = emulator.PluginTestsBaseAddress }), wire);
        var waits = new List<TimeSpan>();
        for (var i = 0; i < Permits + 1; i++)
        {
            var call = client.GetRootAsync(Ct);
            waits.AddRange(await _clock.RunAsync(call));
            await call;
        }

        // The third call was held back until the window (opened by the first call) had reset, exactly, and sent only then.
        Assert.Equal([TimeSpan.FromSeconds(1)], waits);
        Assert.Equal(0, emulator.Stats.RateLimited);
        Assert.Equal(Permits + 1, wire.Responses.Count);
        Assert.All(wire.Responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
    }

    [Fact]
    public async Task A_reset_beyond_MaxRateLimitWait_throws_RateLimitExceededException_at_once()
    {
        await using var emulator = await StartAsync(TimeSpan.FromSeconds(30));
        using var a = NewPluginTests(emulator, resilience: OnClock);
        for (var i = 0; i < Permits; i++)
        {
            await a.GetCurrentUserAsync(Ct);
        }

        using var b = NewPluginTests(emulator, resilience: r =>
        {
            OnClock(r);
            r.MaxRateLimitWait = TimeSpan.FromSeconds(2);
        });
        var call = b.GetCurrentUserAsync(Ct);

        Assert.Empty(await _clock.RunAsync(call)); // no waiting at all
        var ex = await Assert.ThrowsAsync<RateLimitExceededException>(() => call);
        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), ex.RetryAfter); // the whole window: no time passed since it opened
        Assert.Equal(1, emulator.Stats.RateLimited);
        Assert.DoesNotContain(EmulatorKeys.PluginTestsDemo, ex.ToString(), StringComparison.Ordinal);
    }

    private Task<EmulatorHost> StartAsync(TimeSpan window) =>
        EmulatorHost.StartAsync(new EmulatorOptions { RateLimit = new EmulatorRateLimit { PermitLimit = Permits, Window = window }, TimeProvider = _clock }, Ct);

    /// <summary>The test's clock, and no timeouts: the only timers armed are the rate-limit waits under test.</summary>
    private void OnClock(ApiResilienceOptions r)
    {
        r.TimeProvider = _clock;
        r.AttemptTimeout = Timeout.InfiniteTimeSpan;
        r.TotalTimeout = Timeout.InfiniteTimeSpan;
    }

    private T Options<T>(T options)
        where T : ApiClientOptions
    {
        OnClock(options.Resilience);
        return options;
    }

    private static void AssertWaitedOut(IReadOnlyList<TimeSpan> waits, WireRecorder wire, EmulatorHost emulator)
    {
        var responses = wire.Responses;
        Assert.Equal(2, responses.Count);
        Assert.Equal(HttpStatusCode.TooManyRequests, responses[0].Status);
        Assert.Equal(1, responses[0].Reset);
        Assert.Equal(HttpStatusCode.OK, responses[1].Status);
        Assert.Equal([TimeSpan.FromSeconds(1)], waits); // exactly the announced reset, once
        Assert.Equal(1, emulator.Stats.RateLimited);
    }
}
