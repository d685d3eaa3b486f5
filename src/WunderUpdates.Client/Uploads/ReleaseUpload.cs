namespace WunderUpdates.Client;

/// <summary>
/// A release ZIP prepared for upload: inspected locally when asked, and a body made afresh for each attempt (a file is
/// reopened, a seekable stream rewound to where it started; a non-seekable stream can be sent once only).
/// </summary>
internal sealed class ReleaseUpload
{
    /// <summary>Above this size (or when the size is unknown) the upload asks for <c>100-continue</c> first.</summary>
    private const long ExpectContinueFrom = 1024 * 1024;

    private ReleaseUpload(Func<HttpContent> body, bool replayable, PluginArchiveInfo? archive, long? size)
    {
        Body = body;
        IsReplayable = replayable;
        Archive = archive;
        Size = size;
    }

    public Func<HttpContent> Body { get; }

    public bool IsReplayable { get; }

    public PluginArchiveInfo? Archive { get; }

    public long? Size { get; }

    /// <summary>The <c>Expect</c> header value: <c>100-continue</c> for large or unknown sizes, so the service can refuse (413) before the body is sent.</summary>
    public string? Expect => Size is null or > ExpectContinueFrom ? "100-continue" : null;

    /// <exception cref="ArgumentException">The path is blank.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidPluginArchiveException">Inspection found a ZIP the service would refuse.</exception>
    public static ReleaseUpload FromFile(string slug, string zipPath, bool inspect, IProgress<long>? progress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(zipPath);
        var fullPath = Path.GetFullPath(zipPath);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"The release ZIP '{zipPath}' does not exist.", fullPath);
        }

        var archive = inspect ? For(slug, PluginArchive.Inspect(fullPath)) : null;
        return new ReleaseUpload(() => new ZipUploadContent(Open(fullPath), start: 0, ownsSource: true, progress), replayable: true, archive, new FileInfo(fullPath).Length);
    }

    /// <exception cref="ArgumentNullException">The stream is null.</exception>
    /// <exception cref="ArgumentException">The stream is not readable.</exception>
    /// <exception cref="InvalidPluginArchiveException">Inspection found a ZIP the service would refuse.</exception>
    public static ReleaseUpload FromStream(string slug, Stream zip, bool inspect, IProgress<long>? progress)
    {
        ArgumentNullException.ThrowIfNull(zip);
        if (!zip.CanRead)
        {
            throw new ArgumentException("The ZIP stream must be readable.", nameof(zip));
        }

        // A non-seekable stream can be read only once: inspecting it would consume it, so it is sent as it is and never re-sent.
        var seekable = zip.CanSeek;
        var start = seekable ? zip.Position : 0;
        var archive = seekable && inspect ? For(slug, PluginArchive.Inspect(start == 0 ? zip : new StreamWindow(zip, start))) : null;
        long? size = seekable ? Math.Max(0, zip.Length - start) : null;
        return new ReleaseUpload(() => new ZipUploadContent(zip, start, ownsSource: false, progress), seekable, archive, size);
    }

    private static PluginArchiveInfo For(string slug, PluginArchiveInfo info)
    {
        info.EnsureSlug(slug);
        return info;
    }

    private static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
}
