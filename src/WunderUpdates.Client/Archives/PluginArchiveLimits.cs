namespace WunderUpdates.Client;

/// <summary>
/// Resource limits applied while inspecting a plugin release ZIP. Exceeding one throws
/// <see cref="InvalidPluginArchiveException"/> with <see cref="InvalidPluginArchiveReason.LimitExceeded"/>.
/// The defaults suit a client checking its own release; a server inspecting untrusted uploads should pass stricter ones.
/// </summary>
public sealed class PluginArchiveLimits
{
    /// <summary>The default limits: 20,000 entries, 512 MiB declared uncompressed, 256 MiB archive, 64 KiB of readme.</summary>
    public static PluginArchiveLimits Default { get; } = new();

    /// <summary>The most entries the ZIP may hold (directories included). Default 20,000.</summary>
    public int MaxEntries
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxEntries must be positive.");
    } = 20_000;

    /// <summary>
    /// The most bytes all entries may add up to once extracted, as declared by the ZIP's central directory
    /// (checked before anything is decompressed). Default 512 MiB.
    /// </summary>
    public long MaxTotalUncompressedBytes
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxTotalUncompressedBytes must be positive.");
    } = 512L * 1024 * 1024;

    /// <summary>
    /// The largest ZIP file accepted, in bytes. A non-seekable input stream is copied into memory
    /// up to this size. Default 256 MiB.
    /// </summary>
    public long MaxArchiveBytes
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxArchiveBytes must be positive.");
    } = 256L * 1024 * 1024;

    /// <summary>
    /// How many bytes of the readme are read (the headers sit at its top; the rest is ignored, not an error). Default 64 KiB.
    /// </summary>
    public int MaxReadmeBytes
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxReadmeBytes must be positive.");
    } = 64 * 1024;
}
