using System.Globalization;

namespace PluginApis.FleetScenario;

/// <summary>The figures of one fleet run, printed as the lines docs/benchmarks.md quotes, and the pass/fail of a check run.</summary>
internal sealed record FleetReport(
    int Workers, int Limit, TimeSpan Window, double Seconds, bool Shared, long Ok, long RateLimited, double Capacity,
    IReadOnlyList<WorkerProcess> Processes, IReadOnlyList<(double T, long Ok, long Limited)> Series, Timeline Timeline)
{
    public double Utilisation => Ok / Capacity;

    public void Print()
    {
        var store = Shared ? "Redis store (shared)" : "in-process store (per-process throttling)";
        Line($"fleet: {Workers} worker processes, one key, {Limit} requests per {Window.TotalSeconds:0.#} s, {Seconds:0} s, {store}");
        Line($"  answered 200: {Ok}, 429: {RateLimited}, quota used: {Utilisation:P1} of {Capacity:0} ({Limit} x {Seconds:0} s / {Window.TotalSeconds:0.#} s)");
        var summaries = Processes.Where(p => p.Summary is not null).ToList();
        if (summaries.Count > 0)
        {
            Line($"  per worker: 200s {summaries.Min(p => p.Value("ok")):0}..{summaries.Max(p => p.Value("ok")):0}, " +
                 $"store time p50 {summaries.Average(p => p.Value("store_p50_us")):0} us, p99 {summaries.Max(p => p.Value("store_p99_us")):0} us (worst worker)");
        }

        if (Environment.GetEnvironmentVariable("FLEET_SERIES") == "1")
        {
            var steps = Enumerable.Range(0, (int)(Seconds / Window.TotalSeconds)).Select(i => At((i + 1) * Window.TotalSeconds).Ok - At(i * Window.TotalSeconds).Ok);
            Line($"  200s per window: {string.Join(' ', steps)}");
        }

        if (Timeline.Killed is { } killed)
        {
            var steady = Between(killed + Window.TotalSeconds, Timeline.RedisDown ?? Seconds);
            Line($"  kill -9 of {Processes.Count(p => p.Killed)} workers at {killed:0.0} s: 429s in the next 5 s: {LimitedIn(killed, killed + 5)}; " +
                 $"quota used by the rest until the next fault: {steady:P1}");
        }

        if (Timeline.RedisDown is { } down && Timeline.RedisUp is { } up)
        {
            Line($"  Redis killed at {down:0.0} s, restarted at {up:0.0} s: 429s from {down:0.0} s to {up + 5:0.0} s: {LimitedIn(down, up + 5)}; " +
                 $"quota used meanwhile: {Between(down, up + 5):P1}");
            var back = Processes.Where(p => !p.Killed).Select(p => BackToShared(p, up)).ToList();
            Line($"  shared mode back after the restart: {back.Count(b => b is not null)} of {back.Count} workers, slowest after {back.Max() ?? double.NaN:0.00} s");
            Line($"  quota used after recovery: {Between(up + 5, Seconds):P1}");
        }

        var fallbacks = Processes.Sum(p => p.Lines.Count(l => l.EndsWith(" fallback", StringComparison.Ordinal)));
        if (Shared)
        {
            Line($"  calls Redis did not answer within 250 ms (paced alone): {fallbacks} times in {Processes.Count(p => p.Lines.Any(l => l.EndsWith(" fallback", StringComparison.Ordinal)))} workers" +
                 (Timeline.RedisDown is null ? "" : ", the Redis outage included"));
        }
    }

    public bool Passes(Args args)
    {
        var ok = true;
        if (args.Get("max-429") is { } max && RateLimited > int.Parse(max, CultureInfo.InvariantCulture))
        {
            Line($"FAIL: {RateLimited} 429s, at most {max} expected");
            ok = false;
        }

        if (args.Get("min-used") is { } min && Utilisation < double.Parse(min, CultureInfo.InvariantCulture))
        {
            Line($"FAIL: quota used {Utilisation:P1}, at least {double.Parse(min, CultureInfo.InvariantCulture):P0} expected");
            ok = false;
        }

        if (args.Get("min-429") is { } least && RateLimited < int.Parse(least, CultureInfo.InvariantCulture))
        {
            Line($"FAIL: {RateLimited} 429s, at least {least} expected of per-process throttling");
            ok = false;
        }

        return ok;
    }

    private long LimitedIn(double from, double to) => At(to).Limited - At(from).Limited;

    private double Between(double from, double to) =>
        to <= from ? double.NaN : (At(to).Ok - At(from).Ok) / (Limit * (to - from) / Window.TotalSeconds);

    private (double T, long Ok, long Limited) At(double t) => Series.LastOrDefault(s => s.T <= t, Series.Count > 0 ? Series[0] : default);

    private static double? BackToShared(WorkerProcess process, double restartedAt)
    {
        var modes = process.Lines.Where(l => l.StartsWith("mode ", StringComparison.Ordinal)).Select(l => l.Split(' ')).ToList();
        var shared = modes.Where(m => m[2] == "shared").Select(m => double.Parse(m[1], CultureInfo.InvariantCulture) / 1000).Where(t => t >= restartedAt - 1);
        return modes.Count == 0 ? 0 : shared.Any() ? Math.Max(0, shared.Min() - restartedAt) : null;
    }

    private static void Line(string text) => Console.WriteLine(text);
}
