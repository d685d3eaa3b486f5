namespace PluginApis.Emulator;

/// <summary><c>dotnet run --project src/PluginApis.Emulator [-- --urls http://127.0.0.1:5080] [--Emulator:Key=value ...] [--help]</c>.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => StandaloneEmulator.RunAsync(args);
}
