using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PluginApis.Emulator.Jobs;
using PluginApis.Emulator.Json;
using PluginApis.Emulator.State;

namespace PluginApis.Emulator.PluginTestsApi;

/// <summary><c>GET /test-queue</c> (needs <c>queue:read</c>) and <c>POST /test-queue</c>; jobs then run (<see cref="TestJobRunner"/>).</summary>
internal static partial class TestQueueEndpoints
{
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,199}$")]
    private static partial Regex SlugPattern();

    public static void Map(RouteGroupBuilder api, EmulatorState state, EmulatorOptions options, EmulatorStats stats, TestJobRunner jobs)
    {
        var json = EmulatorJson.Context;

        api.MapGet("/test-queue", IResult (HttpContext context) =>
        {
            var user = EmulatorApp.PtUser(context);
            if (!user.Can("queue:read"))
            {
                return Errors.PtForbidden("This API key may not read the test queue.");
            }

            lock (state.Gate)
            {
                var list = state.PluginTests.Jobs
                    .Where(j => j.OwnerId == user.Id)
                    .OrderByDescending(j => j.Priority)
                    .ThenBy(j => j.QueuedAt)
                    .Select(PtDtos.Job)
                    .ToList();
                return Results.Json(new PtJobsEnvelope(list), json.PtJobsEnvelope);
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

            var error = Validate(body.Value!);
            if (error is not null)
            {
                return error;
            }

            ScheduledJob? scheduled;
            IResult result;
            lock (state.Gate)
            {
                (scheduled, result) = Enqueue(state, options, jobs, user, body.Value!);
            }

            if (scheduled is not null)
            {
                stats.TestQueueJobCreated();
                jobs.Start(scheduled);
            }

            return result;
        });
    }

    private static IResult? Validate(PtEnqueueRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Directory))
        {
            return Errors.PtValidation("directory is required.");
        }

        if (request.Slug is null || !SlugPattern().IsMatch(request.Slug))
        {
            return Errors.PtValidation("slug is required: lowercase letters, digits, '.', '_' and '-'.");
        }

        if (request.Priority is < 1 or > 500)
        {
            return Errors.PtValidation("priority must be an integer from 1 to 500.");
        }

        var source = request.PackageSource ?? "stable";
        if (source is not ("stable" or "direct"))
        {
            return Errors.PtValidation("packageSource must be stable or direct.");
        }

        if (source == "direct" && !PtDtos.IsHttpUrl(request.DownloadUrl))
        {
            return Errors.PtValidation("downloadUrl is required with packageSource direct and must be an absolute http or https URL.");
        }

        return source == "stable" && request.DownloadUrl is not null
            ? Errors.PtValidation("downloadUrl is only allowed with packageSource direct.")
            : null;
    }

    /// <summary>Caller holds the gate. A <c>direct</c> job for a slug not known yet creates the plugin (no report yet).</summary>
    private static (ScheduledJob? Job, IResult Result) Enqueue(
        EmulatorState state, EmulatorOptions options, TestJobRunner jobs, PtUser user, PtEnqueueRequest request)
    {
        var directory = request.Directory!;
        var slug = request.Slug!;
        var source = request.PackageSource ?? "stable";
        if (directory != PluginTestsState.WordPressOrg && directory != user.Directory)
        {
            // Another user's (or an unknown) directory: not revealed.
            return (null, Errors.PtPluginNotFound());
        }

        if (!state.PluginTests.Plugins.TryGetValue(PluginTestsState.Key(directory, slug), out var plugin))
        {
            if (source == "stable")
            {
                // The emulator cannot fetch WordPress.org: a stable job needs a plugin it knows.
                return (null, Errors.PtPluginNotFound());
            }

            state.PluginTests.Add(new PtPlugin
            {
                Directory = directory, Slug = slug, Name = slug, Version = "0.0.0",
                OwnerId = directory == PluginTestsState.WordPressOrg ? null : user.Id,
            });
        }
        else if (plugin.OwnerId is not null && plugin.OwnerId != user.Id)
        {
            return (null, Errors.PtPluginNotFound());
        }

        var job = new PtJob
        {
            Id = EmulatorState.NewId("job_"), OwnerId = user.Id, Directory = directory, Slug = slug, Priority = request.Priority ?? 100,
            PackageSource = source, DownloadUrl = request.DownloadUrl, QueuedAt = EmulatorState.Now(options.TimeProvider),
        };
        state.PluginTests.Jobs.Add(job);
        var result = Results.Json(PtDtos.Job(job), EmulatorJson.Context.PtJobDto, statusCode: StatusCodes.Status201Created);
        return (jobs.Schedule(job), result);
    }
}
