using System.CommandLine;
using System.Net;
using Spectre.Console;
using WunderUpdates.Client;

namespace PluginApis.Cli;

/// <summary>
/// <c>pluginapis release &lt;zip&gt; [--create-if-missing] [--license …]</c>: inspects the ZIP locally, makes sure the plugin
/// exists on WunderUpdates, uploads the ZIP (with a progress bar on a terminal) and prints the slug and version.
/// </summary>
internal static class ReleaseCommand
{
    public static Command Create(CliApp app)
    {
        var zip = new Argument<FileInfo>("zip") { Description = "The plugin release ZIP (folder = slug, a main file with Plugin Name and a version)." };
        var create = new Option<bool>("--create-if-missing") { Description = "Create the plugin on WunderUpdates when it does not exist yet." };
        var license = LicenseOption();
        var command = new Command("release", "Upload a plugin release ZIP to WunderUpdates (inspected locally first).") { zip, create, license };
        app.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(zip).FullName;
            var info = PluginArchive.Inspect(path);
            var client = await session.WunderUpdatesAsync(cancellationToken).ConfigureAwait(false);
            var created = await EnsurePluginAsync(client, info.Slug, parse.GetValue(create), parse.GetValue(license), cancellationToken).ConfigureAwait(false);
            var bytes = new FileInfo(path).Length;
            var result = session.ShowProgress
                ? await UploadWithBarAsync(session.Console, client, info, path, bytes, cancellationToken).ConfigureAwait(false)
                : await client.UploadVersionAsync(info.Slug, path, progress: null, cancellationToken).ConfigureAwait(false);
            var output = new ReleaseOutput(info.Slug, info.Version, $"{info.Slug}-{info.Version}.zip", bytes, created, result.Message);
            if (session.Json)
            {
                session.WriteJson(output, CliJson.Context.ReleaseOutput);
            }
            else
            {
                session.Line($"{(created ? "Created and released" : "Released")} {output.Slug} {output.Version} ({bytes:N0} bytes as {output.File}).");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The <c>--license</c> option, shared with <c>plugins create</c>.</summary>
    public static Option<License?> LicenseOption() => new("--license")
    {
        Description = $"Licence of a plugin this command creates, or the new licence of an existing one: {LicenseParser.Syntax}.",
        HelpName = "licence",
        CustomParser = static result =>
        {
            if (LicenseParser.TryParse(result.Tokens.Count > 0 ? result.Tokens[0].Value : null, out var parsed, out var error))
            {
                return parsed;
            }

            result.AddError(error!);
            return null;
        },
    };

    /// <summary>Returns true when the plugin had to be created.</summary>
    private static async Task<bool> EnsurePluginAsync(IWunderUpdatesClient client, string slug, bool createIfMissing, License? license, CancellationToken cancellationToken)
    {
        try
        {
            var plugin = await client.GetPluginAsync(slug, cancellationToken).ConfigureAwait(false);
            if (license is not null && plugin.License?.ToString() != license.ToString())
            {
                await client.UpdateLicenseAsync(slug, license, cancellationToken).ConfigureAwait(false);
            }

            return false;
        }
        catch (WunderUpdatesException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            if (!createIfMissing)
            {
                throw CliException.NotFound($"Plugin '{slug}' does not exist on WunderUpdates: pass --create-if-missing to create it.");
            }
        }

        await client.CreatePluginAsync(slug, license ?? License.StaticKeys, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task<VersionUploadResult> UploadWithBarAsync(IAnsiConsole console, IWunderUpdatesClient client, PluginArchiveInfo info, string path, long bytes, CancellationToken cancellationToken)
    {
        VersionUploadResult? result = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape($"{info.Slug} {info.Version}"), maxValue: Math.Max(1, bytes));
                var progress = new SynchronousProgress<long>(sent => task.Value = sent);
                result = await client.UploadVersionAsync(info.Slug, path, progress, cancellationToken).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return result!;
    }
}
