using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using WunderUpdates.Client;

namespace PluginApis.Cli;

/// <summary><c>pluginapis keys list|add|delete</c>: licence keys of a static-keys plugin on WunderUpdates.</summary>
internal static class KeysCommand
{
    public static Command Create(CliApp app)
    {
        var command = new Command("keys", "List and manage the licence keys of a static-keys plugin on WunderUpdates.");
        command.Subcommands.Add(List(app));
        command.Subcommands.Add(Add(app));
        command.Subcommands.Add(Delete(app));
        return command;
    }

    private static Argument<string> KeyArgument() => new("key") { Description = "The licence key." };

    private static Command List(CliApp app)
    {
        var slug = PluginsCommand.SlugArgument();
        var command = new Command("list", "List a plugin's licence keys.") { slug };
        app.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var client = await session.WunderUpdatesAsync(cancellationToken).ConfigureAwait(false);
            var keys = await client.ListLicenseKeysAsync(parse.GetRequiredValue(slug), cancellationToken).ConfigureAwait(false);
            var output = new KeysOutput([.. keys.Select(k => k.ToOutput())]);
            if (session.Json)
            {
                session.WriteJson(output, CliJson.Context.KeysOutput);
                return ExitCodes.Success;
            }

            var table = new Table().AddColumn("key").AddColumn("expires");
            foreach (var key in output.Keys)
            {
                table.AddRow(Markup.Escape(key.Key), Markup.Escape(key.Expires ?? "never"));
            }

            session.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Add(CliApp app)
    {
        var slug = PluginsCommand.SlugArgument();
        var key = KeyArgument();
        var expires = new Option<DateOnly?>("--expires")
        {
            Description = "Last day the key is valid (yyyy-MM-dd); without it the key never expires.",
            HelpName = "date",
            CustomParser = static result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return date;
                }

                result.AddError($"--expires must be a date like 2027-12-31 (was '{text}').");
                return null;
            },
        };
        var command = new Command("add", "Add one licence key.") { slug, key, expires };
        app.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var client = await session.WunderUpdatesAsync(cancellationToken).ConfigureAwait(false);
            var name = parse.GetRequiredValue(slug);
            var licenseKey = new LicenseKey(parse.GetRequiredValue(key), parse.GetValue(expires));
            await client.AddLicenseKeyAsync(name, licenseKey, cancellationToken).ConfigureAwait(false);
            session.WriteDone("added", name, $"Added a licence key to {name}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete(CliApp app)
    {
        var slug = PluginsCommand.SlugArgument();
        var key = KeyArgument();
        var command = new Command("delete", "Delete one licence key.") { slug, key };
        app.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var client = await session.WunderUpdatesAsync(cancellationToken).ConfigureAwait(false);
            var name = parse.GetRequiredValue(slug);
            await client.DeleteLicenseKeyAsync(name, parse.GetRequiredValue(key), cancellationToken).ConfigureAwait(false);
            session.WriteDone("deleted", name, $"Deleted a licence key of {name}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
