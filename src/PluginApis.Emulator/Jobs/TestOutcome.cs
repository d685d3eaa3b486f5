using PluginApis.Emulator.State;

namespace PluginApis.Emulator.Jobs;

/// <summary>
/// What a test found. <see cref="Package"/> is null for a <c>stable</c> job (the known plugin is reported as it is) and for a
/// package that could not be fetched or read (then <see cref="Errors"/> says why).
/// </summary>
internal sealed record TestOutcome(PackageFindings? Package, IReadOnlyList<PtReportError> Errors)
{
    /// <summary>A <c>stable</c> job: the seeded/known plugin, tested without errors.</summary>
    public static TestOutcome KnownPlugin { get; } = new(null, []);

    public static TestOutcome Failed(string type, string message) => new(null, [new PtReportError(type, message, null, null)]);
}

/// <summary>What the scan of a readable plugin ZIP found.</summary>
internal sealed record PackageFindings(string Name, string Version, IReadOnlyList<PtTable> Tables, IReadOnlyList<PtOption> Options);
