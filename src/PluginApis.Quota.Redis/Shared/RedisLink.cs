using StackExchange.Redis;

namespace PluginApis.Quota.Redis;

/// <summary>
/// The store's way to Redis: every call bounded by <see cref="RedisQuotaStoreOptions.FallbackAfter"/>, and after a failure
/// no call at all until a probe (at most one per <see cref="RedisQuotaStoreOptions.RecoveryInterval"/>, started by a call)
/// finds Redis answering again. Never throws a Redis error to the caller.
/// </summary>
internal sealed class RedisLink(IConnectionMultiplexer connection, TimeProvider time, TimeSpan timeout, TimeSpan recoveryInterval)
{
    private readonly Lock _gate = new();
    private bool _shared = true;
    private int _outages;
    private DateTimeOffset _nextProbe;
    private bool _probing;

    /// <summary>True while the shared schedule in Redis is used; false while this process paces itself.</summary>
    public bool IsShared
    {
        get
        {
            lock (_gate)
            {
                return _shared;
            }
        }
    }

    /// <summary>How many times Redis was lost; a fallback schedule starts afresh for each outage.</summary>
    public int Outages
    {
        get
        {
            lock (_gate)
            {
                return _outages;
            }
        }
    }

    /// <summary>The latest probe (completed when none ran); tests await it.</summary>
    public Task LastProbe { get; private set; } = Task.CompletedTask;

    /// <summary>Runs a script and returns its result, or null when Redis did not answer in time (the store then falls back).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<RedisResult?> EvaluateAsync(string script, RedisKey[] keys, RedisValue[] values, CancellationToken cancellationToken)
    {
        if (!Usable())
        {
            return null;
        }

        Task<RedisResult> task;
        try
        {
            task = connection.GetDatabase().ScriptEvaluateAsync(script, keys, values);
        }
        catch (RedisException)
        {
            Lost();
            return null;
        }

        try
        {
            return await task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Observe(task);
            throw;
        }
        catch (Exception ex) when (ex is TimeoutException or RedisException)
        {
            Observe(task);
            Lost();
            return null;
        }
    }

    /// <summary>Sends a script without waiting for its answer (responses are recorded after the call, off its path).</summary>
    public void Send(string script, RedisKey[] keys, RedisValue[] values)
    {
        if (!Usable())
        {
            return;
        }

        try
        {
            connection.GetDatabase().ScriptEvaluateAsync(script, keys, values, CommandFlags.FireAndForget);
        }
        catch (RedisException)
        {
            Lost();
        }
    }

    private bool Usable()
    {
        if (!IsShared)
        {
            ProbeIfDue();
            return false;
        }

        if (!connection.IsConnected)
        {
            Lost();
            return false;
        }

        return true;
    }

    private void Lost()
    {
        lock (_gate)
        {
            if (_shared)
            {
                _shared = false;
                _outages++;
                _nextProbe = time.GetUtcNow() + recoveryInterval;
            }
        }
    }

    private void ProbeIfDue()
    {
        lock (_gate)
        {
            if (_probing || time.GetUtcNow() < _nextProbe)
            {
                return;
            }

            _probing = true;
        }

        LastProbe = ProbeAsync();
    }

    private async Task ProbeAsync()
    {
        var answered = false;
        try
        {
            if (connection.IsConnected)
            {
                var ping = connection.GetDatabase().PingAsync();
                try
                {
                    await ping.WaitAsync(timeout, time).ConfigureAwait(false);
                    answered = true;
                }
                catch (Exception ex) when (ex is TimeoutException or RedisException)
                {
                    Observe(ping);
                }
            }
        }
        catch (RedisException)
        {
            // Still down: try again after the interval.
        }
        finally
        {
            lock (_gate)
            {
                _probing = false;
                _shared = answered;
                _nextProbe = time.GetUtcNow() + recoveryInterval;
            }
        }
    }

    private static void Observe(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
