using System.Collections.Concurrent;
using System.IO.Compression;

namespace PluginApis.Reliability.Tests.Hostile;

/// <summary>Compressed bodies that expand to gigabytes of zeros (about 1 MB per GiB in gzip and deflate, far less in br): built once per run.</summary>
internal static class Bombs
{
    public const long GiB = 1L << 30;

    private const int MemberSize = 64 << 20;
    private static readonly ConcurrentDictionary<(string, long), Lazy<byte[]>> Built = new();

    /// <summary>A body in <paramref name="contentEncoding"/> (gzip, deflate or br) that decodes to <paramref name="decodedBytes"/> bytes of zeros.</summary>
    public static byte[] Of(string contentEncoding, long decodedBytes) =>
        Built.GetOrAdd((contentEncoding, decodedBytes), key => new Lazy<byte[]>(() => Build(key.Item1, key.Item2))).Value;

    private static byte[] Build(string contentEncoding, long decodedBytes)
    {
        if (contentEncoding == "gzip")
        {
            // gzip allows members back to back (RFC 1952 §2.2): one 64 MiB member, repeated.
            var member = Compress(s => new GZipStream(s, CompressionLevel.SmallestSize), MemberSize);
            using var all = new MemoryStream();
            for (var left = decodedBytes; left > 0; left -= MemberSize)
            {
                all.Write(member);
            }

            return all.ToArray();
        }

        return contentEncoding switch
        {
            "deflate" => Compress(s => new ZLibStream(s, CompressionLevel.SmallestSize), decodedBytes),
            "br" => Compress(s => new BrotliStream(s, CompressionLevel.Optimal), decodedBytes),
            _ => throw new ArgumentOutOfRangeException(nameof(contentEncoding), contentEncoding, "gzip, deflate or br"),
        };
    }

    private static byte[] Compress(Func<Stream, Stream> compressor, long decodedBytes)
    {
        var zeros = new byte[1 << 20];
        using var output = new MemoryStream();
        using (var compressing = compressor(output))
        {
            for (var left = decodedBytes; left > 0; left -= zeros.Length)
            {
                compressing.Write(zeros, 0, (int)Math.Min(zeros.Length, left));
            }
        }

        return output.ToArray();
    }
}
