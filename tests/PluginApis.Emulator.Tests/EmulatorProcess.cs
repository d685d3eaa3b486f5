using System.Diagnostics;

namespace PluginApis.Emulator.Tests;

/// <summary>The built emulator (<c>PluginApis.Emulator.dll</c> beside the tests) run as a child process, as <c>dotnet run</c> would.</summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "PluginApis.Emulator.dll");

    private readonly Process _process;

    private EmulatorProcess(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Runs the emulator to completion (it must exit by itself) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args, null, null))!;
        using var guard = Guard();
        var stdout = process.StandardOutput.ReadToEndAsync(guard.Token);
        var stderr = process.StandardError.ReadToEndAsync(guard.Token);
        await process.WaitForExitAsync(guard.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the emulator and waits for its "listening on" line.</summary>
    public static async Task<EmulatorProcess> StartAsync(string[] args, IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var emulator = new EmulatorProcess(Process.Start(StartInfo(args, environment, workingDirectory))!);
        using var guard = Guard();
        var errors = emulator._process.StandardError.ReadToEndAsync(guard.Token);
        while (await emulator._process.StandardOutput.ReadLineAsync(guard.Token) is { } line)
        {
            const string Marker = "listening on ";
            var at = line.IndexOf(Marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                emulator.BaseAddress = new Uri(line[(at + Marker.Length)..].Trim());
                return emulator;
            }
        }

        await emulator.DisposeAsync();
        throw new Xunit.Sdk.XunitException($"The emulator exited before listening: {await errors}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(string[] args, IDictionary<string, string>? environment, string? workingDirectory)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // No settings leak in from the machine running the tests.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Emulator__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return info;
    }

    /// <summary>A hang guard only (a start takes about a second): the test fails instead of blocking the run.</summary>
    private static CancellationTokenSource Guard()
    {
        var guard = CancellationTokenSource.CreateLinkedTokenSource(T.Ct);
        guard.CancelAfter(TimeSpan.FromMinutes(2));
        return guard;
    }
}
