using System.CommandLine;
using Spectre.Console;

namespace PluginApis.Cli;

/// <summary><c>pluginapis reports list|get</c>: a plugin's PluginTests reports.</summary>
internal static class ReportsCommand
{
    public static Command Create(CliApp app)
    {
        var command = new Command("reports", "Read a plugin's PluginTests reports.");
        command.Subcommands.Add(List(app));
        command.Subcommands.Add(Get(app));
        return command;
    }

    private static Command List(CliApp app)
    {
        var (directory, slug) = PluginArguments();
        var command = new Command("list", "List a plugin's reports, newest first.") { directory, slug };
        app.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var client = await session.PluginTestsAsync(cancellationToken).ConfigureAwait(false);
            var reports = await client.ListReportsAsync(parse.GetRequiredValue(directory), parse.GetRequiredValue(slug), cancellationToken).ConfigureAwait(false);
            var output = new ReportsOutput([.. reports.OrderByDescending(r => r.TestedAt).Select(r => r.ToOutput())]);
            if (session.Json)
            {
                session.WriteJson(output, CliJson.Context.ReportsOutput);
                return ExitCodes.Success;
            }

            var table = new Table().AddColumn("report").AddColumn("version").AddColumn("status").AddColumn("errors").AddColumn("tested at");
            foreach (var report in output.Reports)
            {
                table.AddRow(Markup.Escape(report.Slug ?? "-"), Markup.Escape(report.PluginVersion ?? "-"), Markup.Escape(report.Status ?? "-"),
                    report.Errors.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(report.TestedAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "-"));
            }

            session.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Get(CliApp app)
    {
        var (directory, slug) = PluginArguments();
        var reportSlug = new Argument<string>("report") { Description = "The report slug (from 'reports list')." };
        var command = new Command("get", "Show one report with its errors.") { directory, slug, reportSlug };
        app.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var client = await session.PluginTestsAsync(cancellationToken).ConfigureAwait(false);
            var report = await client.GetReportAsync(parse.GetRequiredValue(directory), parse.GetRequiredValue(slug), parse.GetRequiredValue(reportSlug), cancellationToken).ConfigureAwait(false);
            if (session.Json)
            {
                session.WriteJson(report.ToOutput(), CliJson.Context.ReportOutput);
            }
            else
            {
                ReportPrinter.Render(session.Console, report.ToOutput());
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static (Argument<string> Directory, Argument<string> Slug) PluginArguments() => (
        new Argument<string>("directory") { Description = "The PluginTests directory: wporg, or your own directory." },
        new Argument<string>("slug") { Description = "The plugin slug." });
}
