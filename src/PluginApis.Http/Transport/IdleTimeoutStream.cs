namespace PluginApis.Http;

/// <summary>
/// A streamed response body whose every read must make progress within a time limit: a server that stalls between two
/// elements of a streamed list ends the enumeration with a <see cref="TimeoutException"/> instead of hanging it.
/// Reads also stop when the caller cancels or the client is disposed.
/// </summary>
internal sealed class IdleTimeoutStream : Stream
{
    private readonly Stream _inner;
    private readonly TimeSpan _idleTimeout;
    private readonly CancellationTokenSource _stop;
    private readonly ITimer? _timer;
    private readonly CancellationToken _callerToken;
    private readonly CancellationToken _lifetime;

    /// <param name="inner">The body stream (owned: disposed with this stream).</param>
    /// <param name="idleTimeout">The longest a read may wait for data; infinite disables the limit.</param>
    /// <param name="time">The clock of the limit.</param>
    /// <param name="callerToken">The caller's cancellation.</param>
    /// <param name="lifetime">Cancelled when the client is disposed.</param>
    public IdleTimeoutStream(Stream inner, TimeSpan idleTimeout, TimeProvider time, CancellationToken callerToken, CancellationToken lifetime)
    {
        _inner = inner;
        _idleTimeout = idleTimeout;
        _callerToken = callerToken;
        _lifetime = lifetime;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(callerToken, lifetime);
        if (idleTimeout != Timeout.InfiniteTimeSpan)
        {
            _timer = time.CreateTimer(static state => ((CancellationTokenSource)state!).Cancel(), _stop, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _timer?.Change(_idleTimeout, Timeout.InfiniteTimeSpan);
        try
        {
            return await _inner.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!_callerToken.IsCancellationRequested)
        {
            if (_lifetime.IsCancellationRequested)
            {
#pragma warning disable CA1513 // The message says which object: the client, not this stream.
                throw new ObjectDisposedException(nameof(ApiClient), "The client was disposed while a streamed response was being read.");
#pragma warning restore CA1513
            }

            throw new TimeoutException($"The streamed response sent no data for {_idleTimeout.TotalSeconds:0.###} s (the attempt timeout); the enumeration was stopped.");
        }
        finally
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _timer?.Dispose();
            _stop.Dispose();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
