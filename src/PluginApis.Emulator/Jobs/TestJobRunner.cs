using PluginApis.Emulator.State;

namespace PluginApis.Emulator.Jobs;

/// <summary>
/// Runs test-queue jobs: <c>queued</c> for <see cref="EmulatorOptions.JobQueuedDuration"/>, then <c>running</c> for
/// <see cref="EmulatorOptions.JobRunningDuration"/>, then <c>finished</c> with a report (<see cref="JobCompletion"/>) and webhooks.
/// <para>The state follows the emulator's clock exactly: every PluginTests request first catches up with it
/// (<see cref="CatchUpAsync"/>), and a timer on <see cref="EmulatorOptions.TimeProvider"/> finishes jobs nobody asks about, so
/// webhooks go out on time. A <c>direct</c> job's package is fetched and scanned as soon as it is queued; finishing waits for that.
/// The report's <c>testedAt</c> is the scheduled finish time, but at least 1 ms after <c>queuedAt</c> (so with zero durations a
/// job is finished by the next request and its report is still newer than the job).</para>
/// </summary>
internal sealed class TestJobRunner : IAsyncDisposable
{
    private readonly EmulatorState _state;
    private readonly EmulatorOptions _options;
    private readonly EmulatorStats _stats;
    private readonly CancellationTokenSource _stopping = new();
    private readonly PackageFetcher _fetcher;
    private readonly WebhookDispatcher _webhooks;
    private readonly List<ScheduledJob> _pending = []; // guarded by _state.Gate

    public TestJobRunner(EmulatorState state, EmulatorOptions options, EmulatorStats stats)
    {
        _state = state;
        _options = options;
        _stats = stats;
        _fetcher = new PackageFetcher(options);
        _webhooks = new WebhookDispatcher(options, stats, Work, _stopping.Token);
    }

    public BackgroundWork Work { get; } = new();

    /// <summary>Schedules a job just added to the state. The caller holds <see cref="EmulatorState.Gate"/>; call <see cref="Start"/> after releasing it.</summary>
    public ScheduledJob Schedule(PtJob job)
    {
        var runningAt = job.QueuedAt + _options.JobQueuedDuration;
        var finishAt = runningAt + _options.JobRunningDuration;
        var scheduled = new ScheduledJob(job, runningAt, finishAt, Prepare(job));
        _pending.Add(scheduled);
        return scheduled;
    }

    /// <summary>Sets the timer that finishes <paramref name="scheduled"/> when nobody asks.</summary>
    public void Start(ScheduledJob scheduled)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        var due = scheduled.FinishAt - _options.TimeProvider.GetUtcNow();
        var timer = _options.TimeProvider.CreateTimer(
            static self => ((TestJobRunner)self!).OnTimer(), this, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        lock (_state.Gate)
        {
            if (_pending.Contains(scheduled) && !_stopping.IsCancellationRequested)
            {
                scheduled.Timer = timer;
                return;
            }
        }

        timer.Dispose();
    }

    /// <summary>Brings every job up to the clock: statuses move on, due jobs finish (after their package scan).</summary>
    public Task CatchUpAsync(CancellationToken cancellationToken)
    {
        lock (_state.Gate)
        {
            if (_pending.Count == 0)
            {
                return Task.CompletedTask; // the usual case: nothing to do, nothing allocated
            }
        }

        return CatchUpPendingAsync(cancellationToken);
    }

    private async Task CatchUpPendingAsync(CancellationToken cancellationToken)
    {
        var now = _options.TimeProvider.GetUtcNow();
        List<ScheduledJob> due;
        lock (_state.Gate)
        {
            foreach (var scheduled in _pending)
            {
                if (now >= scheduled.RunningAt && scheduled.Job.Status == JobStatus.Queued)
                {
                    scheduled.Job.Status = JobStatus.Running;
                }
            }

            due = _pending.Where(s => now >= s.FinishAt).OrderBy(s => s.FinishAt).ToList();
        }

        foreach (var scheduled in due)
        {
            var outcome = await scheduled.Outcome.WaitAsync(cancellationToken).ConfigureAwait(false);
            IReadOnlyList<WebhookDelivery> deliveries;
            lock (_state.Gate)
            {
                if (!_pending.Remove(scheduled))
                {
                    continue; // finished by a concurrent catch-up
                }

                scheduled.Timer?.Dispose();
                var testedAt = scheduled.FinishAt > scheduled.Job.QueuedAt ? scheduled.FinishAt : scheduled.Job.QueuedAt.AddMilliseconds(1);
                deliveries = JobCompletion.Finish(_state.PluginTests, scheduled.Job, testedAt, outcome);
            }

            _stats.TestJobFinished();
            _webhooks.Send(deliveries);
        }
    }

    /// <summary>Stops timers, downloads and deliveries (queued jobs stay as they are).</summary>
    public void Stop()
    {
        _stopping.Cancel();
        lock (_state.Gate)
        {
            foreach (var scheduled in _pending)
            {
                scheduled.Timer?.Dispose();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        await Work.WhenIdleAsync(CancellationToken.None).ConfigureAwait(false);
        _fetcher.Dispose();
        _webhooks.Dispose();
        _stopping.Dispose();
    }

    private void OnTimer()
    {
        if (!_stopping.IsCancellationRequested)
        {
            Work.Track(CatchUpInBackgroundAsync());
        }
    }

    private async Task CatchUpInBackgroundAsync()
    {
        try
        {
            await CatchUpAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private Task<TestOutcome> Prepare(PtJob job)
    {
        if (job.PackageSource != "direct" || job.DownloadUrl is null)
        {
            return Task.FromResult(TestOutcome.KnownPlugin);
        }

        var task = Task.Run(() => FetchAndAnalyzeAsync(job.DownloadUrl, job.Slug));
        Work.Track(task);
        return task;
    }

    private async Task<TestOutcome> FetchAndAnalyzeAsync(string url, string slug)
    {
        try
        {
            var (zip, error) = await _fetcher.FetchAsync(url, _stopping.Token).ConfigureAwait(false);
            return zip is null ? TestOutcome.Failed("download_failed", error!) : PackageAnalyzer.Analyze(zip, slug, _options);
        }
        catch (OperationCanceledException)
        {
            return TestOutcome.Failed("download_failed", "The emulator stopped before the package was downloaded.");
        }
    }
}

/// <summary>A job on its way to <c>finished</c>. <see cref="Timer"/> is guarded by <see cref="EmulatorState.Gate"/>.</summary>
internal sealed class ScheduledJob(PtJob job, DateTimeOffset runningAt, DateTimeOffset finishAt, Task<TestOutcome> outcome)
{
    public PtJob Job { get; } = job;

    public DateTimeOffset RunningAt { get; } = runningAt;

    public DateTimeOffset FinishAt { get; } = finishAt;

    public Task<TestOutcome> Outcome { get; } = outcome;

    public ITimer? Timer { get; set; }
}
