namespace PluginApis.FleetScenario;

/// <summary>The system clock shifted by a fixed offset: a worker whose wall clock is wrong. Timers and timestamps are unchanged.</summary>
internal sealed class OffsetClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
