using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PluginApis.Emulator.Json;
using PluginApis.Emulator.State;

namespace PluginApis.Emulator.PluginTestsApi;

/// <summary><c>/user</c>, <c>/user/plugins</c> and the webhooks under <c>/user/webhooks</c>.</summary>
internal static class UserEndpoints
{
    private const int MaxWebhooksPerUser = 100;

    public static void Map(RouteGroupBuilder api, EmulatorState state, EmulatorOptions options, EmulatorStats stats)
    {
        var json = EmulatorJson.Context;

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
                    .Select(PtDtos.Plugin)
                    .ToList();
                return Results.Json(new PtPluginsEnvelope(plugins), json.PtPluginsEnvelope);
            }
        });

        api.MapGet("/user/webhooks", IResult (HttpContext context) =>
        {
            var user = EmulatorApp.PtUser(context);
            lock (state.Gate)
            {
                var hooks = state.PluginTests.Webhooks.Where(w => w.OwnerId == user.Id).Select(PtDtos.Webhook).ToList();
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
            if (!PtDtos.IsHttpUrl(request.Url))
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

                var hook = new PtWebhook(EmulatorState.NewId("wh_"), user.Id, request.Url!, request.EventType, EmulatorState.Now(options.TimeProvider));
                state.PluginTests.Webhooks.Add(hook);
                stats.WebhookCreated();
                return Results.Json(PtDtos.Webhook(hook), json.PtWebhookDto, statusCode: StatusCodes.Status201Created);
            }
        });

        api.MapGet("/user/webhooks/{webhookId}", IResult (HttpContext context, string webhookId) =>
        {
            var user = EmulatorApp.PtUser(context);
            lock (state.Gate)
            {
                var hook = state.PluginTests.Webhooks.Find(w => w.Id == webhookId && w.OwnerId == user.Id);
                return hook is null ? WebhookNotFound() : Results.Json(PtDtos.Webhook(hook), json.PtWebhookDto);
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
    }

    private static IResult WebhookNotFound() => Errors.Pt(StatusCodes.Status404NotFound, "webhook_not_found", "Webhook not found.");
}
