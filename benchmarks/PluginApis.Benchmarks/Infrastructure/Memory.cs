using System.Diagnostics;
using System.Globalization;

namespace PluginApis.Benchmarks.Infrastructure;

/// <summary>Process memory as the kernel sees it (Linux /proc/self/status), with a fallback to <see cref="Process"/>.</summary>
internal static class Memory
{
    /// <summary>Peak resident set size (VmHWM) in bytes.</summary>
    public static long PeakWorkingSet() => ReadStatus("VmHWM:") ?? Process.GetCurrentProcess().PeakWorkingSet64;

    /// <summary>Current resident set size (VmRSS) in bytes.</summary>
    public static long WorkingSet() => ReadStatus("VmRSS:") ?? Process.GetCurrentProcess().WorkingSet64;

    /// <summary>Resets the kernel's peak RSS to the current RSS (Linux ≥ 4.0); false where unsupported.</summary>
    public static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);

    private static long? ReadStatus(string field)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var parts = line[field.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return long.Parse(parts[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }
}
