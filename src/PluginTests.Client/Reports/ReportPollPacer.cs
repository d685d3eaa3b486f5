using PluginApis.Http;

namespace PluginTests.Client;

/// <summary>
/// Chooses the pause before the next poll of a report list. The rule (documented on
/// <see cref="IPluginTestsClient.WaitForReportAsync(string, string, DateTimeOffset, TimeSpan?, CancellationToken)"/>):
/// <list type="number">
/// <item>Own pace: <see cref="MinInterval"/> after the first poll, growing by half each poll up to <see cref="MaxInterval"/>.</item>
/// <item>Window share: in each rate-limit window (known from <c>Ratelimit-Remaining</c> + <c>Ratelimit-Reset</c>) the polls
/// after the first one that saw the window spend at most <see cref="QuotaShare"/> of the requests that poll saw left, and
/// never more than that share of what is left now; they are spread evenly until the reset. With no share left, the next
/// poll waits for the reset (plus <see cref="ResetMargin"/>, as the reset is announced in whole seconds).</item>
/// <item>Policy share: for every announced policy (<c>quota;w=window</c>) at most <see cref="QuotaShare"/> of the quota per window.</item>
/// <item>A <c>Retry-After</c> the last response carried is waited out.</item>
/// </list>
/// The pause is the longest of these and never below <see cref="MinInterval"/>. <see cref="MaxInterval"/> caps only the own
/// pace: the quota rules may lengthen a pause up to a window reset or a policy's share, never more.
/// </summary>
internal sealed class ReportPollPacer
{
    /// <summary>The part of the quota polling may use.</summary>
    public const double QuotaShare = 0.25;

    /// <summary>How much the own pace grows per poll.</summary>
    public const double Growth = 1.5;

    /// <summary>Added to a wait for a window reset.</summary>
    public static readonly TimeSpan ResetMargin = TimeSpan.FromSeconds(1);

    /// <summary>The default shortest pause.</summary>
    public static readonly TimeSpan DefaultMinInterval = TimeSpan.FromSeconds(2);

    /// <summary>The default longest own pace.</summary>
    public static readonly TimeSpan DefaultMaxInterval = TimeSpan.FromSeconds(30);

    private TimeSpan _ownPace;
    private DateTimeOffset? _windowEnd;
    private int _windowBudget;

    public ReportPollPacer(TimeSpan minInterval, TimeSpan maxInterval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInterval, minInterval);
        MinInterval = minInterval;
        MaxInterval = maxInterval;
        _ownPace = minInterval;
    }

    public TimeSpan MinInterval { get; }

    public TimeSpan MaxInterval { get; }

    /// <summary>Returns the pause before the next poll, given the rate-limit state the last poll left and the time now.</summary>
    public TimeSpan Next(RateLimitInfo? rateLimit, DateTimeOffset now)
    {
        var pause = _ownPace;
        _ownPace = Min(MaxInterval, TimeSpan.FromTicks((long)(_ownPace.Ticks * Growth)));
        if (rateLimit is null || rateLimit.IsEmpty)
        {
            return pause;
        }

        foreach (var policy in rateLimit.Policies)
        {
            var share = Math.Max(1, (int)(policy.Quota * QuotaShare));
            pause = Max(pause, policy.Window / share);
        }

        if (rateLimit.RetryAfter is { } retryAfter)
        {
            pause = Max(pause, rateLimit.ObservedAt + retryAfter - now);
        }

        if (rateLimit.Remaining is { } remaining)
        {
            pause = Max(pause, WindowSharePause(remaining, rateLimit.ResetsAt, now));
        }

        return Max(pause, MinInterval);
    }

    private TimeSpan WindowSharePause(int remaining, DateTimeOffset? resetsAt, DateTimeOffset now)
    {
        var shareOfLeft = (int)(Math.Max(0, remaining) * QuotaShare);
        if (resetsAt is not { } end)
        {
            // Remaining without a reset time: keep to the own pace while a share is left, else the longest pause.
            return shareOfLeft >= 1 ? TimeSpan.Zero : MaxInterval;
        }

        var newWindow = _windowEnd is not { } known || now >= known || end - known > ResetMargin;
        if (newWindow)
        {
            _windowEnd = end;
            _windowBudget = shareOfLeft;
        }
        else
        {
            _windowBudget = Math.Max(0, _windowBudget - 1);
        }

        var allowed = Math.Min(_windowBudget, shareOfLeft);
        var untilReset = Max(TimeSpan.Zero, end - now);
        return allowed >= 1 ? untilReset / allowed : untilReset + ResetMargin;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
