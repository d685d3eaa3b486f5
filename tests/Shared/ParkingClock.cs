using Microsoft.Extensions.Time.Testing;

namespace PluginApis.Testing;

/// <summary>
/// A fake clock that knows which timers are armed, so a test advances time only when the code under test is parked on it,
/// and by exactly the time it waits for: no real pauses, no tolerances. Timer callbacks run inside <see cref="FakeTimeProvider.Advance"/>,
/// and the SDK's continuations run inline after them, so when <see cref="Advance"/> returns the code has moved on to its
/// next wait (or finished).
/// </summary>
public sealed class ParkingClock : FakeTimeProvider
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly Lock _gate = new();
    private readonly List<Tracked> _armed = [];

    /// <summary>Starts the clock at <paramref name="start"/> (default 2026-11-23 12:00 UTC).</summary>
    public ParkingClock(DateTimeOffset? start = null)
        : base(start ?? new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>How long until each armed timer fires, soonest first.</summary>
    public IReadOnlyList<TimeSpan> Pending
    {
        get
        {
            var now = GetUtcNow();
            lock (_gate)
            {
                return [.. _armed.Select(t => t.DueAt - now).Order()];
            }
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new Tracked(this);
        tracked.Inner = base.CreateTimer(s => tracked.Fire(callback, s), state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        tracked.Change(dueTime, period);
        return tracked;
    }

    /// <summary>Waits (condition-based, never by a time tolerance) until a timer is armed or <paramref name="task"/> completed; returns the soonest wait, or null when done.</summary>
    public async Task<TimeSpan?> ParkedAsync(Task? task = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (task?.IsCompleted == true)
            {
                return null;
            }

            var pending = Pending;
            if (pending.Count > 0)
            {
                return pending[0];
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The code under test neither finished nor parked on the clock.");
            }

            await Task.Delay(1);
        }
    }

    /// <summary>Advances to each next armed timer in turn until <paramref name="task"/> completes; returns the waits taken.</summary>
    public async Task<IReadOnlyList<TimeSpan>> RunAsync(Task task, TimeSpan? limit = null)
    {
        var waits = new List<TimeSpan>();
        var total = TimeSpan.Zero;
        while (await ParkedAsync(task) is { } wait)
        {
            total += wait;
            if (total > (limit ?? TimeSpan.FromDays(1)))
            {
                throw new TimeoutException($"The code under test was still waiting after {total} of fake time.");
            }

            waits.Add(wait);
            Advance(wait);
        }

        return waits;
    }

    private sealed class Tracked(ParkingClock clock) : ITimer
    {
        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset DueAt { get; private set; }

        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            // The inner timer is scheduled under the same lock that shows this one as armed: shown first and scheduled
            // after, a test that saw it parked could advance the clock in between, and the inner timer was then scheduled
            // from the advanced time, never to fire (RunAsync spun on a wait of zero).
            lock (clock._gate)
            {
                clock._armed.Remove(this);
                _period = period;
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    DueAt = clock.GetUtcNow() + dueTime;
                    clock._armed.Add(this);
                }

                return Inner.Change(dueTime, period);
            }
        }

        public void Fire(TimerCallback callback, object? state)
        {
            lock (clock._gate)
            {
                clock._armed.Remove(this);
                if (_period != Timeout.InfiniteTimeSpan && _period != TimeSpan.Zero)
                {
                    DueAt = clock.GetUtcNow() + _period;
                    clock._armed.Add(this);
                }
            }

            callback(state);
        }

        public void Dispose()
        {
            lock (clock._gate)
            {
                clock._armed.Remove(this);
            }

            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
