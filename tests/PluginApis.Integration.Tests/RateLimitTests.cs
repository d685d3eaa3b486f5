using System.Diagnostics;
using PluginTests.Client;
using WunderUpdates.Client;
using static PluginApis.Integration.Tests.Clients;

namespace PluginApis.Integration.Tests;

/// <summary>
/// Real 429s from the emulator. Client A spends the key's quota; client B, a fresh instance with the same key that knows
/// nothing about it, runs into a 429, waits the announced <c>Ratelimit-Reset</c> and succeeds. Each test has its own
/// emulator with a 1-second window.
/// </summary>
public sealed class RateLimitTests
{
    private const int Permits = 2;

    [Fact]
    public async Task PluginTests_429_is_waited_out_by_Ratelimit_Reset()
    {
        await using var emulator = await StartAsync(TimeSpan.FromSeconds(1));
        await WarmUpAsync(emulator);
        using var a = NewPluginTests(emulator);
        for (var i = 0; i < Permits; i++)
        {
            await a.GetCurrentUserAsync(Ct);
        }

        Assert.Equal(0, a.LastRateLimit!.Remaining);

        using var wire = new WireRecorder();
        using var b = new PluginTestsClient(
            new PluginTestsClientOptions { ApiKey = EmulatorKeys.PluginTestsDemo, BaseAddress = emulator.PluginTestsBaseAddress }, wire);
        var watch = Stopwatch.StartNew();
        var user = await b.GetCurrentUserAsync(Ct);
        watch.Stop();

        Assert.Equal("user_demo", user.Id);
        AssertWaitedOut(wire, watch.Elapsed, emulator);
        Assert.Equal(Permits - 1, b.LastRateLimit!.Remaining);
    }

    [Fact]
    public async Task WunderUpdates_429_is_waited_out_by_Ratelimit_Reset_also_for_an_upload()
    {
        await using var emulator = await StartAsync(TimeSpan.FromSeconds(1));
        await WarmUpAsync(emulator);
        using var zip = TestZip.File("demo-free", "1.0.2");
        Assert.Equal("1.0.2", PluginArchive.Inspect(zip.Path).Version); // the client inspects it too: warm that code up
        using var a = NewWunderUpdates(emulator);
        for (var i = 0; i < Permits; i++)
        {
            await a.ListPluginsAsync(Ct);
        }

        using var wire = new WireRecorder();
        using var b = new WunderUpdatesClient(
            new WunderUpdatesClientOptions { ApiKey = EmulatorKeys.WunderUpdatesDemo, BaseAddress = emulator.WunderUpdatesBaseAddress }, wire);
        var watch = Stopwatch.StartNew();
        var result = await b.UploadVersionAsync("demo-free", zip.Path, cancellationToken: Ct);
        watch.Stop();

        Assert.Equal("1.0.2", result.Archive!.Version);
        AssertWaitedOut(wire, watch.Elapsed, emulator);
        Assert.Equal(1, emulator.Stats.VersionsUploaded); // the refused attempt had no side effect
    }

    [Fact]
    public async Task A_client_that_knows_the_quota_is_spent_waits_without_a_429()
    {
        await using var emulator = await StartAsync(TimeSpan.FromSeconds(1));
        using var wire = new WireRecorder();
        using var client = new PluginTestsClient(
            new PluginTestsClientOptions { ApiKey = EmulatorKeys.PluginTestsDemo, BaseAddress = emulator.PluginTestsBaseAddress }, wire);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Permits + 1; i++)
        {
            await client.GetRootAsync(Ct);
        }

        watch.Stop();

        // The third call was held back until the window (opened by the first call) had reset, and sent only then.
        Assert.Equal(0, emulator.Stats.RateLimited);
        Assert.Equal(Permits + 1, wire.Responses.Count);
        Assert.All(wire.Responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950), $"held back until the window reset (took {watch.Elapsed})");
    }

    [Fact]
    public async Task A_reset_beyond_MaxRateLimitWait_throws_RateLimitExceededException_at_once()
    {
        await using var emulator = await StartAsync(TimeSpan.FromSeconds(30));
        using var a = NewPluginTests(emulator);
        for (var i = 0; i < Permits; i++)
        {
            await a.GetCurrentUserAsync(Ct);
        }

        using var b = NewPluginTests(emulator, resilience: r => r.MaxRateLimitWait = TimeSpan.FromSeconds(2));
        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<RateLimitExceededException>(() => b.GetCurrentUserAsync(Ct));
        watch.Stop();

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.InRange(ex.RetryAfter!.Value, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(30));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"no waiting (took {watch.Elapsed})");
        Assert.Equal(1, emulator.Stats.RateLimited);
        Assert.DoesNotContain(EmulatorKeys.PluginTestsDemo, ex.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// JIT-compiles the client and the emulator with the other users' keys (separate windows), so that the timed part
    /// — spending the quota and the fresh client's call — fits well inside the demo key's 1-second window.
    /// </summary>
    private static async Task WarmUpAsync(EmulatorHost emulator)
    {
        using var pt = NewPluginTests(emulator, EmulatorKeys.PluginTestsOther);
        await pt.GetCurrentUserAsync(Ct);
        using var wu = NewWunderUpdates(emulator, EmulatorKeys.WunderUpdatesOther);
        await wu.ListPluginsAsync(Ct);
    }

    private static Task<EmulatorHost> StartAsync(TimeSpan window) =>
        EmulatorHost.StartAsync(new EmulatorOptions { RateLimit = new EmulatorRateLimit { PermitLimit = Permits, Window = window } }, Ct);

    private static void AssertWaitedOut(WireRecorder wire, TimeSpan elapsed, EmulatorHost emulator)
    {
        var responses = wire.Responses;
        Assert.Equal(2, responses.Count);
        Assert.Equal(HttpStatusCode.TooManyRequests, responses[0].Status);
        Assert.Equal(1, responses[0].Reset);
        Assert.Equal(HttpStatusCode.OK, responses[1].Status);
        // Waited the announced reset (1 s), give or take timer resolution.
        Assert.True(elapsed >= TimeSpan.FromSeconds(responses[0].Reset!.Value) - TimeSpan.FromMilliseconds(50), $"waited the reset (took {elapsed})");
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"did not wait much longer (took {elapsed})");
        Assert.True(emulator.Stats.RateLimited >= 1);
    }
}
