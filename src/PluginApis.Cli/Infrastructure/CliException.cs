namespace PluginApis.Cli;

/// <summary>A failure the tool itself detects, with the exit code and kind it ends with and a one-line message.</summary>
internal sealed class CliException : Exception
{
    public CliException(int exitCode, string kind, string message)
        : base(message)
    {
        ExitCode = exitCode;
        Kind = kind;
    }

    public CliException()
    {
        Kind = "error";
        ExitCode = ExitCodes.Other;
    }

    public CliException(string message)
        : this(ExitCodes.Other, "error", message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = "error";
        ExitCode = ExitCodes.Other;
    }

    public int ExitCode { get; }

    public string Kind { get; }

    public static CliException Usage(string message) => new(ExitCodes.Usage, ErrorKinds.Usage, message);

    public static CliException Auth(string message) => new(ExitCodes.Auth, ErrorKinds.Auth, message);

    public static CliException NotFound(string message) => new(ExitCodes.NotFound, ErrorKinds.NotFound, message);
}
