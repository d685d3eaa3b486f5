using System.Buffers;
using System.Net;
using System.Net.Http.Headers;

namespace WunderUpdates.Client;

/// <summary>
/// A release ZIP as a raw <c>application/zip</c> body, streamed from its source in chunks (never buffered whole) and
/// reporting the bytes sent so far. One instance serves one attempt: a seekable source is positioned at
/// <c>start</c> before sending, so a content made again for a retry sends the same bytes.
/// </summary>
internal sealed class ZipUploadContent : HttpContent
{
    private const int ChunkSize = 81920;

    private readonly Stream _source;
    private readonly long _start;
    private readonly bool _ownsSource;
    private readonly IProgress<long>? _progress;

    /// <param name="source">The ZIP bytes.</param>
    /// <param name="start">Where the ZIP starts in a seekable <paramref name="source"/>.</param>
    /// <param name="ownsSource">True to dispose <paramref name="source"/> with the content (a file opened for this attempt).</param>
    /// <param name="progress">Receives the cumulative bytes sent in this attempt.</param>
    public ZipUploadContent(Stream source, long start, bool ownsSource, IProgress<long>? progress)
    {
        _source = source;
        _start = start;
        _ownsSource = ownsSource;
        _progress = progress;
        Headers.ContentType = new MediaTypeHeaderValue("application/zip");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_source.CanSeek)
        {
            _source.Position = _start;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            long total = 0;
            int read;
            while ((read = await _source.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                total += read;
                _progress?.Report(total);
            }

            if (total == 0)
            {
                _progress?.Report(0);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        if (_source.CanSeek)
        {
            length = Math.Max(0, _source.Length - _start);
            return true;
        }

        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsSource)
        {
            _source.Dispose();
        }

        base.Dispose(disposing);
    }
}
