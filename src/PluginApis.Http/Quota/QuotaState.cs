namespace PluginApis.Http;

/// <summary>The quota of one scope as <see cref="InProcessQuotaStore"/> knows it. Not thread-safe: the store locks around it.</summary>
internal sealed class QuotaState
{
    /// <summary>The limit of the window, from the last response that said.</summary>
    public int? Limit { get; private set; }

    /// <summary>Requests the store may still let go in this window: the server's count minus the requests it has not counted yet.</summary>
    public int? Remaining { get; private set; }

    /// <summary>When the current window resets, if known.</summary>
    public DateTimeOffset? ResetsAt { get; private set; }

    /// <summary>Until when a 429 paused every caller of the scope.</summary>
    public DateTimeOffset? PausedUntil { get; private set; }

    private int _inFlight;
    private int _windowResponses;
    private int? _serverRemaining;
    private DateTimeOffset _learnedAt;
    private bool _probeOut;

    /// <summary>Takes one request from the known count (leaving <paramref name="reserve"/>); true when it may go.</summary>
    public bool TryTake(int reserve)
    {
        if (PausedUntil is not null)
        {
            return false;
        }

        if (Remaining is { } remaining)
        {
            if (remaining <= reserve)
            {
                // Spent. Without a known reset there is nothing to wait for: let the request go and learn.
                if (ResetsAt is not null)
                {
                    return false;
                }
            }
            else
            {
                Remaining = remaining - 1;
            }
        }

        _inFlight++;
        return true;
    }

    /// <summary>Ends a pause or a window that is over; after a reset the full limit is assumed until a response says otherwise.</summary>
    public void Roll(DateTimeOffset now)
    {
        if (PausedUntil is { } paused && now >= paused)
        {
            PausedUntil = null;
        }

        if (ResetsAt is { } resetsAt && now >= resetsAt)
        {
            Remaining = Limit;
            ResetsAt = null;
            _windowResponses = 0;
            _serverRemaining = null;
        }
    }

    /// <summary>How long until the scope may send again: the end of a pause, and of a spent window.</summary>
    public TimeSpan WaitUntil(DateTimeOffset now, int reserve)
    {
        var until = now;
        if (PausedUntil is { } paused && paused > until)
        {
            until = paused;
        }

        if (Remaining is { } remaining && remaining <= reserve && ResetsAt is { } resetsAt && resetsAt > until)
        {
            until = resetsAt;
        }

        return until - now;
    }

    /// <summary>True (and the probe is out) when one request may test a wait longer than the caller accepts.</summary>
    public bool MayProbe(DateTimeOffset now, TimeSpan maxWait)
    {
        if (_probeOut || now - _learnedAt < maxWait)
        {
            return false;
        }

        _probeOut = true;
        _inFlight++;
        return true;
    }

    /// <summary>A request sent under a grant got its answer (or failed without one).</summary>
    public void Answered(bool probe)
    {
        _inFlight = Math.Max(0, _inFlight - 1);
        _probeOut &= !probe;
    }

    /// <summary>A reserved request was never sent.</summary>
    public void GiveBack(bool probe)
    {
        Answered(probe);
        if (Remaining is { } remaining && (Limit is not { } limit || remaining < limit))
        {
            Remaining = remaining + 1;
        }
    }

    /// <summary>Learns what a response announced: the server's count wins over the local one.</summary>
    public void Learn(RateLimitInfo info, bool rateLimited)
    {
        _learnedAt = info.ObservedAt;
        if (info.Limit is { } limit)
        {
            Limit = limit;
        }

        var resetsAt = info.RetryAfter is { } retryAfter ? info.ObservedAt + retryAfter : info.ResetsAt;
        var sameWindow = ResetsAt is { } known && known > info.ObservedAt && resetsAt is { } next && next < known + TimeSpan.FromSeconds(1);
        // The same reset give or take the rounding to whole seconds: answers about one window, which may arrive out of order.
        var sameCount = sameWindow && (resetsAt!.Value - ResetsAt!.Value).Duration() <= TimeSpan.FromSeconds(1);
        if (resetsAt is { } at)
        {
            // Resets are whole seconds rounded up: within one window the earliest estimate is the closest.
            ResetsAt = sameWindow ? Min(ResetsAt!.Value, at) : at;
        }

        _windowResponses = sameWindow ? _windowResponses + 1 : 1;
        if (info.Remaining is { } announced)
        {
            // Concurrent answers arrive in any order: within one window the lowest count announced is the latest the server
            // has said, and an older, higher one arriving after it never raises it (that would let requests go into a spent window).
            var remaining = sameCount && _serverRemaining is { } lowest ? Math.Min(lowest, announced) : announced;
            _serverRemaining = remaining;

            // The server has counted Limit - Remaining requests of this window, WindowResponses of them answered; the rest
            // of its count are requests still in flight (this store being the key's only user). Only in-flight requests
            // beyond that are yet to be taken from what it announced. Nothing else is kept from local counting, so a
            // sliding window that keeps announcing the same Remaining is never spent locally.
            var counted = Limit is { } windowLimit ? Math.Clamp(windowLimit - remaining - _windowResponses, 0, _inFlight) : 0;
            Remaining = Math.Max(0, remaining - (_inFlight - counted));
        }

        if (rateLimited && resetsAt is { } pauseUntil)
        {
            PausedUntil = PausedUntil is { } paused ? Max(paused, pauseUntil) : pauseUntil;
            Remaining = 0;
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
