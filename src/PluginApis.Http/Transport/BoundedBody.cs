using System.IO.Compression;
using System.Net.Http.Headers;

namespace PluginApis.Http;

/// <summary>
/// Reads a response body within the attempt, never more than a cap: a success body up to
/// <see cref="ApiClientOptions.MaxResponseBodySize"/> (a larger one fails and is not retried), an error body up to
/// <see cref="ErrorBodyBytes"/> (the rest is dropped unread). A compressed body is decompressed here, within the same
/// cap. The body read replaces the response's content, so a connection lost mid-body fails the attempt (and is retried
/// like any transient fault) instead of failing later while the caller reads.
/// </summary>
internal static class BoundedBody
{
    /// <summary>The most bytes of an error body read; the text kept on an exception is capped again by characters.</summary>
    public const int ErrorBodyBytes = 16 * 1024;

    /// <summary>Reads the success body (capped by <paramref name="maxBytes"/>) or the error body of <paramref name="response"/> into memory.</summary>
    /// <exception cref="ResponseBodyTooLargeException">A success body read from the network is larger than <paramref name="maxBytes"/>.</exception>
    public static ValueTask BufferAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        var content = response.Content;
        var encoded = content.Headers.NonValidated.Contains("Content-Encoding");
        if (content is ByteArrayContent && !encoded && response.IsSuccessStatusCode)
        {
            // Already in memory (a test double or a body read before): nothing can stall or fail mid-body any more, and
            // nothing more would be buffered, so there is nothing for the cap to bound.
            return ValueTask.CompletedTask;
        }

        return ReadAsync(response, response.IsSuccessStatusCode ? maxBytes : ErrorBodyBytes, truncate: !response.IsSuccessStatusCode, cancellationToken);
    }

    /// <summary>The body stream with any <c>Content-Encoding</c> undone (gzip, deflate, br); other encodings are left as they are.</summary>
    public static Stream Decoded(Stream body, HttpContentHeaders headers)
    {
        foreach (var coding in headers.ContentEncoding)
        {
            body = coding.ToLowerInvariant() switch
            {
                "gzip" or "x-gzip" => new GZipStream(body, CompressionMode.Decompress),
                "deflate" => new ZLibStream(body, CompressionMode.Decompress),
                "br" => new BrotliStream(body, CompressionMode.Decompress),
                _ => body,
            };
        }

        return body;
    }

    private static async ValueTask ReadAsync(HttpResponseMessage response, int cap, bool truncate, CancellationToken cancellationToken)
    {
        var original = response.Content;
        var raw = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var stream = Decoded(raw, original.Headers);
        byte[] buffer;
        var length = 0;
        await using (stream.ConfigureAwait(false))
        {
            var expected = original.Headers.ContentEncoding.Count == 0 ? original.Headers.ContentLength : null;
            buffer = new byte[expected is { } size and >= 0 ? (int)Math.Min(size, (long)cap) + 1 : Math.Min(cap + 1, 16 * 1024)];
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > cap)
                    {
                        if (truncate)
                        {
                            length = cap;
                            break;
                        }

                        throw new ResponseBodyTooLargeException(response.StatusCode, cap);
                    }

                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, (long)cap + 1));
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }

        var buffered = new ByteArrayContent(buffer, 0, length);
        foreach (var header in original.Headers.NonValidated)
        {
            if (!header.Key.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase) && !header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        response.Content = buffered;
        original.Dispose();
    }
}
