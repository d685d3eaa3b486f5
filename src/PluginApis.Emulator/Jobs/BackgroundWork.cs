namespace PluginApis.Emulator.Jobs;

/// <summary>Tasks the emulator runs on its own (package downloads, job completion, webhook deliveries), so they can be awaited.</summary>
internal sealed class BackgroundWork
{
    private readonly HashSet<Task> _running = [];
    private readonly Lock _gate = new();

    /// <summary>Tracks <paramref name="task"/> until it completes. The task must not fault (callers catch their own failures).</summary>
    public void Track(Task task)
    {
        lock (_gate)
        {
            _running.Add(task);
        }

        task.ContinueWith(
            static (done, state) =>
            {
                var self = (BackgroundWork)state!;
                lock (self._gate)
                {
                    self._running.Remove(done);
                }
            },
            this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Completes when nothing is running, including work started by the work awaited here.</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task[] snapshot;
            lock (_gate)
            {
                snapshot = [.. _running];
            }

            if (snapshot.Length == 0)
            {
                return;
            }

            try
            {
                await Task.WhenAll(snapshot).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // A tracked task's own failure is its owner's business; idle is all that is asked here.
            }

            // Continuations remove finished tasks; let them run before looking again.
            await Task.Yield();
        }
    }
}
