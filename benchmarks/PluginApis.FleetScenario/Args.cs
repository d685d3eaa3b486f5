using System.Globalization;

namespace PluginApis.FleetScenario;

/// <summary><c>--name value</c> pairs and <c>--flag</c>s.</summary>
internal sealed class Args(string[] args)
{
    public string? Get(string name)
    {
        var at = Array.IndexOf(args, "--" + name);
        return at >= 0 && at + 1 < args.Length && !args[at + 1].StartsWith("--", StringComparison.Ordinal) ? args[at + 1] : null;
    }

    public bool Has(string name) => Array.IndexOf(args, "--" + name) >= 0;

    public string Text(string name, string fallback) => Get(name) ?? fallback;

    public int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Number(string name, double fallback) => Get(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
