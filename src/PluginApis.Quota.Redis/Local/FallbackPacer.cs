namespace PluginApis.Quota.Redis;

/// <summary>
/// The schedule one process keeps while Redis is unreachable: its share of the quota, <c>limit / processes</c> per window,
/// paced like the shared schedule. Each outage starts it one spacing after the last shared slot this process saw, so the
/// requests of both schedules never crowd one window. A 429 or a spent window announced to this process pauses it. Thread-safe.
/// </summary>
internal sealed class FallbackPacer
{
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _sent = new();
    private int _covered;
    private DateTimeOffset _next;
    private DateTimeOffset _pausedUntil;
    private int _outage = -1;

    /// <summary>
    /// The spacing of one process's share: whole requests per window, less the margin, so that all processes together stay
    /// within the limit in any window even with some jitter; with more processes than the limit allows requests, an even
    /// share (within the limit on average).
    /// </summary>
    public static TimeSpan Spacing(int limit, TimeSpan window, int processes, double margin)
    {
        var processes1 = Math.Max(1, processes);
        var perProcess = (int)Math.Floor(limit / (processes1 * (1 + margin)));
        return perProcess >= 1 ? window / perProcess * (1 + margin) : window * processes1 / limit * (1 + margin);
    }

    /// <summary>Reserves the next slot, or says how long to wait before asking again (longer than <paramref name="maxWait"/>: give up).</summary>
    public (bool Reserved, TimeSpan Wait) Reserve(DateTimeOffset now, TimeSpan spacing, int outage, DateTimeOffset? sharedNext, TimeSpan maxWait, TimeSpan queueLimit)
    {
        lock (_gate)
        {
            if (outage != _outage)
            {
                _outage = outage;
                _next = sharedNext is { } shared ? Max(now + spacing, shared) : now;
            }

            var start = Max(Max(_next, now), _pausedUntil);
            var wait = start - now;
            if (wait > maxWait)
            {
                return (false, wait);
            }

            if (wait > queueLimit)
            {
                return (false, wait - queueLimit);
            }

            _next = start + spacing;
            _sent.Enqueue(start);
            return (true, wait);
        }
    }

    /// <summary>
    /// The fallback slots of the last <paramref name="window"/> (and later), which the shared schedule must make room for
    /// when this process shares again; <see cref="Charged"/> forgets them once Redis took them.
    /// </summary>
    public int Uncharged(DateTimeOffset now, TimeSpan window)
    {
        lock (_gate)
        {
            while (_sent.Count > 0 && _sent.Peek() < now - window)
            {
                _sent.Dequeue();
            }

            return Math.Max(0, _sent.Count - _covered);
        }
    }

    /// <summary>A shared slot Redis reserved for a call that had already fallen back: it stands for one request sent alone.</summary>
    public void Covered()
    {
        lock (_gate)
        {
            _covered++;
        }
    }

    public void Charged()
    {
        lock (_gate)
        {
            _sent.Clear();
            _covered = 0;
        }
    }

    public bool IsPaused(DateTimeOffset at)
    {
        lock (_gate)
        {
            return at < _pausedUntil;
        }
    }

    /// <summary>Nothing goes before <paramref name="until"/> (a 429, or a window the server says is spent).</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            _pausedUntil = Max(_pausedUntil, until);
        }
    }

    /// <summary>A reserved slot was not used: the next request may take it.</summary>
    public void GiveBack(DateTimeOffset now, TimeSpan spacing)
    {
        lock (_gate)
        {
            _next = Max(now, _next - spacing);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
