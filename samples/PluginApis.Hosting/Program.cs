// A generic-host console app that registers both clients with dependency injection, bound from configuration
// (appsettings.json, environment variables such as PluginTests__ApiKey, or the command line), and reads the SDK's
// traces and metrics. Without keys it starts the embedded emulator and points the configuration at it.
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PluginApis.Emulator;
using PluginApis.Http;
using PluginTests.Client;
using WunderUpdates.Client;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

await using var emulator = string.IsNullOrEmpty(builder.Configuration["PluginTests:ApiKey"]) ? await EmulatorHost.StartAsync() : null;
if (emulator is not null)
{
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["PluginTests:ApiKey"] = EmulatorKeys.PluginTestsDemo,
        ["PluginTests:BaseAddress"] = emulator.PluginTestsBaseAddress.AbsoluteUri,
        ["WunderUpdates:ApiKey"] = EmulatorKeys.WunderUpdatesDemo,
        ["WunderUpdates:BaseAddress"] = emulator.WunderUpdatesBaseAddress.AbsoluteUri,
    });
    Console.WriteLine($"No PluginTests:ApiKey configured: using the embedded emulator at {emulator.BaseAddress}");
}

// Registration: bound from a configuration section, validated at start-up; the returned IHttpClientBuilder takes your own handlers.
builder.Services.AddPluginTestsClient(builder.Configuration.GetSection("PluginTests"))
    .AddHttpMessageHandler(() => new UserAgentHandler("PluginApis.Hosting/1.0"));
builder.Services.AddWunderUpdatesClient(builder.Configuration.GetSection("WunderUpdates"));

// Traces: one span per SDK call from the ActivitySource "PluginApis" (OpenTelemetry: AddSource("PluginApis")).
using var spans = new ActivityListener
{
    ShouldListenTo = source => source.Name == ApiTelemetry.Name,
    Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    ActivityStopped = span => Console.WriteLine(
        $"  span {span.OperationName}: {span.GetTagItem("http.request.method")} {span.GetTagItem("url.full")} -> {span.GetTagItem("http.response.status_code")}, " +
        $"attempts {span.GetTagItem("pluginapis.attempts")}, remaining {span.GetTagItem("pluginapis.ratelimit.remaining")}, {span.Duration.TotalMilliseconds:0} ms"),
};
ActivitySource.AddActivityListener(spans);

// Metrics: the Meter "PluginApis" (OpenTelemetry: AddMeter("PluginApis")).
var requests = 0L;
using var meters = new MeterListener
{
    InstrumentPublished = (instrument, listener) =>
    {
        if (instrument.Meter.Name == ApiTelemetry.Name)
        {
            listener.EnableMeasurementEvents(instrument);
        }
    },
};
meters.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
{
    if (instrument.Name == "pluginapis.requests")
    {
        Interlocked.Add(ref requests, value);
    }
});
meters.Start();

using var host = builder.Build();
await host.StartAsync(); // options are validated here: a missing key or a relative base address fails with a clear message

var pluginTests = host.Services.GetRequiredService<IPluginTestsClient>();
var wunderUpdates = host.Services.GetRequiredService<IWunderUpdatesClient>();

var user = await pluginTests.GetCurrentUserAsync();
Console.WriteLine($"PluginTests user: {user.Name}");
var plugin = await pluginTests.GetPluginAsync("wporg", "akismet");
Console.WriteLine($"Plugin: {plugin.Name} {plugin.Version}");
var plugins = await wunderUpdates.ListPluginsAsync();
Console.WriteLine($"WunderUpdates plugins: {string.Join(", ", plugins.Select(p => p.Slug))}");
Console.WriteLine($"HTTP attempts counted by the meter: {Interlocked.Read(ref requests)}");

await host.StopAsync();
return 0;

/// <summary>An example of a handler of your own added to the SDK's chain through the returned IHttpClientBuilder.</summary>
internal sealed class UserAgentHandler(string userAgent) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.UserAgent.ParseAdd(userAgent);
        return base.SendAsync(request, cancellationToken);
    }
}
