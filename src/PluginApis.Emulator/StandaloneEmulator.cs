using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PluginApis.Emulator;

/// <summary>
/// <c>dotnet run --project src/PluginApis.Emulator</c> / <c>dotnet PluginApis.Emulator.dll</c>: settings from appsettings.json in the
/// current directory, the environment and the command line (<see cref="EmulatorSettings"/>), serves until Ctrl+C. Failures are one
/// line on stderr and an exit code: 1 invalid settings, 2 cannot listen.
/// </summary>
internal static class StandaloneEmulator
{
    public const int InvalidSettings = 1;
    public const int CannotListen = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Any(a => a is "--help" or "-h" or "-?" or "/?"))
        {
            Console.WriteLine(EmulatorSettings.Help());
            return 0;
        }

        var options = new EmulatorOptions();
        WebApplicationBuilder builder;
        string url;
        try
        {
            builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = Directory.GetCurrentDirectory() });
            EmulatorSettings.Bind(builder.Configuration, options);
            options.Validate();
            url = options.Url ?? builder.Configuration["urls"] ?? EmulatorApp.DefaultStandaloneUrl;
            EmulatorOptions.ValidateUrls(url, "--urls");
            builder.WebHost.UseUrls(url);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            // A failed start is reported here in one line, not as the host's logged stack trace.
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or InvalidDataException)
        {
            var message = ex is ArgumentException { ParamName: { } name } ? ex.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : ex.Message;
            return Fail(InvalidSettings, $"invalid settings: {FirstLine(message)} Run with --help for the list of settings.");
        }

        var stats = new EmulatorStats();
        var (app, jobs) = EmulatorApp.Build(builder, options, stats);
        await using var appScope = app.ConfigureAwait(false);
        await using var jobsScope = jobs.ConfigureAwait(false);
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or InvalidOperationException or FormatException or UriFormatException)
        {
            var inUse = ex is AddressInUseException || ex.InnerException is AddressInUseException
                        || (ex as SocketException ?? ex.InnerException as SocketException)?.SocketErrorCode == SocketError.AddressAlreadyInUse;
            var reason = inUse ? "the address is already in use" : FirstLine(ex.Message).TrimEnd('.');
            return Fail(CannotListen, $"cannot listen on {url}: {reason}. Choose another address with --urls http://127.0.0.1:PORT (port 0 = any free port).");
        }

        PrintBanner(EmulatorHost.ListeningAddress(app), options);
        await app.WaitForShutdownAsync().ConfigureAwait(false);
        jobs.Stop();
        return 0;
    }

    private static void PrintBanner(Uri root, EmulatorOptions options)
    {
        var limit = options.EnableRateLimiting
            ? $"{options.RateLimit.PermitLimit} requests per {options.RateLimit.Window.TotalSeconds} s per key"
            : "off";
        Console.WriteLine($"""
            PluginApis emulator listening on {root}
              PluginTests   {root}api/v1/?apiKey=...   demo key: {EmulatorKeys.PluginTestsDemo}
                                                      other key: {EmulatorKeys.PluginTestsOther}
              WunderUpdates {root}v1/  (x-api-key)      demo key: {EmulatorKeys.WunderUpdatesDemo}
                                                      other key: {EmulatorKeys.WunderUpdatesOther}
              Public update check: {root}v1/public/{EmulatorKeys.WunderUpdatesDemoAccountPrefix}/plugins/demo-pro?key={EmulatorKeys.DemoLicenseKey}
              Rate limit: {limit}. Test jobs: queued {options.JobQueuedDuration.TotalMilliseconds} ms, running {options.JobRunningDuration.TotalMilliseconds} ms.
              Settings: --help. Press Ctrl+C to stop.
            """);
    }

    private static int Fail(int exitCode, string message)
    {
        Console.Error.WriteLine($"PluginApis emulator: {message}");
        return exitCode;
    }

    private static string FirstLine(string message) => message.Split(['\r', '\n'], 2)[0].Trim();
}
