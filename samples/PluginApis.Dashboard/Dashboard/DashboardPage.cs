using System.Globalization;
using System.Net;
using System.Text;

namespace PluginApis.Dashboard;

/// <summary>Renders a <see cref="DashboardView"/> as one HTML page; every value from the services is HTML-encoded.</summary>
internal static class DashboardPage
{
    public static string Render(DashboardView view)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Plugin dashboard</title>")
            .Append("<style>body{font-family:sans-serif}td,th{padding:2px 10px;text-align:left}</style></head><body>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>Plugin dashboard</h1><p>Source: {E(view.Source)}. JSON: <a href=\"/dashboard\">/dashboard</a></p>\n")
            .Append("<h2>PluginTests: latest reports</h2>\n<table><tr><th>Plugin</th><th>Version</th><th>Latest report</th><th>Status</th><th>Errors</th><th>Tested</th><th>WordPress / PHP</th></tr>\n");
        foreach (var plugin in view.PluginTests)
        {
            var report = plugin.LatestReport;
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(plugin.Name)} <small>{E(plugin.Directory)}/{E(plugin.Slug)}{(plugin.Own ? ", yours" : string.Empty)}</small></td><td>{E(plugin.Version)}</td>")
                .Append(report is null
                    ? "<td colspan=\"5\">never tested</td></tr>\n"
                    : string.Create(CultureInfo.InvariantCulture,
                        $"<td>{E(report.Slug)}</td><td>{E(report.Status)}</td><td>{report.Errors}</td><td>{report.TestedAt:yyyy-MM-dd}</td><td>{E(report.WordPressVersion)} / {E(report.PhpVersion)}</td></tr>\n"));
        }

        html.Append("</table>\n<h2>WunderUpdates: releases</h2>\n<table><tr><th>Plugin</th><th>Licence</th><th>Stable release</th><th>Uploaded versions</th></tr>\n");
        foreach (var plugin in view.WunderUpdates)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(plugin.Slug)}</td><td>{E(plugin.License)}</td><td>{E(plugin.StableRelease ?? "none")}</td><td>{E(string.Join(", ", plugin.Versions))}</td></tr>\n");
        }

        return html.Append("</table>\n</body></html>\n").ToString();
    }

    private static string E(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);
}
