using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PluginApis.Emulator.Json;
using PluginApis.Emulator.State;

namespace PluginApis.Emulator.WunderUpdatesApi;

/// <summary>WunderUpdates API v1 under <c>/v1</c>: documented paths and envelopes; error bodies are the project's guess.</summary>
internal static partial class WunderUpdatesEndpoints
{
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,99}$")]
    private static partial Regex SlugPattern();

    public static void Map(WebApplication app, EmulatorState state, EmulatorOptions options, EmulatorStats stats)
    {
        var v1 = app.MapGroup("/v1");
        MapPluginsAndVersions(v1, state, options, stats);
        LicenseKeyEndpoints.Map(v1, state, options, stats);
        AccountEndpoints.Map(v1, state, options, stats);
        PublicUpdateEndpoints.Map(v1, state, options);
    }

    private static void MapPluginsAndVersions(RouteGroupBuilder v1, EmulatorState state, EmulatorOptions options, EmulatorStats stats)
    {
        var json = EmulatorJson.Context;

        // ---- plugins ----
        v1.MapGet("/plugins", IResult (HttpContext context) =>
        {
            var account = EmulatorApp.WuAccount(context);
            lock (state.Gate)
            {
                return Results.Json(new WuPluginsEnvelope(200, WuResults.AllPlugins(account)), json.WuPluginsEnvelope);
            }
        });

        v1.MapPost("/plugins", async Task<IResult> (HttpContext context) =>
        {
            var account = EmulatorApp.WuAccount(context);
            var body = await RequestBody.ReadJsonAsync(context, json.WuCreatePluginRequest, options.MaxJsonBodyBytes, Service.WunderUpdates).ConfigureAwait(false);
            if (body.Error is not null)
            {
                return body.Error;
            }

            var request = body.Value!;
            if (request.Slug is null || !SlugPattern().IsMatch(request.Slug))
            {
                return Errors.WuBadRequest("slug is required: lowercase letters, digits, '_' and '-' (at most 100 characters).");
            }

            var licenseError = WuResults.ValidateLicense(request.License);
            if (licenseError is not null)
            {
                return Errors.WuBadRequest(licenseError);
            }

            lock (state.Gate)
            {
                if (account.Plugins.ContainsKey(request.Slug))
                {
                    return Errors.Wu(StatusCodes.Status409Conflict, $"Plugin {request.Slug} already exists.");
                }

                var plugin = new WuPlugin
                {
                    Slug = request.Slug,
                    LicenseType = request.License!.Type!,
                    Products = request.License.Products ?? [],
                };
                account.Plugins[plugin.Slug] = plugin;
                stats.PluginCreated();
                return Results.Json(new WuDataEnvelope(200, [WuResults.Plugin(plugin)]), json.WuDataEnvelope);
            }
        });

        v1.MapGet("/plugins/{slug}", IResult (HttpContext context, string slug) =>
        {
            var account = EmulatorApp.WuAccount(context);
            lock (state.Gate)
            {
                return account.Plugins.TryGetValue(slug, out var plugin)
                    ? Results.Json(new WuPluginEnvelope(200, WuResults.Plugin(plugin)), json.WuPluginEnvelope)
                    : WuResults.PluginNotFound(slug);
            }
        });

        v1.MapPut("/plugins/{slug}", async Task<IResult> (HttpContext context, string slug) =>
        {
            var account = EmulatorApp.WuAccount(context);
            var body = await RequestBody.ReadJsonAsync(context, json.WuUpdatePluginRequest, options.MaxJsonBodyBytes, Service.WunderUpdates).ConfigureAwait(false);
            if (body.Error is not null)
            {
                return body.Error;
            }

            var licenseError = WuResults.ValidateLicense(body.Value!.License);
            if (licenseError is not null)
            {
                return Errors.WuBadRequest(licenseError);
            }

            lock (state.Gate)
            {
                if (!account.Plugins.TryGetValue(slug, out var plugin))
                {
                    return WuResults.PluginNotFound(slug);
                }

                plugin.LicenseType = body.Value.License!.Type!;
                plugin.Products = body.Value.License.Products ?? [];
                return Results.Json(new WuPluginEnvelope(200, WuResults.Plugin(plugin)), json.WuPluginEnvelope);
            }
        });

        v1.MapDelete("/plugins/{slug}", IResult (HttpContext context, string slug) =>
        {
            var account = EmulatorApp.WuAccount(context);
            lock (state.Gate)
            {
                if (!account.Plugins.Remove(slug))
                {
                    return WuResults.PluginNotFound(slug);
                }

                stats.PluginDeleted();
                return WuResults.Message($"Plugin {slug} was deleted");
            }
        });

        // ---- versions ----
        v1.MapGet("/plugins/{slug}/versions", IResult (HttpContext context, string slug) =>
        {
            var account = EmulatorApp.WuAccount(context);
            lock (state.Gate)
            {
                return account.Plugins.TryGetValue(slug, out var plugin)
                    ? Results.Json(new WuVersionsEnvelope(200, WuResults.Versions(plugin)), json.WuVersionsEnvelope)
                    : WuResults.PluginNotFound(slug);
            }
        });

        v1.MapPost("/plugins/{slug}/versions", Task<IResult> (HttpContext context, string slug) =>
            VersionUpload.HandleAsync(context, slug, state, options, stats));

        v1.MapGet("/plugins/{slug}/versions/{version}", IResult (HttpContext context, string slug, string version) =>
        {
            var account = EmulatorApp.WuAccount(context);
            lock (state.Gate)
            {
                if (!account.Plugins.TryGetValue(slug, out var plugin))
                {
                    return WuResults.PluginNotFound(slug);
                }

                return plugin.Versions.TryGetValue(version, out var found)
                    ? Results.Json(new WuVersionEnvelope(200, new WuVersionDto(found.File, found.Version)), json.WuVersionEnvelope)
                    : Errors.WuNotFound($"Version {version} of {slug} not found.");
            }
        });

        v1.MapDelete("/plugins/{slug}/versions/{version}", IResult (HttpContext context, string slug, string version) =>
        {
            var account = EmulatorApp.WuAccount(context);
            lock (state.Gate)
            {
                if (!account.Plugins.TryGetValue(slug, out var plugin))
                {
                    return WuResults.PluginNotFound(slug);
                }

                if (!plugin.Versions.Remove(version))
                {
                    return Errors.WuNotFound($"Version {version} of {slug} not found.");
                }

                stats.VersionDeleted();
                return WuResults.Message($"Version {version} of {slug} was deleted.");
            }
        });
    }
}
