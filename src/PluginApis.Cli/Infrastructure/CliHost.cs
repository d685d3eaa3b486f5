using Spectre.Console;

namespace PluginApis.Cli;

/// <summary>Where a run reads its environment and writes its output; the process's own, or strings in tests.</summary>
internal sealed class CliHost
{
    /// <summary>Human output (tables, progress) on standard output.</summary>
    public required IAnsiConsole Console { get; init; }

    /// <summary>Standard output as text, for <c>--json</c> documents.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard error: one-line errors.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Reads an environment variable (null when unset).</summary>
    public required Func<string, string?> Environment { get; init; }

    /// <summary>True when standard output is a terminal: progress bars and spinners are drawn.</summary>
    public bool Interactive { get; init; }

    /// <summary>The process's console and environment.</summary>
    public static CliHost FromProcess()
    {
        var redirected = System.Console.IsOutputRedirected;
        var console = redirected ? PlainConsole(System.Console.Out) : AnsiConsole.Console;
        return new CliHost
        {
            Console = console,
            Out = System.Console.Out,
            Error = System.Console.Error,
            Environment = System.Environment.GetEnvironmentVariable,
            Interactive = !redirected,
        };
    }

    /// <summary>A console without colours, redrawing or a window width (a log file, a pipe, a test).</summary>
    public static IAnsiConsole PlainConsole(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 160;
        return console;
    }
}
