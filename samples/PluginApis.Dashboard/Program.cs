// An ASP.NET Core minimal-API dashboard: your plugins and their latest test reports (PluginTests) and releases
// (WunderUpdates), both clients registered with dependency injection and bound from configuration, and OpenTelemetry
// writing the SDK's spans (ActivitySource "PluginApis") and metrics (Meter "PluginApis") to the console.
// Without PluginTests:ApiKey it starts the embedded emulator and points the configuration at it.
//   GET /           the dashboard as an HTML page
//   GET /dashboard  the same as JSON
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PluginApis.Dashboard;
using PluginApis.Emulator;
using PluginApis.Http;
using PluginTests.Client;
using WunderUpdates.Client;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

await using var emulator = string.IsNullOrEmpty(builder.Configuration["PluginTests:ApiKey"]) ? await EmulatorHost.StartAsync() : null;
if (emulator is not null)
{
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["PluginTests:ApiKey"] = EmulatorKeys.PluginTestsDemo,
        ["PluginTests:BaseAddress"] = emulator.PluginTestsBaseAddress.AbsoluteUri,
        ["WunderUpdates:ApiKey"] = EmulatorKeys.WunderUpdatesDemo,
        ["WunderUpdates:BaseAddress"] = emulator.WunderUpdatesBaseAddress.AbsoluteUri,
        ["Dashboard:Source"] = "embedded emulator",
    });
    Console.WriteLine($"No PluginTests:ApiKey configured: using the embedded emulator at {emulator.BaseAddress}");
}

builder.Services.AddPluginTestsClient(builder.Configuration.GetSection("PluginTests"));
builder.Services.AddWunderUpdatesClient(builder.Configuration.GetSection("WunderUpdates"));
builder.Services.Configure<DashboardOptions>(builder.Configuration.GetSection("Dashboard"));
builder.Services.AddTransient<PluginDashboard>();

// The embedded emulator serves its requests in this process too: leave them out of the dashboard's server spans.
var emulatorPort = emulator?.BaseAddress.Port;
builder.Services.AddOpenTelemetry()
    .ConfigureResource(resource => resource.AddService("PluginApis.Dashboard"))
    .WithTracing(tracing => tracing
        .AddSource("PluginApis")                // one span per SDK call: PluginTests.GetPlugin, WunderUpdates.ListPlugins, ...
        .AddAspNetCoreInstrumentation(o => o.Filter = context => context.Connection.LocalPort != emulatorPort)
        .AddHttpClientInstrumentation()          // each HTTP attempt inside an SDK call (query values redacted)
        .AddConsoleExporter())
    .WithMetrics(metrics => metrics
        .AddMeter("PluginApis")                 // pluginapis.requests, pluginapis.retries, pluginapis.rate_limited, pluginapis.quota_wait
        .AddConsoleExporter());

await using var app = builder.Build();   // disposed at exit: the providers flush the last spans and metrics

app.MapGet("/dashboard", async (PluginDashboard dashboard, CancellationToken cancellationToken) =>
    await Respond(dashboard, view => Results.Ok(view), cancellationToken));
app.MapGet("/", async (PluginDashboard dashboard, CancellationToken cancellationToken) =>
    await Respond(dashboard, view => Results.Content(DashboardPage.Render(view), "text/html; charset=utf-8"), cancellationToken));

await app.StartAsync();
Console.WriteLine($"Dashboard listening on {app.Urls.First()} (JSON: /dashboard). Press Ctrl+C to stop.");
await app.WaitForShutdownAsync();
return 0;

// A service error becomes a 502 with the SDK's message, which never holds the API key.
static async Task<IResult> Respond(PluginDashboard dashboard, Func<DashboardView, IResult> render, CancellationToken cancellationToken)
{
    try
    {
        return render(await dashboard.LoadAsync(cancellationToken));
    }
    catch (ApiException ex)
    {
        return Results.Problem(ex.Message, statusCode: StatusCodes.Status502BadGateway, title: "A service call failed");
    }
}
