using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PluginApis.Emulator.Jobs;
using PluginApis.Emulator.Json;
using PluginApis.Emulator.State;

namespace PluginApis.Emulator.PluginTestsApi;

/// <summary>PluginTests API v1 under <c>/api/v1</c>. Paths are documented; success shapes are the project's guess.</summary>
internal static class PluginTestsEndpoints
{
    private static readonly IReadOnlyList<string> Resources =
    [
        "/plugins/{directory}/{slug}",
        "/plugins/{directory}/{slug}/reports",
        "/plugins/{directory}/{slug}/reports/{reportSlug}",
        "/plugins/{directory}/{slug}/tables",
        "/plugins/{directory}/{slug}/options",
        "/user",
        "/user/plugins",
        "/user/webhooks",
        "/test-queue",
        "/tablesWith10installs.json",
        "/tablesWith500installs.json",
    ];

    public static void Map(WebApplication app, EmulatorState state, EmulatorOptions options, EmulatorStats stats, TestJobRunner jobs)
    {
        var api = app.MapGroup("/api/v1");
        var json = EmulatorJson.Context;

        api.MapGet("/", IResult (HttpContext context) =>
        {
            var user = EmulatorApp.PtUser(context);
            return Results.Json(new PtRootDto(Resources, user.Permissions), json.PtRootDto);
        });

        MapPlugins(api, state, stats);
        UserEndpoints.Map(api, state, options, stats);
        TestQueueEndpoints.Map(api, state, options, stats, jobs);
        TablesListEndpoints.Map(api, state, options);
    }

    private static void MapPlugins(RouteGroupBuilder api, EmulatorState state, EmulatorStats stats)
    {
        var json = EmulatorJson.Context;

        api.MapGet("/plugins/{directory}/{slug}", IResult (HttpContext context, string directory, string slug) =>
        {
            var user = EmulatorApp.PtUser(context);
            if (!user.Can("plugins:read"))
            {
                return Errors.PtForbidden("This API key may not read plugins.");
            }

            lock (state.Gate)
            {
                var plugin = state.PluginTests.Visible(user, directory, slug);
                return plugin is null ? Errors.PtPluginNotFound() : Results.Json(PtDtos.Plugin(plugin), json.PtPluginDto);
            }
        });

        api.MapGet("/plugins/{directory}/{slug}/reports", IResult (HttpContext context, string directory, string slug) =>
        {
            var user = EmulatorApp.PtUser(context);
            lock (state.Gate)
            {
                var plugin = state.PluginTests.Visible(user, directory, slug);
                if (plugin is null)
                {
                    return Errors.PtPluginNotFound();
                }

                // Newest first: the reverse of the order the tests were made.
                var reports = Enumerable.Reverse(plugin.Reports).Select(r => PtDtos.Report(plugin, r)).ToList();
                return Results.Json(new PtReportsEnvelope(reports), json.PtReportsEnvelope);
            }
        });

        api.MapGet("/plugins/{directory}/{slug}/reports/{reportSlug}", IResult (HttpContext context, string directory, string slug, string reportSlug) =>
        {
            var user = EmulatorApp.PtUser(context);
            lock (state.Gate)
            {
                var plugin = state.PluginTests.Visible(user, directory, slug);
                if (plugin is null)
                {
                    return Errors.PtPluginNotFound();
                }

                var report = plugin.Reports.Find(r => r.Slug == reportSlug);
                return report is null
                    ? Errors.Pt(StatusCodes.Status404NotFound, "report_not_found", "Report not found.")
                    : Results.Json(PtDtos.Report(plugin, report), json.PtReportDto);
            }
        });

        api.MapGet("/plugins/{directory}/{slug}/{entityCollection}", IResult (HttpContext context, string directory, string slug, string entityCollection) =>
        {
            var user = EmulatorApp.PtUser(context);
            if (entityCollection is not ("tables" or "options"))
            {
                return Errors.Pt(StatusCodes.Status404NotFound, "not_found", "Unknown entity collection: use tables or options.");
            }

            lock (state.Gate)
            {
                var plugin = state.PluginTests.Visible(user, directory, slug);
                if (plugin is null)
                {
                    return Errors.PtPluginNotFound();
                }

                return entityCollection == "tables"
                    ? Results.Json(new PtTablesEnvelope(plugin.Tables.Select(t => new PtTableDto(t.Name, t.Columns)).ToList()), json.PtTablesEnvelope)
                    : Results.Json(new PtOptionsEnvelope(plugin.Options.Select(o => new PtOptionDto(o.Name, o.Autoload)).ToList()), json.PtOptionsEnvelope);
            }
        });

        api.MapDelete("/plugins/{directory}/{slug}", IResult (HttpContext context, string directory, string slug) =>
        {
            var user = EmulatorApp.PtUser(context);
            lock (state.Gate)
            {
                var plugin = state.PluginTests.Visible(user, directory, slug);
                if (plugin is null)
                {
                    return Errors.PtPluginNotFound();
                }

                if (plugin.OwnerId is null)
                {
                    return Errors.PtForbidden("WordPress.org plugins cannot be deleted.");
                }

                if (!user.Can("plugins:delete"))
                {
                    return Errors.PtForbidden("This API key may not delete plugins.");
                }

                state.PluginTests.Plugins.Remove(PluginTestsState.Key(plugin.Directory, plugin.Slug));
                stats.PluginTestsPluginDeleted();
                return Results.NoContent();
            }
        });
    }
}
