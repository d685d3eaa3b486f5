namespace WunderUpdates.Client;

/// <summary>
/// Thrown by <see cref="PluginArchive"/> when a release ZIP would be refused by the WunderUpdates
/// service (or could not be installed by WordPress). <see cref="Reason"/> says what is wrong and the
/// message says what the service expects instead.
/// </summary>
public sealed class InvalidPluginArchiveException : Exception
{
    /// <summary>Creates the exception with <see cref="InvalidPluginArchiveReason.NotAZip"/> as reason.</summary>
    /// <remarks>Never throws.</remarks>
    public InvalidPluginArchiveException()
        : this(InvalidPluginArchiveReason.NotAZip, "The plugin archive is invalid.")
    {
    }

    /// <summary>Creates the exception with <see cref="InvalidPluginArchiveReason.NotAZip"/> as reason.</summary>
    /// <param name="message">What is wrong.</param>
    /// <remarks>Never throws.</remarks>
    public InvalidPluginArchiveException(string message)
        : this(InvalidPluginArchiveReason.NotAZip, message)
    {
    }

    /// <summary>Creates the exception with <see cref="InvalidPluginArchiveReason.NotAZip"/> as reason.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The underlying error.</param>
    /// <remarks>Never throws.</remarks>
    public InvalidPluginArchiveException(string message, Exception? innerException)
        : this(InvalidPluginArchiveReason.NotAZip, message, entryName: null, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why the archive is refused.</param>
    /// <param name="message">What is wrong and what the service expects.</param>
    /// <param name="entryName">The ZIP entry concerned, if any.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    /// <remarks>Never throws.</remarks>
    public InvalidPluginArchiveException(
        InvalidPluginArchiveReason reason,
        string message,
        string? entryName = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
        EntryName = entryName;
    }

    /// <summary>Why the archive is refused.</summary>
    public InvalidPluginArchiveReason Reason { get; }

    /// <summary>The full name of the ZIP entry (or top-level folder) concerned, when the error is about one; otherwise null.</summary>
    public string? EntryName { get; }
}
