using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace PluginApis.Emulator.Tests;

/// <summary>Queued jobs run to completion on the emulator's clock (a fake one here: no real waiting).</summary>
public sealed class TestJobTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    internal static Task<EmulatorHost> StartAsync(FakeTimeProvider time, double queuedSeconds = 1, double runningSeconds = 2, Action<EmulatorOptions>? more = null) =>
        T.StartAsync(o =>
        {
            o.TimeProvider = time;
            o.JobQueuedDuration = TimeSpan.FromSeconds(queuedSeconds);
            o.JobRunningDuration = TimeSpan.FromSeconds(runningSeconds);
            more?.Invoke(o);
        });

    internal static async Task<JsonElement> EnqueueAsync(HttpClient http, string body)
    {
        using var response = await http.PtPost("test-queue", body);
        return await response.ExpectJson(HttpStatusCode.Created);
    }

    internal static async Task<string> JobStatusAsync(HttpClient http, string jobId)
    {
        using var response = await http.PtGet("test-queue");
        var jobs = (await response.ExpectJson(HttpStatusCode.OK)).GetProperty("jobs");
        return jobs.EnumerateArray().Single(j => j.GetProperty("id").GetString() == jobId).GetProperty("status").GetString()!;
    }

    internal static async Task<JsonElement> ReportsAsync(HttpClient http, string directory, string slug)
    {
        using var response = await http.PtGet($"plugins/{directory}/{slug}/reports");
        return (await response.ExpectJson(HttpStatusCode.OK)).GetProperty("reports");
    }

    [Fact]
    public async Task A_stable_job_moves_queued_running_finished_and_publishes_a_passed_report()
    {
        var time = new FakeTimeProvider(Start);
        await using var emu = await StartAsync(time);
        using var http = T.Client(emu);

        var job = await EnqueueAsync(http, """{"directory":"wporg","slug":"hello-dolly"}""");
        var id = job.GetProperty("id").GetString()!;
        Assert.Equal("queued", job.GetProperty("status").GetString());
        Assert.Equal("2026-12-01T09:00:00Z", job.GetProperty("queuedAt").GetString());
        Assert.Equal("queued", await JobStatusAsync(http, id));

        time.Advance(TimeSpan.FromSeconds(0.999));
        Assert.Equal("queued", await JobStatusAsync(http, id));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("running", await JobStatusAsync(http, id));
        Assert.Equal(0, (await ReportsAsync(http, "wporg", "hello-dolly")).GetArrayLength());

        time.Advance(TimeSpan.FromSeconds(1.999));
        Assert.Equal("running", await JobStatusAsync(http, id));
        Assert.Equal(0, emu.Stats.TestJobsFinished);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("finished", await JobStatusAsync(http, id));

        var report = Assert.Single((await ReportsAsync(http, "wporg", "hello-dolly")).EnumerateArray());
        Assert.Equal("passed", report.GetProperty("status").GetString());
        Assert.Equal(0, report.GetProperty("errors").GetArrayLength());
        Assert.Equal("1.7.2", report.GetProperty("pluginVersion").GetString());
        Assert.Equal("2026-12-01T09:00:03Z", report.GetProperty("testedAt").GetString());
        Assert.Equal("1-7-2-2026-12-01", report.GetProperty("slug").GetString());
        Assert.Equal("https://plugintests.com/plugins/wporg/hello-dolly/reports/1-7-2-2026-12-01", report.GetProperty("url").GetString());

        using var plugin = await http.PtGet("plugins/wporg/hello-dolly");
        var p = await plugin.ExpectJson(HttpStatusCode.OK);
        Assert.Equal("1-7-2-2026-12-01", p.GetProperty("latestReport").GetString());
        Assert.Equal("2026-12-01T09:00:03Z", p.GetProperty("testedAt").GetString());
        Assert.Equal(1, emu.Stats.TestJobsFinished);
    }

    [Fact]
    public async Task The_newest_report_comes_first_and_a_second_report_on_the_same_day_gets_its_own_slug()
    {
        var time = new FakeTimeProvider(Start);
        await using var emu = await StartAsync(time);
        using var http = T.Client(emu);

        await EnqueueAsync(http, """{"directory":"wporg","slug":"akismet"}""");
        time.Advance(TimeSpan.FromSeconds(3));
        await EnqueueAsync(http, """{"directory":"wporg","slug":"akismet"}""");
        time.Advance(TimeSpan.FromSeconds(3));

        var reports = await ReportsAsync(http, "wporg", "akismet");
        Assert.Equal(["5-3-1-2026-12-01-2", "5-3-1-2026-12-01", "5-3-1-2026-11-01", "5-3-2026-10-01"], reports.Strings("slug"));
        using var one = await http.PtGet("plugins/wporg/akismet/reports/5-3-1-2026-12-01-2");
        Assert.Equal("2026-12-01T09:00:06Z", (await one.ExpectJson(HttpStatusCode.OK)).GetProperty("testedAt").GetString());

        // A stable job tests the known plugin as it is: its tables and options stay.
        using var options = await http.PtGet("plugins/wporg/akismet/options");
        Assert.Equal(3, (await options.ExpectJson(HttpStatusCode.OK)).GetProperty("options").GetArrayLength());
    }

    [Fact]
    public async Task With_zero_durations_the_next_request_sees_the_job_finished_and_the_report_is_newer_than_the_job()
    {
        var time = new FakeTimeProvider(Start.AddMilliseconds(250));
        await using var emu = await StartAsync(time, 0, 0);
        using var http = T.Client(emu);

        var job = await EnqueueAsync(http, """{"directory":"demo","slug":"demo-private-plugin"}""");
        Assert.Equal("queued", job.GetProperty("status").GetString());
        Assert.Equal("2026-12-01T09:00:00.25Z", job.GetProperty("queuedAt").GetString());
        Assert.Equal("finished", await JobStatusAsync(http, job.GetProperty("id").GetString()!));

        var latest = (await ReportsAsync(http, "demo", "demo-private-plugin"))[0];
        Assert.True(latest.GetProperty("testedAt").GetDateTimeOffset() > job.GetProperty("queuedAt").GetDateTimeOffset());
        Assert.Equal("2026-12-01T09:00:00.251Z", latest.GetProperty("testedAt").GetString());
    }

    [Fact]
    public async Task On_the_system_clock_with_zero_durations_the_next_request_sees_the_report()
    {
        await using var emu = await T.StartAsync(o =>
        {
            o.JobQueuedDuration = TimeSpan.Zero;
            o.JobRunningDuration = TimeSpan.Zero;
        });
        using var http = T.Client(emu);

        var job = await EnqueueAsync(http, """{"directory":"wporg","slug":"tiny-table"}""");
        var latest = (await ReportsAsync(http, "wporg", "tiny-table"))[0];
        Assert.True(latest.GetProperty("testedAt").GetDateTimeOffset() > job.GetProperty("queuedAt").GetDateTimeOffset());
        Assert.Equal("finished", await JobStatusAsync(http, job.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task Jobs_finish_without_a_request_so_their_webhooks_go_out_on_time()
    {
        var time = new FakeTimeProvider(Start);
        await using var emu = await StartAsync(time);
        using var http = T.Client(emu);
        await EnqueueAsync(http, """{"directory":"wporg","slug":"contact-form-7"}""");

        time.Advance(TimeSpan.FromSeconds(3)); // the timer fires inside Advance
        await emu.WhenIdleAsync(T.Ct);
        Assert.Equal(1, emu.Stats.TestJobsFinished);
    }

    [Fact]
    public async Task A_stable_job_needs_a_plugin_the_emulator_knows()
    {
        await using var emu = await T.StartAsync();
        using var http = T.Client(emu);
        using var response = await http.PtPost("test-queue", """{"directory":"wporg","slug":"not-seeded-anywhere"}""");
        await response.ExpectPtError(HttpStatusCode.NotFound, "plugin_not_found");
        Assert.Equal(0, emu.Stats.TestQueueJobsCreated);
    }

    [Fact]
    public async Task Seeded_jobs_are_fixtures_that_stay_queued()
    {
        var time = new FakeTimeProvider(Start);
        await using var emu = await StartAsync(time);
        using var http = T.Client(emu);
        time.Advance(TimeSpan.FromDays(1));
        Assert.Equal("queued", await JobStatusAsync(http, "job_demo0001"));
        Assert.Equal(2, (await ReportsAsync(http, "wporg", "akismet")).GetArrayLength());
    }

    [Fact]
    public async Task Job_durations_are_validated()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => T.StartAsync(o => o.JobQueuedDuration = TimeSpan.FromMilliseconds(-1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => T.StartAsync(o => o.JobRunningDuration = TimeSpan.FromDays(2)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => T.StartAsync(o => o.WebhookTimeout = TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => T.StartAsync(o => o.PackageDownloadTimeout = TimeSpan.Zero));
    }
}
