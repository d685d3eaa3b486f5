using System.CommandLine;
using System.CommandLine.Help;

namespace PluginApis.Cli;

/// <summary>
/// The <c>pluginapis</c> command tree: parses, runs the chosen command, and turns every failure into one line on standard
/// error (plus an <c>error</c> document with <c>--json</c>) and a documented exit code (<see cref="ExitCodes"/>).
/// </summary>
internal sealed class CliApp
{
    public CliApp(CliHost host)
    {
        Host = host;
        Root = new RootCommand("Release WordPress plugins to WunderUpdates, test them on PluginTests and wait for the report.");
        Options.AddTo(Root);
        Root.Subcommands.Add(InspectCommand.Create(this));
        Root.Subcommands.Add(ReleaseCommand.Create(this));
        Root.Subcommands.Add(TestCommand.Create(this));
        Root.Subcommands.Add(ReportsCommand.Create(this));
        Root.Subcommands.Add(PluginsCommand.Create(this));
        Root.Subcommands.Add(VersionsCommand.Create(this));
        Root.Subcommands.Add(KeysCommand.Create(this));
        Root.Subcommands.Add(WebhooksCommand.Create(this));
    }

    public CliHost Host { get; }

    public GlobalOptions Options { get; } = new();

    public RootCommand Root { get; }

    /// <summary>Runs one command line and returns its exit code.</summary>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var parse = Root.Parse(args);
        var configuration = new InvocationConfiguration { Output = Host.Out, Error = Host.Error, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            await using var session = new CliSession(Host, Options, parse);
            var message = string.Join(" ", parse.Errors.Select(e => e.Message)) + " See 'pluginapis --help'.";
            return Report(session, new CliError(ExitCodes.Usage, ErrorKinds.Usage, message));
        }

        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives <paramref name="command"/> its action: a session around <paramref name="run"/>, failures mapped to exit codes.</summary>
    public void SetAction(Command command, Func<CliSession, ParseResult, CancellationToken, Task<int>> run)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var session = new CliSession(Host, Options, parse);
            try
            {
                return await run(session, parse, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // every failure becomes a documented exit code and one line
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return Report(session, CliError.From(ex));
            }
        });
    }

    /// <summary>Writes the error line (and the <c>--json</c> error document) and returns its exit code.</summary>
    public static int Report(CliSession session, CliError error)
    {
        var message = error.SafeMessage(session.Secrets);
        session.Host.Error.WriteLine($"pluginapis: {error.Kind}: {message}");
        session.Host.Error.Flush();
        if (session.Json)
        {
            session.WriteJson(new ErrorOutput(new ErrorDetail(error.Kind, error.ExitCode, message)), CliJson.Context.ErrorOutput);
        }

        return error.ExitCode;
    }
}
