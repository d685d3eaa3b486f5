using Microsoft.Extensions.Time.Testing;

namespace PluginApis.Quota.Redis.Tests;

/// <summary>A fake clock that tells when the code under test starts waiting on it, so a test advances it only then.</summary>
internal sealed class ParkingClock : FakeTimeProvider
{
    private readonly SemaphoreSlim _timers = new(0);

    public ParkingClock()
        : base(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Release();
        return timer;
    }

    /// <summary>Forgets the waits that started so far.</summary>
    public void Drain()
    {
        while (_timers.Wait(0))
        {
        }
    }

    /// <summary>Completes once the code under test has created a timer (a wait) on this clock.</summary>
    public Task WaitForParkingAsync() => _timers.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(t => Assert.True(t.Result, "nothing waited on the clock"));
}
