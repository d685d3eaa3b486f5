using System.Net;
using Microsoft.Extensions.Time.Testing;
using PluginApis.Http;
using StackExchange.Redis;

namespace PluginApis.Quota.Redis.Tests;

/// <summary>Redis slow or down: each process paces itself with its share within 250 ms, and returns to the shared schedule.</summary>
public sealed class FallbackTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(600);
    private readonly string _prefix = Quota.NewPrefix();

    [Fact]
    public async Task A_slow_redis_is_left_after_250_ms_and_used_again_by_the_next_call_once_it_answers()
    {
        await using var server = await RedisServer.StartAsync();
        await using var connection = await server.ConnectAsync();
        await using var admin = await server.ConnectAsync();
        var clock = new ParkingClock();
        var store = new RedisQuotaStore(connection, Quota.Options(clock, _prefix));
        var scope = Quota.Scope();
        await Quota.TeachAsync(store, scope, 60, Window, connection);

        var paused = admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", "1500", "ALL");
        await paused;
        clock.Drain();
        var call = store.AcquireAsync(scope, Quota.MaxWait, Quota.Ct).AsTask();
        await clock.WaitForParkingAsync();
        clock.Advance(TimeSpan.FromMilliseconds(249));
        Assert.False(call.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var grant = await call;

        Assert.False(store.IsShared);
        Assert.False(grant.Reserved);   // its share: one slot per 4.1 s... queued after the last shared slot it saw
        Assert.True(grant.Delay > TimeSpan.Zero);

        // The pause ends by itself (a command of the admin connection completes then): the next call shares again.
        await admin.GetDatabase().PingAsync();
        await store.AcquireAsync(scope, Quota.MaxWait, Quota.Ct);
        Assert.True(store.IsShared);
    }

    [Fact]
    public async Task A_stopped_redis_is_left_at_once_each_process_takes_its_share_and_shared_pacing_resumes_after_a_restart()
    {
        var server = await RedisServer.StartAsync();
        await using var _ = server;
        await using var connection = await server.ConnectAsync();
        var clock = new FakeTimeProvider();
        var store = new RedisQuotaStore(connection, Quota.Options(clock, _prefix));
        var scope = Quota.Scope();
        await Quota.TeachAsync(store, scope, 60, Window, connection);
        for (var i = 0; i < 3; i++)
        {
            // Three more processes use the key: this one's share is a quarter.
            await new RedisQuotaStore(connection, Quota.Options(new FakeTimeProvider(), _prefix)).AcquireAsync(scope, TimeSpan.Zero, Quota.Ct);
        }

        await store.AcquireAsync(scope, TimeSpan.Zero, Quota.Ct);
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ConnectionFailed += (_, _) => failed.TrySetResult();
        await server.StopAsync();
        await failed.Task.WaitAsync(TimeSpan.FromSeconds(30), Quota.Ct);

        var first = await store.AcquireAsync(scope, Quota.MaxWait, Quota.Ct);   // no clock advanced: answered at once
        Assert.False(store.IsShared);
        var share = TimeSpan.FromSeconds(600.0 / 14 * 1.03);    // 60 per 600 s over 4 processes, less the margin: 14 each
        Assert.False(first.Reserved);
        Assert.Equal(share.TotalMilliseconds, first.Delay.TotalMilliseconds, 3);   // one share-spacing after the outage began
        clock.Advance(first.Delay);
        Assert.True((await store.AcquireAsync(scope, Quota.MaxWait, Quota.Ct)).Reserved);
        Assert.Equal(share.TotalMilliseconds, (await store.AcquireAsync(scope, Quota.MaxWait, Quota.Ct)).Delay.TotalMilliseconds, 3);
        await store.RecordAsync(scope, QuotaGrant.Now, QuotaObservation.NoResponse, Quota.Ct);   // never throws while down

        var restored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive)
            {
                restored.TrySetResult();
            }
        };
        await server.RestartAsync();
        await restored.Task.WaitAsync(TimeSpan.FromSeconds(30), Quota.Ct);
        var back = await store.AcquireAsync(scope, Quota.MaxWait, Quota.Ct);
        Assert.True(store.IsShared);
        // The restarted Redis knows nothing; this process's two fallback slots of the last window are made room for first.
        Assert.False(back.Reserved);
        Assert.True(back.Delay > TimeSpan.FromMicroseconds(2 * Quota.Spacing(60, Window)) - TimeSpan.FromSeconds(1), $"waits {back.Delay}");
    }

    [Fact]
    public async Task A_redis_never_reached_never_delays_the_first_call()
    {
        var options = new ConfigurationOptions { AbortOnConnectFail = false, ConnectTimeout = 200 };
        options.EndPoints.Add(IPAddress.Loopback, 1);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        var store = new RedisQuotaStore(connection, Quota.Options(new FakeTimeProvider(), _prefix));

        var grant = await store.AcquireAsync(Quota.Scope(), Quota.MaxWait, Quota.Ct);

        Assert.True(grant.Reserved);
        Assert.Equal(TimeSpan.Zero, grant.Delay);
        Assert.False(store.IsShared);
    }
}
