using PluginApis.Testing;
using RichardSzalay.MockHttp;

namespace PluginTests.Client.Tests;

/// <summary>
/// A client over MockHttp with a recording transport and a parking clock. Timeouts are off unless a test sets them, so the
/// only timers armed are the waits under test and <see cref="ParkingClock.RunAsync"/> advances by exactly each of them.
/// </summary>
internal sealed class Harness : IDisposable
{
    /// <summary>Contains characters that are escaped in a query, so both the raw and the escaped form are checked for leaks.</summary>
    public const string ApiKey = "pt-KEY+/=s3cret";

    public static readonly Uri BaseAddress = new("https://pt.test/api/v1/");

    public Harness(Action<PluginTestsClientOptions>? configure = null)
    {
        Time = new ParkingClock(new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero));
        Recorder = new RecordingHandler(Time, Mock);
        var options = new PluginTestsClientOptions { ApiKey = ApiKey, BaseAddress = BaseAddress };
        options.Resilience.TimeProvider = Time;
        options.Resilience.UseJitter = false;
        options.Resilience.AttemptTimeout = Timeout.InfiniteTimeSpan;
        options.Resilience.TotalTimeout = Timeout.InfiniteTimeSpan;
        configure?.Invoke(options);
        Client = new PluginTestsClient(options, Recorder);
    }

    public MockHttpMessageHandler Mock { get; } = new();

    public ParkingClock Time { get; }

    public RecordingHandler Recorder { get; }

    public PluginTestsClient Client { get; }

    public IReadOnlyList<SentRequest> Requests => Recorder.Requests;

    public static string Url(string relative) => BaseAddress.AbsoluteUri + relative;

    public void Dispose()
    {
        Client.Dispose();
        Recorder.Dispose();
        Mock.Dispose();
    }
}
