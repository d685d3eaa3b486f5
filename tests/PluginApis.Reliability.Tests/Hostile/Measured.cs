namespace PluginApis.Reliability.Tests.Hostile;

/// <summary>
/// Tests that measure the process's allocations: they run alone (after the parallel tests), so what another test allocates
/// meanwhile cannot be counted against them.
/// </summary>
[CollectionDefinition(nameof(Measured), DisableParallelization = true)]
public sealed class Measured
{
    /// <summary>Bytes allocated (all threads) while <paramref name="action"/> ran, and what it threw.</summary>
    public static async Task<(long Allocated, Exception? Error)> AllocationsOfAsync(Func<Task> action)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = await Record.ExceptionAsync(action);
        return (GC.GetTotalAllocatedBytes(precise: true) - before, error);
    }

    /// <summary>Writes a figure for the reliability report to the test output.</summary>
    public static void Report(string text) => TestContext.Current.TestOutputHelper?.WriteLine(text);
}
