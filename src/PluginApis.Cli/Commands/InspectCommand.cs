using System.CommandLine;
using Spectre.Console;
using WunderUpdates.Client;

namespace PluginApis.Cli;

/// <summary><c>pluginapis inspect &lt;zip&gt;</c>: what WunderUpdates would read from a release ZIP, or why it would refuse it. No key needed.</summary>
internal static class InspectCommand
{
    public static Command Create(CliApp app)
    {
        var zip = new Argument<FileInfo>("zip") { Description = "The plugin release ZIP." };
        var command = new Command("inspect", "Show what the service would read from a plugin ZIP (slug, version, headers), or why it would refuse it.");
        command.Arguments.Add(zip);
        app.SetAction(command, (session, parse, _) =>
        {
            var info = PluginArchive.Inspect(parse.GetRequiredValue(zip).FullName);
            if (session.Json)
            {
                session.WriteJson(info.ToOutput(), CliJson.Context.InspectOutput);
            }
            else
            {
                Render(session.Console, info);
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    public static void Render(IAnsiConsole console, PluginArchiveInfo info)
    {
        var source = info.VersionSource == PluginVersionSource.PluginHeader ? "Version: header" : "readme Stable tag";
        var table = new Table().HideHeaders().AddColumn("field").AddColumn("value");
        table.AddRow("Slug", Markup.Escape(info.Slug));
        table.AddRow("Version", Markup.Escape($"{info.Version} (from the {source})"));
        table.AddRow("Plugin name", Markup.Escape(info.PluginName));
        table.AddRow("Main file", Markup.Escape(info.MainFile));
        foreach (var (name, value) in info.PluginHeaders.Where(h => h.Key is not ("Plugin Name" or "Version")).OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(value));
        }

        if (info.Readme is { } readme)
        {
            table.AddRow("readme.txt", Markup.Escape($"{readme.Name} (stable tag {readme.StableTag ?? "-"}, tested up to {readme.TestedUpTo ?? "-"})"));
        }

        console.Write(table);
    }
}
