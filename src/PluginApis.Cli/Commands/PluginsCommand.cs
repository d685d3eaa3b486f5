using System.CommandLine;
using Spectre.Console;
using WunderUpdates.Client;

namespace PluginApis.Cli;

/// <summary><c>pluginapis plugins list|get|create|delete</c>: plugins on WunderUpdates.</summary>
internal static class PluginsCommand
{
    public static Command Create(CliApp app)
    {
        var command = new Command("plugins", "List and manage your plugins on WunderUpdates.");
        command.Subcommands.Add(List(app));
        command.Subcommands.Add(Get(app));
        command.Subcommands.Add(CreatePlugin(app));
        command.Subcommands.Add(Delete(app));
        return command;
    }

    public static Argument<string> SlugArgument() => new("slug") { Description = "The plugin slug." };

    private static Command List(CliApp app)
    {
        var command = new Command("list", "List your plugins with their licence and versions.");
        app.SetAction(command, async (session, _, cancellationToken) =>
        {
            var client = await session.WunderUpdatesAsync(cancellationToken).ConfigureAwait(false);
            var plugins = await client.ListPluginsAsync(cancellationToken).ConfigureAwait(false);
            var output = new PluginsOutput([.. plugins.Select(p => p.ToOutput())]);
            if (session.Json)
            {
                session.WriteJson(output, CliJson.Context.PluginsOutput);
            }
            else
            {
                Render(session.Console, output.Plugins);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Get(CliApp app)
    {
        var slug = SlugArgument();
        var command = new Command("get", "Show one plugin.") { slug };
        app.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var client = await session.WunderUpdatesAsync(cancellationToken).ConfigureAwait(false);
            var plugin = (await client.GetPluginAsync(parse.GetRequiredValue(slug), cancellationToken).ConfigureAwait(false)).ToOutput();
            if (session.Json)
            {
                session.WriteJson(plugin, CliJson.Context.PluginOutput);
            }
            else
            {
                Render(session.Console, [plugin]);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreatePlugin(CliApp app)
    {
        var slug = SlugArgument();
        var license = ReleaseCommand.LicenseOption();
        license.Description = $"The plugin's licence: {LicenseParser.Syntax} (default static-keys).";
        var command = new Command("create", "Create a plugin.") { slug, license };
        app.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var client = await session.WunderUpdatesAsync(cancellationToken).ConfigureAwait(false);
            var plugin = await client.CreatePluginAsync(parse.GetRequiredValue(slug), parse.GetValue(license) ?? License.StaticKeys, cancellationToken).ConfigureAwait(false);
            session.WriteDone("created", plugin.Slug, $"Created plugin {plugin.Slug} ({plugin.License}).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete(CliApp app)
    {
        var slug = SlugArgument();
        var command = new Command("delete", "Delete a plugin with all its versions.") { slug };
        app.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var client = await session.WunderUpdatesAsync(cancellationToken).ConfigureAwait(false);
            var name = parse.GetRequiredValue(slug);
            await client.DeletePluginAsync(name, cancellationToken).ConfigureAwait(false);
            session.WriteDone("deleted", name, $"Deleted plugin {name}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, IEnumerable<PluginOutput> plugins)
    {
        var table = new Table().AddColumn("slug").AddColumn("licence").AddColumn("versions");
        foreach (var plugin in plugins)
        {
            var license = plugin.License is null ? "-" : plugin.License.Products.Count == 0 ? plugin.License.Type : $"{plugin.License.Type} {string.Join(',', plugin.License.Products)}";
            table.AddRow(Markup.Escape(plugin.Slug), Markup.Escape(license), Markup.Escape(string.Join(", ", plugin.Versions.Select(v => v.Version))));
        }

        console.Write(table);
    }
}
