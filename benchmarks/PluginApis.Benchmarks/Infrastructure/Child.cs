using System.Diagnostics;
using System.Globalization;

namespace PluginApis.Benchmarks.Infrastructure;

/// <summary>Runs this program again as a child process (one measurement per process) and parses its <c>key=value</c> result line.</summary>
internal static class Child
{
    public const string ResultPrefix = "RESULT ";

    public static Dictionary<string, string> Run(params string[] args)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        start.FileName = host;
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(Child).Assembly.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The child process did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = stdout.Split('\n').FirstOrDefault(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"Child '{string.Join(' ', args)}' failed (exit {process.ExitCode}):\n{stdout}\n{stderr.Result}");
        }

        return line[ResultPrefix.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
    }

    public static void Report(params (string Key, object Value)[] values) =>
        Console.WriteLine(ResultPrefix + string.Join(' ', values.Select(v => v.Key + "=" + Convert.ToString(v.Value, CultureInfo.InvariantCulture))));

    public static double D(this Dictionary<string, string> result, string key) => double.Parse(result[key], CultureInfo.InvariantCulture);
}
