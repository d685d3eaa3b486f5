// The PluginApis Tour: every endpoint of PluginTests and WunderUpdates, one line (or a small table) per step.
//
//   dotnet run --project samples/PluginApis.Tour            the emulator, started in-process: every endpoint
//   PLUGINTESTS_API_KEY=... WUNDERUPDATES_API_KEY=... dotnet run --project samples/PluginApis.Tour
//                                                           the live services, read-only calls only (each service on its own)
//
// Exit code 0 when every step passed, 1 otherwise.

using System.Diagnostics;
using PluginApis.Emulator;
using PluginApis.Tour;
using PluginTests.Client;
using Spectre.Console;
using WunderUpdates.Client;

var pluginTestsKey = Environment.GetEnvironmentVariable("PLUGINTESTS_API_KEY") is { Length: > 0 } pk ? pk : null;
var wunderUpdatesKey = Environment.GetEnvironmentVariable("WUNDERUPDATES_API_KEY") is { Length: > 0 } wk ? wk : null;

// A terminal gets colours, tables and live progress bars; a file or pipe (CI: `> log`) gets plain text and no redrawing.
var console = Console.IsOutputRedirected
    ? AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(Console.Out),
    })
    : AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    console.Profile.Width = 160; // a log file has no window width; 80 columns would wrap the lines
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var steps = new TourSteps(console, cancel.Token);
var watch = Stopwatch.StartNew();
var work = Directory.CreateTempSubdirectory("pluginapis-tour-");
EmulatorHost? emulator = null;
try
{
    console.Write(new Rule("[bold]PluginApis Tour[/]"));
    if (pluginTestsKey is null || wunderUpdatesKey is null)
    {
        emulator = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            RateLimit = new EmulatorRateLimit { PermitLimit = 1000, Window = TimeSpan.FromMinutes(1) },
            GeneratedTableCount = 20_000,
        }, cancel.Token);
        steps.Note($"emulator listening on {emulator.BaseAddress} (in-process, in memory)");
    }

    steps.Note("PluginTests:   " + (pluginTestsKey is null ? "emulator, every endpoint" : "live service (PLUGINTESTS_API_KEY), read-only calls"));
    steps.Note("WunderUpdates: " + (wunderUpdatesKey is null ? "emulator, every endpoint" : "live service (WUNDERUPDATES_API_KEY), read-only calls"));

    using (var pluginTests = pluginTestsKey is null
               ? new PluginTestsClient(new PluginTestsClientOptions { ApiKey = EmulatorKeys.PluginTestsDemo, BaseAddress = emulator!.PluginTestsBaseAddress })
               : new PluginTestsClient(pluginTestsKey))
    {
        await new PluginTestsTour(steps, pluginTests, live: pluginTestsKey is not null)
            .RunAsync(EmulatorKeys.PluginTestsDemoDirectory, "demo-private-plugin");
    }

    using (var wunderUpdates = wunderUpdatesKey is null
               ? new WunderUpdatesClient(new WunderUpdatesClientOptions { ApiKey = EmulatorKeys.WunderUpdatesDemo, BaseAddress = emulator!.WunderUpdatesBaseAddress })
               : new WunderUpdatesClient(wunderUpdatesKey))
    {
        await new WunderUpdatesTour(steps, wunderUpdates, live: wunderUpdatesKey is not null, work.FullName).RunAsync();
    }

    if (emulator is not null)
    {
        await RateLimitTour.RunAsync(steps);
    }
    else
    {
        steps.Note("the 429 demo runs on the emulator only: it is not run against the live services");
    }
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    console.MarkupLine("[yellow]Cancelled.[/]");
    return 130;
}
catch (Exception ex)
{
    // Outside any step (the emulator did not start, say): still one red line and a non-zero exit.
    console.MarkupLine($"[red]✗ the Tour stopped: {Markup.Escape(ex.GetType().Name)}: {Markup.Escape(ex.Message)}[/]");
    return 1;
}
finally
{
    if (emulator is not null)
    {
        await emulator.DisposeAsync();
    }

    work.Delete(recursive: true);
}

console.WriteLine();
var summary = $"{steps.Passed} steps passed, {steps.Failed} failed" + (steps.Skipped > 0 ? $", {steps.Skipped} skipped" : string.Empty) +
              $" in {watch.Elapsed.TotalSeconds:0.0} s";
console.MarkupLine(steps.Failed == 0 ? $"[bold green]{Markup.Escape(summary)}[/]" : $"[bold red]{Markup.Escape(summary)}[/]");
return steps.Failed == 0 ? 0 : 1;
