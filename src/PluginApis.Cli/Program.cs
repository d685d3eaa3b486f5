namespace PluginApis.Cli;

/// <summary><c>pluginapis</c>: release, test and manage WordPress plugins on WunderUpdates and PluginTests.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => new CliApp(CliHost.FromProcess()).RunAsync(args);
}
