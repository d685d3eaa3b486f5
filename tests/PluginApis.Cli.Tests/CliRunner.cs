using System.Text.Json;

namespace PluginApis.Cli.Tests;

/// <summary>What one in-process run of <c>pluginapis</c> returned and wrote.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Out);
        return document.RootElement.Clone();
    }

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}

/// <summary>Runs the tool in-process: parse → run → exit code, with standard output and error captured and a fixed environment.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new CliHost
        {
            Console = CliHost.PlainConsole(stdout),
            Out = stdout,
            Error = stderr,
            Environment = name => environment.TryGetValue(name, out var value) ? value : null,
            Interactive = false,
        };
        var exitCode = await new CliApp(host).RunAsync(args, TestContext.Current.CancellationToken);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}
