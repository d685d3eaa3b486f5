using System.Net.Sockets;
using System.Text;

namespace PluginApis.Reliability.Tests.Hostile;

/// <summary>
/// One accepted socket of a <see cref="HostileServer"/>: reads request heads and bodies (buffered, so bytes read past a head
/// are not lost) and writes raw bytes, counting what the kernel accepted.
/// </summary>
internal sealed class RawConnection(HostileServer server, Socket socket, int number) : IDisposable
{
    private const int MaxHead = 64 * 1024;
    private readonly NetworkStream _stream = new(socket, ownsSocket: true);
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public int Number { get; } = number;

    public HostileServer Server { get; } = server;

    /// <summary>Reads the next request head; null when the client closed the connection between requests.</summary>
    public async Task<RawRequest?> ReadHeadAsync(CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                return head.Count == 0 ? null : throw new IOException("The connection closed in the middle of a request head.");
            }

            while (_start < _end)
            {
                head.Add(_buffer[_start++]);
                var n = head.Count;
                if (n >= 4 && head[n - 4] == '\r' && head[n - 3] == '\n' && head[n - 2] == '\r' && head[n - 1] == '\n')
                {
                    return new RawRequest(Number, Encoding.Latin1.GetString([.. head]));
                }

                if (n > MaxHead)
                {
                    throw new IOException("The request head is larger than 64 KiB.");
                }
            }
        }
    }

    /// <summary>Reads up to <paramref name="buffer"/>'s length of body bytes; 0 at the end of the connection.</summary>
    public async Task<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (_start == _end && !await FillAsync(cancellationToken))
        {
            return 0;
        }

        var n = Math.Min(buffer.Length, _end - _start);
        _buffer.AsMemory(_start, n).CopyTo(buffer);
        _start += n;
        return n;
    }

    /// <summary>Reads one CRLF-terminated line (chunked framing).</summary>
    public async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await ReadAsync(one, cancellationToken) == 0)
            {
                throw new IOException("The connection closed in the middle of a chunk header.");
            }

            if (one[0] == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)one[0]);
        }
    }

    /// <summary>
    /// Counts bytes as they are handed to the kernel, then writes them. Counted before the write, because the client can
    /// read the first part of a write the kernel has only partly taken yet: counted after it, the count lagged what the
    /// client had read by up to one write.
    /// </summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        Server.Wrote(bytes.Length);
        await _stream.WriteAsync(bytes, cancellationToken);
    }

    public void Dispose() => _stream.Dispose();

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await _stream.ReadAsync(_buffer, cancellationToken);
        return _end > 0;
    }
}
