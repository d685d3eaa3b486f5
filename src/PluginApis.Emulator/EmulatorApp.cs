using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PluginApis.Emulator.Jobs;
using PluginApis.Emulator.Json;
using PluginApis.Emulator.PluginTestsApi;
using PluginApis.Emulator.State;
using PluginApis.Emulator.WunderUpdatesApi;

namespace PluginApis.Emulator;

/// <summary>Builds the emulator's <see cref="WebApplication"/>: Kestrel, JSON, rate limiting, auth and both services' routes.</summary>
internal static class EmulatorApp
{
    public const string DefaultStandaloneUrl = "http://127.0.0.1:5080";
    public const string InProcessUrl = "http://127.0.0.1:0";

    private const string PtUserItem = "PluginApis.Emulator.PtUser";
    private const string WuAccountItem = "PluginApis.Emulator.WuAccount";

    /// <summary>A builder that ignores the calling application's appsettings/ASPNETCORE_* settings and logs nothing by default.</summary>
    public static WebApplicationBuilder CreateInProcessBuilder(EmulatorOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseUrls(options.Url ?? InProcessUrl);
        builder.Logging.ClearProviders();
        return builder;
    }

    /// <summary>The app and its job runner (dispose the runner when the app stops), built on a prepared <paramref name="builder"/>.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public static (WebApplication App, TestJobRunner Jobs) Build(WebApplicationBuilder builder, EmulatorOptions options, EmulatorStats stats)
    {
        options.Validate();
        if (options.LoggerProvider is not null)
        {
            builder.Logging.AddProvider(options.LoggerProvider);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Our own readers enforce the precise limits; this is only the outer bound.
            kestrel.Limits.MaxRequestBodySize = Math.Max(options.MaxUploadBytes, options.MaxJsonBodyBytes) + 1;
        });
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Encoder = EmulatorJson.Encoder;
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, EmulatorJson.Context);
        });

        var state = new EmulatorState();
        Seed.Apply(state);
        foreach (var key in options.AdditionalPluginTestsDemoKeys)
        {
            state.PluginTests.UsersByKey[key] = state.PluginTests.UsersByKey[EmulatorKeys.PluginTestsDemo];
        }

        foreach (var key in options.AdditionalWunderUpdatesDemoKeys)
        {
            state.WunderUpdates.AccountsByKey[key] = state.WunderUpdates.AccountsByKey[EmulatorKeys.WunderUpdatesDemo];
        }

        var limiter = new FixedWindowRateLimiter(options.TimeProvider);
        var jobs = new TestJobRunner(state, options, stats);

        var app = builder.Build();
        app.Use(RouteSegments.PreserveRawSegments);
        app.UseRouting();
        app.Use((context, next) => Pipeline(context, next, state, options, stats, limiter, jobs));
        app.MapGet("/", () => Results.Text(
            "PluginApis emulator. PluginTests: /api/v1/?apiKey=KEY  WunderUpdates: /v1/ (x-api-key header). See docs/emulator.md.\n"));
        PluginTestsEndpoints.Map(app, state, options, stats, jobs);
        WunderUpdatesEndpoints.Map(app, state, options, stats);
        return (app, jobs);
    }

    public static PtUser PtUser(HttpContext context) => (PtUser)context.Items[PtUserItem]!;

    public static WuAccount WuAccount(HttpContext context) => (WuAccount)context.Items[WuAccountItem]!;

    private static async Task Pipeline(
        HttpContext context, RequestDelegate next, EmulatorState state, EmulatorOptions options, EmulatorStats stats,
        FixedWindowRateLimiter limiter, TestJobRunner jobs)
    {
        stats.Request();
        var path = context.Request.Path;
        var service = path.StartsWithSegments("/api/v1", StringComparison.Ordinal) ? Service.PluginTests
            : path.StartsWithSegments("/v1", StringComparison.Ordinal) ? Service.WunderUpdates
            : Service.None;
        if (service == Service.None)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        // Who is calling? PluginTests: ?apiKey=; WunderUpdates: x-api-key header.
        string? credential = service == Service.PluginTests
            ? context.Request.Query["apiKey"].ToString()
            : context.Request.Headers["x-api-key"].ToString();
        object? principal = null;
        if (!string.IsNullOrEmpty(credential))
        {
            lock (state.Gate)
            {
                principal = service == Service.PluginTests
                    ? state.PluginTests.UsersByKey.GetValueOrDefault(credential)
                    : state.WunderUpdates.AccountsByKey.GetValueOrDefault(credential);
            }
        }

        if (options.EnableRateLimiting)
        {
            // A valid key has its own window; everything else shares one window per client address and service.
            var bucket = principal is not null
                ? $"{service}:key:{credential}"
                : $"{service}:anonymous:{context.Connection.RemoteIpAddress}";
            var decision = limiter.Acquire(bucket, service == Service.PluginTests ? options.PluginTestsLimit : options.WunderUpdatesLimit);
            decision.WriteHeaders(context.Response, options.SendRetryAfter);
            if (!decision.Allowed)
            {
                stats.RateLimitedRequest();
                var seconds = decision.ResetSeconds.ToString(CultureInfo.InvariantCulture);
                await Errors.For(service, StatusCodes.Status429TooManyRequests, "rate_limit_exceeded",
                    $"Rate limit exceeded: {decision.Limit} requests per {decision.WindowSeconds} seconds. Try again in {seconds} seconds.")
                    .ExecuteAsync(context).ConfigureAwait(false);
                return;
            }
        }

        var isPublic = service == Service.WunderUpdates && path.StartsWithSegments("/v1/public", StringComparison.Ordinal);
        if (!isPublic)
        {
            if (principal is null)
            {
                var result = service == Service.PluginTests
                    ? Errors.Pt(StatusCodes.Status401Unauthorized, "invalid_api_key",
                        string.IsNullOrEmpty(credential) ? "An API key is required (query parameter apiKey)." : "Invalid API key.")
                    : Errors.Wu(StatusCodes.Status401Unauthorized, "Unauthorized");
                await result.ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            context.Items[service == Service.PluginTests ? PtUserItem : WuAccountItem] = principal;
        }

        // PluginTests answers as of now: jobs due by the emulator's clock finish first. The emulator's own package
        // downloads never wait for that (a job may be fetching from this very emulator).
        if (service == Service.PluginTests && context.Request.Headers.UserAgent != PackageFetcher.UserAgent)
        {
            await jobs.CatchUpAsync(context.RequestAborted).ConfigureAwait(false);
        }

        RouteSegments.UnescapeRouteValues(context);

        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await Errors.For(service, ex.StatusCode, Errors.PtCodeFor(ex.StatusCode), "The request could not be read.")
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested
                                   && ex is not OperationCanceledException)
        {
            await Errors.For(service, StatusCodes.Status500InternalServerError, "internal_error", "Internal emulator error.")
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        // No route matched (404), wrong method (405), ...: answer with the service's error body, never an empty one.
        if (!context.Response.HasStarted && context.Response.StatusCode >= 400)
        {
            var status = context.Response.StatusCode;
            var message = status switch
            {
                StatusCodes.Status404NotFound => "Not found.",
                StatusCodes.Status405MethodNotAllowed => "Method not allowed.",
                _ => "Request failed.",
            };
            await Errors.For(service, status, Errors.PtCodeFor(status), message).ExecuteAsync(context).ConfigureAwait(false);
        }
    }
}
