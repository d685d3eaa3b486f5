using System.Globalization;
using PluginApis.Http;

namespace PluginApis.Quota.Redis;

/// <summary>What a response tells the shared schedule, in the units of the scripts (microseconds, -1 = not said).</summary>
internal readonly record struct ObservedQuota(string Policy, long Remaining, long EarliestResetUs, long LatestResetUs, long RetryAfterUs, bool RateLimited)
{
    public static ObservedQuota From(QuotaObservation observation, TimeSpan defaultWindow)
    {
        var info = observation.RateLimit;
        if (info is null)
        {
            return new ObservedQuota(string.Empty, -1, -1, -1, -1, observation.RateLimited);
        }

        var reset = info.Reset is { } r && r >= TimeSpan.Zero ? r : (TimeSpan?)null;
        // Resets are announced in whole seconds, rounded up: the window may end up to a second earlier.
        var earliest = reset is { } e && e.Ticks % TimeSpan.TicksPerSecond == 0 && e >= TimeSpan.FromSeconds(1) ? e - TimeSpan.FromSeconds(1) : reset;
        return new ObservedQuota(
            PolicyOf(info, defaultWindow) ?? string.Empty,
            info.Remaining is { } remaining && remaining >= 0 ? remaining : -1,
            Micros(earliest),
            Micros(reset),
            Micros(info.RetryAfter is { } retry && retry >= TimeSpan.Zero ? retry : null),
            observation.RateLimited);
    }

    /// <summary>
    /// The policy to pace by, as <c>limit:windowMs</c>: of the announced policies the one with the lowest rate (pacing at it
    /// keeps every other too), else the limit in force over the announced or default window; null when nothing was announced.
    /// </summary>
    public static string? PolicyOf(RateLimitInfo info, TimeSpan defaultWindow)
    {
        (int Quota, TimeSpan Window)? slowest = null;
        foreach (var policy in info.Policies)
        {
            if (policy.Quota >= 1 && policy.Window >= TimeSpan.FromMilliseconds(1) &&
                (slowest is not { } s || policy.Quota / policy.Window.TotalMilliseconds < s.Quota / s.Window.TotalMilliseconds))
            {
                slowest = (policy.Quota, policy.Window);
            }
        }

        if (slowest is null && info.Limit is { } limit && limit >= 1)
        {
            slowest = (limit, defaultWindow);
        }

        return slowest is { } chosen ? Format(chosen.Quota, chosen.Window) : null;
    }

    public static string Format(int limit, TimeSpan window) =>
        string.Create(CultureInfo.InvariantCulture, $"{limit}:{Math.Max(1, (long)window.TotalMilliseconds)}");

    private static long Micros(TimeSpan? value) => value is { } v ? v.Ticks / 10 : -1;
}
