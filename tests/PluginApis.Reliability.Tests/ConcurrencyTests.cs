using System.Collections.Concurrent;
using System.Diagnostics;
using PluginApis.Http;
using PluginTests.Client;

namespace PluginApis.Reliability.Tests;

/// <summary>64 tasks × 50 calls on one client against a tight server limit: everything completes in bounded time, no deadlock.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Sixty_four_tasks_share_one_client_under_a_tight_rate_limit_without_deadlock()
    {
        const int tasks = 64, callsPerTask = 50;
        await using var emu = await Rig.StartEmulatorAsync(o =>
        {
            o.EnableRateLimiting = true;
            o.RateLimit = new() { PermitLimit = 200, Window = TimeSpan.FromSeconds(1) };
        });
        using var sockets = Rig.Sockets();
        using var pt = Rig.Pt(emu, sockets, r =>
        {
            r.MaxRetryAttempts = 10;
            r.BaseDelay = TimeSpan.FromMilliseconds(20);
            r.MaxBackoffDelay = TimeSpan.FromMilliseconds(500);
            r.MaxRateLimitWait = TimeSpan.FromSeconds(5);
            r.AttemptTimeout = TimeSpan.FromSeconds(10);
        });
        var outcomes = new ConcurrentDictionary<string, int>();
        var enqueued = 0;
        var clock = Stopwatch.StartNew();

        var work = Enumerable.Range(0, tasks).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < callsPerTask; i++)
            {
                try
                {
                    switch ((t + i) % 5)
                    {
                        case 0: Assert.Equal("akismet", (await pt.GetPluginAsync("wporg", "akismet", Rig.Ct)).Slug); break;
                        // The seeded report is there; the akismet tests queued below add more as they finish.
                        case 1: Assert.Contains(await pt.ListReportsAsync("wporg", "akismet", Rig.Ct), r => r.Slug == "5-3-2026-10-01"); break;
                        case 2: Assert.Equal("user_demo", (await pt.GetCurrentUserAsync(Rig.Ct)).Id); break;
                        case 3: Assert.NotEmpty(await pt.ListWebhooksAsync(Rig.Ct)); break;
                        default:
                            await pt.EnqueueTestAsync(new EnqueueTestRequest("wporg", "akismet"), Rig.Ct);
                            Interlocked.Increment(ref enqueued);
                            break;
                    }

                    outcomes.AddOrUpdate("success", 1, (_, n) => n + 1);
                }
                catch (Exception ex) when (ex is ApiException or TimeoutException or HttpRequestException)
                {
                    outcomes.AddOrUpdate(ex.GetType().Name, 1, (_, n) => n + 1);
                }
            }
        }, Rig.Ct)).ToList();

        await Task.WhenAll(work).WaitAsync(TimeSpan.FromSeconds(60), Rig.Ct);
        clock.Stop();

        var total = outcomes.Values.Sum();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Concurrency: {total} calls in {clock.Elapsed.TotalSeconds:0.0} s ({total / clock.Elapsed.TotalSeconds:0} calls/s under a 200/s limit); " +
            $"outcomes: {string.Join(", ", outcomes.Select(p => $"{p.Key} {p.Value}"))}; server requests {emu.Stats.Requests}, 429s {emu.Stats.RateLimited}; " +
            $"jobs created {emu.Stats.TestQueueJobsCreated} for {enqueued} successful enqueues");
        Assert.Equal(tasks * callsPerTask, total);
        Assert.Equal(enqueued, emu.Stats.TestQueueJobsCreated); // a 429 is never processed: retried POSTs were not doubled
        Assert.True(outcomes.GetValueOrDefault("success") >= total * 0.95, "Most calls should ride out the rate limit.");
    }
}
