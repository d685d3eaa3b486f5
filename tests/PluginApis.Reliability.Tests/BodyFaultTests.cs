using System.Net;
using PluginApis.Emulator;
using PluginApis.Http;
using PluginApis.Testing;
using PluginTests.Client;
using WunderUpdates.Client;

namespace PluginApis.Reliability.Tests;

/// <summary>
/// Regressions found by the fault run: a connection lost (or stalled) in the middle of a response body used to escape the retry
/// pipeline, because HttpClient buffered the body after the pipeline had returned; and a streamed list leaked a raw HttpIOException.
/// </summary>
public sealed class BodyFaultTests
{
    /// <summary>
    /// The clients run on a parking clock: the attempt timeout fires only when the test advances the clock, and it does so
    /// only once the fault handler says the attempt has stalled — so a slow machine can never time out the good attempt too.
    /// Retries go without backoff, so no other timer needs advancing.
    /// </summary>
    [Theory]
    [InlineData(FaultKind.AfterBodyReset)]
    [InlineData(FaultKind.AfterStall)]
    public async Task A_GET_whose_body_is_cut_off_is_retried_and_succeeds(FaultKind fault)
    {
        await using var emu = await Rig.StartEmulatorAsync();
        using var sockets = Rig.Sockets();
        var clock = new ParkingClock();
        using var handler = new FaultInjectionHandler(1, 0, clock) { InnerHandler = sockets, Script = new([fault]) };
        void OnClock(ApiResilienceOptions r)
        {
            Rig.Fast(r);
            r.BaseDelay = TimeSpan.Zero;
            r.MaxBackoffDelay = TimeSpan.Zero;
            r.TimeProvider = clock;
        }

        using var pt = Rig.Pt(emu, handler, OnClock);
        using var wu = Rig.Wu(emu, handler, OnClock);
        var call = new CallRecord("GetPlugin", true, null);
        FaultInjectionHandler.Current.Value = call;

        var plugin = await TimeOutStallAsync(pt.GetPluginAsync("wporg", "akismet", Rig.Ct));

        Assert.Equal("akismet", plugin.Slug);
        Assert.Equal([fault, FaultKind.None], call.Attempts.Select(a => a.Kind));
        handler.Script!.Enqueue(fault);
        Assert.Contains(await TimeOutStallAsync(wu.ListPluginsAsync(Rig.Ct)), p => p.Slug == "demo-pro");

        async Task<T> TimeOutStallAsync<T>(Task<T> running)
        {
            if (fault == FaultKind.AfterStall)
            {
                await handler.NextStallAsync(Rig.Ct);
                var attemptTimeout = TimeSpan.FromSeconds(3); // Rig.Fast
                Assert.Equal(attemptTimeout, clock.Pending[0]);
                clock.Advance(attemptTimeout);
            }

            return await running;
        }
    }

    [Fact]
    public async Task A_POST_whose_body_is_cut_off_after_processing_is_not_sent_again()
    {
        await using var emu = await Rig.StartEmulatorAsync();
        using var sockets = Rig.Sockets();
        using var handler = new FaultInjectionHandler(1, 0) { InnerHandler = sockets, Script = new([FaultKind.AfterBodyReset]) };
        using var pt = Rig.Pt(emu, handler);

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => pt.EnqueueTestAsync(new EnqueueTestRequest("wporg", "akismet"), Rig.Ct));

        Assert.Equal(1, emu.Stats.TestQueueJobsCreated);
        Assert.DoesNotContain(Rig.PluginTestsCanary, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_streamed_list_cut_off_mid_body_throws_HttpRequestException_not_a_raw_IOException()
    {
        await using var emu = await Rig.StartEmulatorAsync(o => o.GeneratedTableCount = 2000);
        using var sockets = Rig.Sockets();
        using var handler = new FaultInjectionHandler(1, 0) { InnerHandler = sockets, Script = new([FaultKind.AfterBodyReset]) };
        using var pt = Rig.Pt(emu, handler);
        var seen = 0;

        var ex = await Assert.ThrowsAsync<HttpRequestException>(async () =>
        {
            await foreach (var _ in pt.ListPluginTablesAsync(ActiveInstalls.AtLeast10, Rig.Ct))
            {
                seen++;
            }
        });

        Assert.Equal(HttpRequestError.ResponseEnded, ex.HttpRequestError);
        Assert.Equal(HttpStatusCode.OK, ex.StatusCode);
        Assert.IsAssignableFrom<IOException>(ex.InnerException);
        Assert.Contains($"after {seen} element(s)", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Rig.PluginTestsCanary, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(Rig.PluginTestsCanary), ex.ToString(), StringComparison.Ordinal);
    }
}
