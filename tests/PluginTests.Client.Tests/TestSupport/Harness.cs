using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace PluginTests.Client.Tests;

/// <summary>A client over MockHttp with a recording transport and a fake clock.</summary>
internal sealed class Harness : IDisposable
{
    /// <summary>Contains characters that are escaped in a query, so both the raw and the escaped form are checked for leaks.</summary>
    public const string ApiKey = "pt-KEY+/=s3cret";

    public static readonly Uri BaseAddress = new("https://pt.test/api/v1/");

    public Harness(Action<PluginTestsClientOptions>? configure = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero));
        Recorder = new RecordingHandler(Time, Mock);
        var options = new PluginTestsClientOptions { ApiKey = ApiKey, BaseAddress = BaseAddress };
        options.Resilience.TimeProvider = Time;
        options.Resilience.UseJitter = false;
        configure?.Invoke(options);
        Client = new PluginTestsClient(options, Recorder);
    }

    public MockHttpMessageHandler Mock { get; } = new();

    public FakeTimeProvider Time { get; }

    public RecordingHandler Recorder { get; }

    public PluginTestsClient Client { get; }

    public IReadOnlyList<SentRequest> Requests => Recorder.Requests;

    public static string Url(string relative) => BaseAddress.AbsoluteUri + relative;

    /// <summary>Waits (real time, bounded) until the transport has seen <paramref name="count"/> requests, then lets the pipeline settle.</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Requests.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Expected {count} request(s), saw {Requests.Count}.");
            await Task.Delay(5);
        }

        await SettleAsync();
    }

    /// <summary>Advances the fake clock by <paramref name="duration"/> in small steps, letting continuations run between steps.</summary>
    public async Task AdvanceAsync(TimeSpan duration, TimeSpan? step = null)
    {
        var size = step ?? TimeSpan.FromMilliseconds(100);
        var left = duration;
        while (left > TimeSpan.Zero)
        {
            var now = left < size ? left : size;
            Time.Advance(now);
            left -= now;
            await SettleAsync();
        }
    }

    /// <summary>Advances the fake clock in small steps until <paramref name="task"/> completes; fails after <paramref name="limit"/> of fake time.</summary>
    public async Task DriveAsync(Task task, TimeSpan limit, TimeSpan? step = null)
    {
        var size = step ?? TimeSpan.FromMilliseconds(100);
        var start = Time.GetUtcNow();
        await SettleAsync(task);
        while (!task.IsCompleted)
        {
            Assert.True(Time.GetUtcNow() - start < limit, $"The call did not complete within {limit} of fake time.");
            Time.Advance(size);
            await SettleAsync(task);
        }
    }

    // Real time only for letting thread-pool continuations run; the waits under test use the fake clock.
    private static async Task SettleAsync(Task? task = null)
    {
        for (var i = 0; i < 4 && task?.IsCompleted != true; i++)
        {
            await Task.Delay(3);
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        Recorder.Dispose();
        Mock.Dispose();
    }
}
