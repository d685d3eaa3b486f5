using System.CommandLine;

namespace PluginApis.Cli;

/// <summary>The options every command accepts.</summary>
internal sealed class GlobalOptions
{
    public const string PluginTestsKeyVariable = "PLUGINTESTS_API_KEY";
    public const string WunderUpdatesKeyVariable = "WUNDERUPDATES_API_KEY";
    public const string PluginTestsAddressVariable = "PLUGINTESTS_BASE_ADDRESS";
    public const string WunderUpdatesAddressVariable = "WUNDERUPDATES_BASE_ADDRESS";

    // No default values here: help output must never show a key read from the environment.
    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"API key of the service the command calls (default: ${PluginTestsKeyVariable} or ${WunderUpdatesKeyVariable}). "
            + "Prefer the variables: a command line is visible to other processes.",
        HelpName = "key",
        Recursive = true,
    };

    public Option<Uri?> BaseAddress { get; } = new("--base-address")
    {
        Description = $"Base address of the service the command calls (default: ${PluginTestsAddressVariable} or "
            + $"${WunderUpdatesAddressVariable}, else the public service), e.g. http://127.0.0.1:5080/api/v1/ for an emulator.",
        HelpName = "url",
        Recursive = true,
        CustomParser = static result => HttpUrlParser.Parse(result, "--base-address"),
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write one JSON document to standard output instead of text (shapes in docs/cli.md).",
        Recursive = true,
    };

    public Option<bool> Emulator { get; } = new("--emulator")
    {
        Description = "Run against an emulator started inside this process (demo keys; its data is gone when the command ends).",
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        root.Options.Add(ApiKey);
        root.Options.Add(BaseAddress);
        root.Options.Add(Json);
        root.Options.Add(Emulator);
    }
}
