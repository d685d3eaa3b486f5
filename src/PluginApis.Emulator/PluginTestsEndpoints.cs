using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PluginApis.Emulator.Json;
using PluginApis.Emulator.State;

namespace PluginApis.Emulator;

/// <summary>PluginTests API v1 under <c>/api/v1</c>. Paths are documented; success shapes are the project's guess.</summary>
internal static partial class PluginTestsEndpoints
{
    private const string Site = "https://plugintests.com";
    private const int MaxWebhooksPerUser = 100;

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

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,199}$")]
    private static partial Regex SlugPattern();

    public static void Map(WebApplication app, EmulatorState state, EmulatorOptions options, EmulatorStats stats)
    {
        var api = app.MapGroup("/api/v1");
        var json = EmulatorJsonContext.Default;

        api.MapGet("/", IResult (HttpContext context) =>
        {
            var user = EmulatorApp.PtUser(context);
            return Results.Json(new PtRootDto(Resources, user.Permissions), json.PtRootDto);
        });

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
                return plugin is null ? Errors.PtPluginNotFound() : Results.Json(ToDto(plugin), json.PtPluginDto);
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

                var reports = plugin.Reports.OrderByDescending(r => r.TestedAt).Select(r => ToDto(plugin, r)).ToList();
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
                    : Results.Json(ToDto(plugin, report), json.PtReportDto);
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

        api.MapGet("/user", IResult (HttpContext context) =>
        {
            var user = EmulatorApp.PtUser(context);
            return Results.Json(new PtUserDto(user.Id, user.Name, user.Email, user.Directory), json.PtUserDto);
        });

        api.MapGet("/user/plugins", IResult (HttpContext context) =>
        {
            var user = EmulatorApp.PtUser(context);
            lock (state.Gate)
            {
                var plugins = state.PluginTests.Plugins.Values
                    .Where(p => p.OwnerId == user.Id)
                    .OrderBy(p => p.Slug, StringComparer.Ordinal)
                    .Select(ToDto)
                    .ToList();
                return Results.Json(new PtPluginsEnvelope(plugins), json.PtPluginsEnvelope);
            }
        });

        api.MapGet("/user/webhooks", IResult (HttpContext context) =>
        {
            var user = EmulatorApp.PtUser(context);
            lock (state.Gate)
            {
                var hooks = state.PluginTests.Webhooks.Where(w => w.OwnerId == user.Id).Select(ToDto).ToList();
                return Results.Json(new PtWebhooksEnvelope(hooks), json.PtWebhooksEnvelope);
            }
        });

        api.MapPost("/user/webhooks", async Task<IResult> (HttpContext context) =>
        {
            var user = EmulatorApp.PtUser(context);
            if (!user.Can("webhooks:write"))
            {
                return Errors.PtForbidden("This API key may not manage webhooks.");
            }

            var body = await RequestBody.ReadJsonAsync(context, json.PtWebhookRequest, options.MaxJsonBodyBytes, Service.PluginTests).ConfigureAwait(false);
            if (body.Error is not null)
            {
                return body.Error;
            }

            var request = body.Value!;
            if (!IsHttpUrl(request.Url))
            {
                return Errors.PtValidation("url must be an absolute http or https URL.");
            }

            if (request.EventType is not (null or "test_finished" or "first_test_finished"))
            {
                return Errors.PtValidation("eventType must be test_finished, first_test_finished or null (all events).");
            }

            lock (state.Gate)
            {
                if (state.PluginTests.Webhooks.Count(w => w.OwnerId == user.Id) >= MaxWebhooksPerUser)
                {
                    return Errors.PtValidation($"A user may have at most {MaxWebhooksPerUser} webhooks.");
                }

                var hook = new PtWebhook(EmulatorState.NewId("wh_"), user.Id, request.Url!, request.EventType, options.TimeProvider.GetUtcNow());
                state.PluginTests.Webhooks.Add(hook);
                stats.WebhookCreated();
                return Results.Json(ToDto(hook), json.PtWebhookDto, statusCode: StatusCodes.Status201Created);
            }
        });

        api.MapGet("/user/webhooks/{webhookId}", IResult (HttpContext context, string webhookId) =>
        {
            var user = EmulatorApp.PtUser(context);
            lock (state.Gate)
            {
                var hook = state.PluginTests.Webhooks.Find(w => w.Id == webhookId && w.OwnerId == user.Id);
                return hook is null ? WebhookNotFound() : Results.Json(ToDto(hook), json.PtWebhookDto);
            }
        });

        api.MapDelete("/user/webhooks/{webhookId}", IResult (HttpContext context, string webhookId) =>
        {
            var user = EmulatorApp.PtUser(context);
            if (!user.Can("webhooks:write"))
            {
                return Errors.PtForbidden("This API key may not manage webhooks.");
            }

            lock (state.Gate)
            {
                var removed = state.PluginTests.Webhooks.RemoveAll(w => w.Id == webhookId && w.OwnerId == user.Id);
                if (removed == 0)
                {
                    return WebhookNotFound();
                }

                stats.WebhookDeleted();
                return Results.NoContent();
            }
        });

        api.MapGet("/test-queue", IResult (HttpContext context) =>
        {
            var user = EmulatorApp.PtUser(context);
            if (!user.Can("queue:read"))
            {
                return Errors.PtForbidden("This API key may not read the test queue.");
            }

            lock (state.Gate)
            {
                var jobs = state.PluginTests.Jobs
                    .Where(j => j.OwnerId == user.Id)
                    .OrderByDescending(j => j.Priority)
                    .ThenBy(j => j.QueuedAt)
                    .Select(ToDto)
                    .ToList();
                return Results.Json(new PtJobsEnvelope(jobs), json.PtJobsEnvelope);
            }
        });

        api.MapPost("/test-queue", async Task<IResult> (HttpContext context) =>
        {
            var user = EmulatorApp.PtUser(context);
            if (!user.Can("queue:write"))
            {
                return Errors.PtForbidden("This API key may not add to the test queue.");
            }

            var body = await RequestBody.ReadJsonAsync(context, json.PtEnqueueRequest, options.MaxJsonBodyBytes, Service.PluginTests).ConfigureAwait(false);
            if (body.Error is not null)
            {
                return body.Error;
            }

            return Enqueue(state, options, stats, user, body.Value!);
        });

        api.MapGet("/tablesWith10installs.json", (HttpContext context) => WriteTablesAsync(context, state, options, 10));
        api.MapGet("/tablesWith500installs.json", (HttpContext context) => WriteTablesAsync(context, state, options, 500));
    }

    private static IResult Enqueue(EmulatorState state, EmulatorOptions options, EmulatorStats stats, PtUser user, PtEnqueueRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Directory))
        {
            return Errors.PtValidation("directory is required.");
        }

        if (request.Slug is null || !SlugPattern().IsMatch(request.Slug))
        {
            return Errors.PtValidation("slug is required: lowercase letters, digits, '.', '_' and '-'.");
        }

        var priority = request.Priority ?? 100;
        if (priority is < 1 or > 500)
        {
            return Errors.PtValidation("priority must be an integer from 1 to 500.");
        }

        var source = request.PackageSource ?? "stable";
        if (source is not ("stable" or "direct"))
        {
            return Errors.PtValidation("packageSource must be stable or direct.");
        }

        if (source == "direct" && !IsHttpUrl(request.DownloadUrl))
        {
            return Errors.PtValidation("downloadUrl is required with packageSource direct and must be an absolute http or https URL.");
        }

        if (source == "stable" && request.DownloadUrl is not null)
        {
            return Errors.PtValidation("downloadUrl is only allowed with packageSource direct.");
        }

        var directory = request.Directory;
        var slug = request.Slug;
        lock (state.Gate)
        {
            if (directory != PluginTestsState.WordPressOrg)
            {
                if (directory != user.Directory)
                {
                    // Another user's (or an unknown) directory: not revealed.
                    return Errors.PtPluginNotFound();
                }

                var key = PluginTestsState.Key(directory, slug);
                if (!state.PluginTests.Plugins.ContainsKey(key))
                {
                    if (source == "stable")
                    {
                        return Errors.PtPluginNotFound();
                    }

                    // A direct upload into the user's own directory creates the plugin (no report yet).
                    state.PluginTests.Add(new PtPlugin
                    {
                        Directory = directory, Slug = slug, Name = slug, Version = "0.0.0", OwnerId = user.Id,
                    });
                }
            }

            var job = new PtJob(EmulatorState.NewId("job_"), user.Id, directory, slug, priority, source, request.DownloadUrl, "queued",
                options.TimeProvider.GetUtcNow());
            state.PluginTests.Jobs.Add(job);
            stats.TestQueueJobCreated();
            return Results.Json(ToDto(job), EmulatorJsonContext.Default.PtJobDto, statusCode: StatusCodes.Status201Created);
        }
    }

    /// <summary>Streams the top-level array entry by entry: the body is never built as one string.</summary>
    private static async Task WriteTablesAsync(HttpContext context, EmulatorState state, EmulatorOptions options, long minInstalls)
    {
        List<(string Table, string Plugin, string Directory, long Installs)> seeded;
        lock (state.Gate)
        {
            seeded = state.PluginTests.Plugins.Values
                .Where(p => p.OwnerId is null && p.ActiveInstalls >= minInstalls)
                .OrderByDescending(p => p.ActiveInstalls).ThenBy(p => p.Slug, StringComparer.Ordinal)
                .SelectMany(p => p.Tables.Select(t => (t.Name, p.Slug, p.Directory, p.ActiveInstalls)))
                .ToList();
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        var pipe = context.Response.BodyWriter;
        var cancellationToken = context.RequestAborted;
        await using var writer = new Utf8JsonWriter(pipe);
        writer.WriteStartArray();
        foreach (var entry in seeded)
        {
            WriteEntry(writer, entry.Table, entry.Plugin, entry.Directory, entry.Installs);
        }

        for (var i = 0; i < options.GeneratedTableCount; i++)
        {
            // Even entries have >= 500 installs (in both lists), odd ones 10..499 (only in the 10-installs list).
            long installs = i % 2 == 0 ? 500 + (i * 7L % 1_000_000) : 10 + (i % 490);
            if (installs < minInstalls)
            {
                continue;
            }

            var number = i.ToString("D7", CultureInfo.InvariantCulture);
            WriteEntry(writer, $"wp_generated_{number}_data", $"generated-plugin-{number}", PluginTestsState.WordPressOrg, installs);
            if (writer.BytesPending > 32 * 1024)
            {
                writer.Flush();
                await pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await pipe.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteEntry(Utf8JsonWriter writer, string table, string plugin, string directory, long installs)
    {
        writer.WriteStartObject();
        writer.WriteString("name", table);
        writer.WriteString("plugin", plugin);
        writer.WriteString("directory", directory);
        writer.WriteNumber("activeInstalls", installs);
        writer.WriteEndObject();
    }

    private static IResult WebhookNotFound() => Errors.Pt(StatusCodes.Status404NotFound, "webhook_not_found", "Webhook not found.");

    private static bool IsHttpUrl(string? value) =>
        value is { Length: <= 2048 } &&
        Uri.TryCreate(value, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static PtPluginDto ToDto(PtPlugin plugin)
    {
        var latest = plugin.Reports.MaxBy(r => r.TestedAt);
        return new PtPluginDto(plugin.Directory, plugin.Slug, plugin.Name, plugin.Version, plugin.ActiveInstalls,
            $"{Site}/plugins/{plugin.Directory}/{plugin.Slug}/latest", latest?.Slug, latest is null ? null : EmulatorState.Iso(latest.TestedAt));
    }

    private static PtReportDto ToDto(PtPlugin plugin, PtReport report) =>
        new(report.Slug, report.PluginVersion, report.Status, EmulatorState.Iso(report.TestedAt), report.WordpressVersion, report.PhpVersion,
            report.Errors.Select(e => new PtReportErrorDto(e.Type, e.Message, e.File, e.Line)).ToList(),
            $"{Site}/plugins/{plugin.Directory}/{plugin.Slug}/reports/{report.Slug}");

    private static PtWebhookDto ToDto(PtWebhook hook) => new(hook.Id, hook.Url, hook.EventType, EmulatorState.Iso(hook.CreatedAt));

    private static PtJobDto ToDto(PtJob job) =>
        new(job.Id, job.Directory, job.Slug, job.Priority, job.PackageSource, job.DownloadUrl, job.Status, EmulatorState.Iso(job.QueuedAt));
}
