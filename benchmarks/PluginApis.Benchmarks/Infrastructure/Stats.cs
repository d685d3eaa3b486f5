namespace PluginApis.Benchmarks.Infrastructure;

/// <summary>Summary statistics for the scenario tables.</summary>
internal static class Stats
{
    /// <summary>The median (the mean of the two middle values for an even count).</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
