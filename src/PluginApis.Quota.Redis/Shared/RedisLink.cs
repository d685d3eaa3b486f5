using StackExchange.Redis;

namespace PluginApis.Quota.Redis;

/// <summary>
/// The store's way to Redis: every call bounded by <see cref="RedisQuotaStoreOptions.FallbackAfter"/>, none at all while the
/// connection is down (the connection reconnects by itself). A call that Redis does not answer in time falls back alone:
/// the next one asks Redis again, so one slow moment of a busy process costs one call, and the store shares again as soon
/// as Redis answers. Never throws a Redis error to the caller.
/// </summary>
internal sealed class RedisLink(IConnectionMultiplexer connection, TimeProvider time, TimeSpan timeout)
{
    private readonly Lock _gate = new();
    private bool _shared = true;
    private int _outages;

    /// <summary>True while the last call reached Redis in time; false while this process paces itself.</summary>
    public bool IsShared
    {
        get
        {
            lock (_gate)
            {
                return _shared && connection.IsConnected;
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

    /// <summary>Runs a script and returns its result, or null when Redis did not answer in time (the store then falls back).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <param name="script">The Lua script.</param>
    /// <param name="keys">Its keys.</param>
    /// <param name="values">Its arguments.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <param name="late">Called with the answer if it arrives after the caller fell back (with <paramref name="lateState"/>).</param>
    /// <param name="lateState">State for <paramref name="late"/>.</param>
    public async ValueTask<RedisResult?> EvaluateAsync(
        string script, RedisKey[] keys, RedisValue[] values, CancellationToken cancellationToken, Action<RedisResult, object?>? late = null, object? lateState = null)
    {
        if (!connection.IsConnected)
        {
            Answered(false);
            return null;
        }

        Task<RedisResult> task;
        try
        {
            task = connection.GetDatabase().ScriptEvaluateAsync(script, keys, values);
        }
        catch (RedisException)
        {
            Answered(false);
            return null;
        }

        try
        {
            var result = await task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
            Answered(true);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Observe(task);
            throw;
        }
        catch (Exception ex) when (ex is TimeoutException or RedisException)
        {
            Observe(task);
            if (late is not null)
            {
                _ = task.ContinueWith(static (t, s) =>
                {
                    var (callback, state) = ((Action<RedisResult, object?>, object?))s!;
                    callback(t.Result, state);
                }, (late, lateState), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            }

            Answered(false);
            return null;
        }
    }

    /// <summary>Sends a script without waiting for its answer (responses are recorded after the call, off its path).</summary>
    public void Send(string script, RedisKey[] keys, RedisValue[] values)
    {
        if (!connection.IsConnected)
        {
            return;
        }

        try
        {
            connection.GetDatabase().ScriptEvaluateAsync(script, keys, values, CommandFlags.FireAndForget);
        }
        catch (RedisException)
        {
            Answered(false);
        }
    }

    private void Answered(bool inTime)
    {
        lock (_gate)
        {
            if (_shared && !inTime)
            {
                _outages++;
            }

            _shared = inTime;
        }
    }

    private static void Observe(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
