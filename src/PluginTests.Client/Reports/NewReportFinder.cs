namespace PluginTests.Client;

/// <summary>
/// Picks the report a queued test produced out of a plugin's report list. The service documents no link from a queued
/// job to its report, so this is a guess, kept tolerant:
/// <list type="bullet">
/// <item>a report whose <see cref="PluginReport.TestedAt"/> is at or after the moment the test was queued (cut to whole
/// seconds, the precision of the service's timestamps) is new; among several, the earliest wins (the first run after
/// queueing);</item>
/// <item>a report without <see cref="PluginReport.TestedAt"/> is new only when its slug was not listed at the first poll;
/// a dated match is preferred over it; one with neither date nor slug cannot be told apart and is ignored.</item>
/// </list>
/// </summary>
internal sealed class NewReportFinder
{
    private readonly DateTimeOffset _since;
    private HashSet<string>? _undatedAtFirstPoll;

    public NewReportFinder(DateTimeOffset queuedAt)
    {
        var ticks = queuedAt.UtcTicks - (queuedAt.UtcTicks % TimeSpan.TicksPerSecond);
        _since = new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <summary>Returns the new report in this poll's list, or null; the first call also records the undated reports already there.</summary>
    public PluginReport? Find(IReadOnlyList<PluginReport> reports)
    {
        var firstPoll = _undatedAtFirstPoll is null;
        _undatedAtFirstPoll ??= new HashSet<string>(StringComparer.Ordinal);
        PluginReport? dated = null;
        PluginReport? undated = null;
        foreach (var report in reports)
        {
            if (report is null)
            {
                continue;
            }

            if (report.TestedAt is { } testedAt)
            {
                if (testedAt >= _since && (dated?.TestedAt is not { } best || testedAt < best))
                {
                    dated = report;
                }
            }
            else if (report.Slug is { } slug)
            {
                if (firstPoll)
                {
                    _undatedAtFirstPoll.Add(slug);
                }
                else if (undated is null && !_undatedAtFirstPoll.Contains(slug))
                {
                    undated = report;
                }
            }
        }

        return dated ?? undated;
    }
}
