using System.Globalization;
using Spectre.Console;

namespace PluginApis.Cli;

/// <summary>A report as text: one summary line, then its errors as a table.</summary>
internal static class ReportPrinter
{
    public static void Render(IAnsiConsole console, ReportOutput report)
    {
        var verdict = report.Errors.Count == 0 && report.Passed != false ? "[green]no errors[/]" : $"[red]{report.Errors.Count} error(s)[/]";
        var tested = report.TestedAt?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "unknown time";
        console.MarkupLine(
            $"Report {Markup.Escape(report.Slug ?? "?")}: {Markup.Escape(report.Status ?? "unknown")}, {verdict} — version {Markup.Escape(report.PluginVersion ?? "?")}, " +
            $"WordPress {Markup.Escape(report.WordPressVersion ?? "?")}, PHP {Markup.Escape(report.PhpVersion ?? "?")}, tested {tested}");
        if (report.Errors.Count > 0)
        {
            var table = new Table().AddColumn("type").AddColumn("message").AddColumn("where");
            foreach (var error in report.Errors)
            {
                var where = error.File is null ? "-" : error.Line is { } line ? $"{error.File}:{line}" : error.File;
                table.AddRow(Markup.Escape(error.Type ?? "-"), Markup.Escape(error.Message ?? "-"), Markup.Escape(where));
            }

            console.Write(table);
        }

        if (report.Url is { } url)
        {
            console.WriteLine(url);
        }
    }
}
