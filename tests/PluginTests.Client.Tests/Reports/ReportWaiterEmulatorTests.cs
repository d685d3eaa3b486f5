using Microsoft.Extensions.Time.Testing;
using PluginApis.Emulator;

namespace PluginTests.Client.Tests;

/// <summary>WaitForReportAsync against the emulator over loopback: its job lifecycle and rate limit run on the same fake clock as the client.</summary>
public sealed class ReportWaiterEmulatorTests
{
    [Fact]
    public async Task Waits_for_the_queued_jobs_report_within_a_small_quota_without_a_single_429()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var emulatorOptions = new EmulatorOptions
        {
            TimeProvider = time,
            JobQueuedDuration = TimeSpan.FromSeconds(40),
            JobRunningDuration = TimeSpan.FromSeconds(100),
            PluginTestsRateLimit = new EmulatorRateLimit { PermitLimit = 12, Window = TimeSpan.FromSeconds(60) },
        };
        await using var emulator = await EmulatorHost.StartAsync(emulatorOptions, ct);
        var options = new PluginTestsClientOptions { ApiKey = EmulatorKeys.PluginTestsDemo, BaseAddress = emulator.PluginTestsBaseAddress };
        options.Resilience.TimeProvider = time;
        using var client = new PluginTestsClient(options);
        var before = await client.ListReportsAsync("wporg", "akismet", ct);

        var job = await client.EnqueueTestAsync(new EnqueueTestRequest { Directory = "wporg", Slug = "akismet" }, ct);
        var statuses = new StatusChannel();
        var waiting = client.WaitForReportAsync("wporg", "akismet", job.QueuedAt!.Value, TimeSpan.FromMinutes(10), statuses, ct);
        var polls = 0;
        while (await statuses.NextOrEndAsync(waiting) is { } status)
        {
            Assert.True(time.GetUtcNow() - job.QueuedAt.Value < TimeSpan.FromMinutes(10), "no report after 10 minutes of fake time");
            polls = status.Polls;
            time.Advance(status.NextPollIn);
        }

        var report = await waiting.WaitAsync(TimeSpan.FromSeconds(30), ct);

        Assert.DoesNotContain(before, r => r.Slug == report.Slug);
        Assert.True(report.TestedAt >= job.QueuedAt, $"{report.TestedAt} < {job.QueuedAt}");
        Assert.Equal(0, emulator.Stats.RateLimited);
        Assert.InRange(polls, 2, 12);
    }
}
