using System.CommandLine;
using System.Text.Json.Serialization.Metadata;
using PluginApis.Emulator;
using PluginTests.Client;
using Spectre.Console;
using WunderUpdates.Client;

namespace PluginApis.Cli;

/// <summary>
/// One command run: resolves keys and addresses (option, then environment, then default), creates the clients it needs
/// (and the in-process emulator with <c>--emulator</c>), writes output in the chosen mode, and disposes it all at the end.
/// </summary>
internal sealed class CliSession : IAsyncDisposable
{
    private readonly GlobalOptions _options;
    private readonly ParseResult _parse;
    private readonly List<string> _secrets = [];
    private EmulatorHost? _emulator;
    private PluginTestsClient? _pluginTests;
    private WunderUpdatesClient? _wunderUpdates;

    public CliSession(CliHost host, GlobalOptions options, ParseResult parse)
    {
        Host = host;
        _options = options;
        _parse = parse;
        Json = parse.GetValue(options.Json);
        foreach (var secret in new[] { parse.GetValue(options.ApiKey), host.Environment(GlobalOptions.PluginTestsKeyVariable), host.Environment(GlobalOptions.WunderUpdatesKeyVariable) })
        {
            if (!string.IsNullOrWhiteSpace(secret))
            {
                _secrets.Add(secret);
            }
        }
    }

    public CliHost Host { get; }

    /// <summary>True with <c>--json</c>: one JSON document on standard output, no tables or progress.</summary>
    public bool Json { get; }

    /// <summary>True when progress bars and spinners may be drawn.</summary>
    public bool ShowProgress => Host.Interactive && !Json;

    /// <summary>The API keys this run knows, removed from every error line as a second guard.</summary>
    public IReadOnlyList<string> Secrets => _secrets;

    public IAnsiConsole Console => Host.Console;

    public async Task<IPluginTestsClient> PluginTestsAsync(CancellationToken cancellationToken)
    {
        if (_pluginTests is null)
        {
            var (key, address) = await ConnectAsync("PluginTests", GlobalOptions.PluginTestsKeyVariable, GlobalOptions.PluginTestsAddressVariable,
                EmulatorKeys.PluginTestsDemo, static e => e.PluginTestsBaseAddress, cancellationToken).ConfigureAwait(false);
            var options = new PluginTestsClientOptions { ApiKey = key };
            options.BaseAddress = address ?? options.BaseAddress;
            _pluginTests = new PluginTestsClient(options);
        }

        return _pluginTests;
    }

    public async Task<IWunderUpdatesClient> WunderUpdatesAsync(CancellationToken cancellationToken)
    {
        if (_wunderUpdates is null)
        {
            var (key, address) = await ConnectAsync("WunderUpdates", GlobalOptions.WunderUpdatesKeyVariable, GlobalOptions.WunderUpdatesAddressVariable,
                EmulatorKeys.WunderUpdatesDemo, static e => e.WunderUpdatesBaseAddress, cancellationToken).ConfigureAwait(false);
            var options = new WunderUpdatesClientOptions { ApiKey = key };
            options.BaseAddress = address ?? options.BaseAddress;
            _wunderUpdates = new WunderUpdatesClient(options);
        }

        return _wunderUpdates;
    }

    /// <summary>Writes a <c>--json</c> document to standard output.</summary>
    public void WriteJson<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        Host.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(value, typeInfo));
        Host.Out.Flush();
    }

    /// <summary>Reports a change: <c>{"action","target"}</c> with <c>--json</c>, else <paramref name="sentence"/>.</summary>
    public void WriteDone(string action, string target, string sentence)
    {
        if (Json)
        {
            WriteJson(new ActionOutput(action, target), CliJson.Context.ActionOutput);
        }
        else
        {
            Line(sentence);
        }
    }

    /// <summary>Writes one line of plain text (not markup) to the human output.</summary>
    public void Line(string text) => Console.WriteLine(text);

    public async ValueTask DisposeAsync()
    {
        _pluginTests?.Dispose();
        _wunderUpdates?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<(string Key, Uri? Address)> ConnectAsync(string service, string keyVariable, string addressVariable, string demoKey,
        Func<EmulatorHost, Uri> emulatorAddress, CancellationToken cancellationToken)
    {
        var explicitKey = _parse.GetValue(_options.ApiKey);
        var explicitAddress = _parse.GetValue(_options.BaseAddress);
        if (_parse.GetValue(_options.Emulator))
        {
            if (explicitAddress is not null)
            {
                throw CliException.Usage("--emulator and --base-address exclude each other: the emulator chooses its own address.");
            }

            _emulator ??= await EmulatorHost.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return (string.IsNullOrWhiteSpace(explicitKey) ? demoKey : explicitKey, emulatorAddress(_emulator));
        }

        var key = string.IsNullOrWhiteSpace(explicitKey) ? Host.Environment(keyVariable) : explicitKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            throw CliException.Auth($"No {service} API key: set {keyVariable} or pass --api-key.");
        }

        var address = explicitAddress;
        if (address is null && Host.Environment(addressVariable) is { Length: > 0 } text)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
            {
                throw CliException.Usage($"{addressVariable} must be an absolute http(s) URL.");
            }
        }

        return (key, address);
    }
}
