using System.Buffers.Text;

namespace PluginApis.Benchmarks.Infrastructure;

/// <summary>
/// A read-only stream that produces the <c>tablesWith10installs.json</c> body — a top-level array of
/// <paramref name="count"/> entries — on the fly, so the harness holds a few KB whatever the size.
/// </summary>
internal sealed class SyntheticTablesStream(int count) : Stream
{
    private readonly byte[] _pending = new byte[256];
    private int _pendingStart;
    private int _pendingEnd;
    private int _next = -1; // -1 = the opening bracket is still to be written
    private long _position;

    public static int AverageEntryBytes => 105;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_pendingStart == _pendingEnd && !Produce())
            {
                break;
            }

            var n = Math.Min(buffer.Length - written, _pendingEnd - _pendingStart);
            _pending.AsSpan(_pendingStart, n).CopyTo(buffer[written..]);
            _pendingStart += n;
            written += n;
        }

        _position += written;
        return written;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    // Writes the next piece (bracket or one entry) into _pending; false at the end.
    private bool Produce()
    {
        var span = _pending.AsSpan();
        int length;
        if (_next == -1)
        {
            span[0] = (byte)'[';
            length = 1;
            _next = 0;
        }
        else if (_next < count)
        {
            var i = _next++;
            length = 0;
            if (i > 0)
            {
                span[length++] = (byte)',';
            }

            length += Append(span[length..], "{\"name\":\"wp_generated_"u8);
            length += Number(span[length..], i);
            length += Append(span[length..], "_data\",\"plugin\":\"generated-plugin-"u8);
            length += Number(span[length..], i);
            length += Append(span[length..], "\",\"directory\":\"wporg\",\"activeInstalls\":"u8);
            length += Number(span[length..], 10 + (i % 1000) * 10);
            span[length++] = (byte)'}';
        }
        else if (_next == count)
        {
            span[0] = (byte)']';
            length = 1;
            _next++;
        }
        else
        {
            return false;
        }

        _pendingStart = 0;
        _pendingEnd = length;
        return true;
    }

    private static int Append(Span<byte> target, ReadOnlySpan<byte> text)
    {
        text.CopyTo(target);
        return text.Length;
    }

    private static int Number(Span<byte> target, int value)
    {
        Utf8Formatter.TryFormat(value, target, out var written);
        return written;
    }
}
