using System.CommandLine;
using Spectre.Console;

namespace PluginApis.Cli;

/// <summary><c>pluginapis versions list|delete</c>: a plugin's released versions on WunderUpdates.</summary>
internal static class VersionsCommand
{
    public static Command Create(CliApp app)
    {
        var command = new Command("versions", "List and delete a plugin's versions on WunderUpdates (upload with 'release').");
        command.Subcommands.Add(List(app));
        command.Subcommands.Add(Delete(app));
        return command;
    }

    private static Command List(CliApp app)
    {
        var slug = PluginsCommand.SlugArgument();
        var command = new Command("list", "List a plugin's versions.") { slug };
        app.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var client = await session.WunderUpdatesAsync(cancellationToken).ConfigureAwait(false);
            var versions = await client.ListVersionsAsync(parse.GetRequiredValue(slug), cancellationToken).ConfigureAwait(false);
            var output = new VersionsOutput([.. versions.Select(v => v.ToOutput())]);
            if (session.Json)
            {
                session.WriteJson(output, CliJson.Context.VersionsOutput);
                return ExitCodes.Success;
            }

            var table = new Table().AddColumn("version").AddColumn("file");
            foreach (var version in output.Versions)
            {
                table.AddRow(Markup.Escape(version.Version), Markup.Escape(version.File ?? "-"));
            }

            session.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete(CliApp app)
    {
        var slug = PluginsCommand.SlugArgument();
        var version = new Argument<string>("version") { Description = "The version, e.g. 1.2.0 or 2.0.0-beta.1." };
        var command = new Command("delete", "Delete one version.") { slug, version };
        app.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var client = await session.WunderUpdatesAsync(cancellationToken).ConfigureAwait(false);
            var (name, number) = (parse.GetRequiredValue(slug), parse.GetRequiredValue(version));
            await client.DeleteVersionAsync(name, number, cancellationToken).ConfigureAwait(false);
            session.WriteDone("deleted", $"{name}/{number}", $"Deleted version {number} of {name}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
