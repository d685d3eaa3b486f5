using System.Buffers.Binary;

namespace WunderUpdates.Client;

/// <summary>
/// Reads the entry count a ZIP declares in its end-of-central-directory record (ZIP64 aware), so an archive
/// claiming too many entries is refused before <see cref="System.IO.Compression.ZipArchive"/> loads its central directory.
/// </summary>
internal static class ZipEndRecord
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const int EndRecordLength = 22;
    private const int MaxCommentLength = ushort.MaxValue;

    /// <summary>Finds the declared total entry count; false when no well-formed record is found (the ZIP reader then decides).</summary>
    public static bool TryReadDeclaredEntryCount(Stream stream, out ulong count)
    {
        count = 0;
        long length = stream.Length;
        if (length < EndRecordLength)
        {
            return false;
        }

        int tailLength = (int)Math.Min(length, EndRecordLength + MaxCommentLength);
        var tail = new byte[tailLength];
        stream.Position = length - tailLength;
        stream.ReadExactly(tail);

        // The last record signature wins, as in System.IO.Compression.
        for (int i = tailLength - EndRecordLength; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) != EndSignature)
            {
                continue;
            }

            ushort total = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 10));
            count = total;
            if (total != ushort.MaxValue)
            {
                return true;
            }

            // ZIP64: the locator sits right before the end record and points at the ZIP64 end record.
            long recordPosition = length - tailLength + i;
            if (recordPosition < 20)
            {
                return true;
            }

            Span<byte> locator = stackalloc byte[20];
            stream.Position = recordPosition - 20;
            stream.ReadExactly(locator);
            if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64LocatorSignature)
            {
                return true;
            }

            ulong zip64Position = BinaryPrimitives.ReadUInt64LittleEndian(locator[8..]);
            if (length < 56 || zip64Position > (ulong)(length - 56))
            {
                return true;
            }

            Span<byte> zip64 = stackalloc byte[56];
            stream.Position = (long)zip64Position;
            stream.ReadExactly(zip64);
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip64) == Zip64EndSignature)
            {
                count = BinaryPrimitives.ReadUInt64LittleEndian(zip64[32..]);
            }

            return true;
        }

        return false;
    }
}
