using PluginApis.Emulator;

namespace ReadmeSnippets;

/// <summary>
/// A <c>csharp</c> block, compiled as the body of <see cref="BodyAsync"/> in a class that derives from its fixture (this
/// class, or a subclass named by the marker's <c>fixture=</c>), whose members are the block's free variables. A block
/// marked <c>run</c> is executed with the console captured: it must finish, print no API key, print a line starting with
/// the marker's <c>expect=</c> (if any), and pass the fixture's <see cref="VerifyAsync"/>.
/// </summary>
internal abstract class Snippet : ReadmeBlock
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Whether the marker says <c>run</c> (otherwise <c>compile</c>).</summary>
    public abstract bool Runs { get; }

    /// <summary>The marker's <c>expect=</c>: a line the block prints (as a terminal shows it) starts with this.</summary>
    public virtual string? Expect => null;

    /// <summary>Values that must never appear in what the block prints.</summary>
    protected virtual IEnumerable<string> Secrets =>
    [
        EmulatorKeys.PluginTestsDemo, EmulatorKeys.PluginTestsOther, EmulatorKeys.WunderUpdatesDemo, EmulatorKeys.WunderUpdatesOther,
    ];

    public sealed override async Task<string> CheckAsync()
    {
        if (!Runs)
        {
            return "compiled";
        }

        await SetUpAsync().ConfigureAwait(false);
        try
        {
            var printed = await CaptureAsync().ConfigureAwait(false);
            foreach (var line in printed)
            {
                Console.WriteLine($"    | {line}");
            }

            var leaked = Secrets.Where(secret => printed.Any(line => line.Contains(secret, StringComparison.Ordinal))).ToList();
            if (leaked.Count > 0)
            {
                throw new ReadmeCheckException($"the block printed {leaked.Count} API key(s)");
            }

            if (Expect is { } expected && !printed.Any(line => line.StartsWith(expected, StringComparison.Ordinal)))
            {
                throw new ReadmeCheckException($"no printed line starts with \"{expected}\"");
            }

            await VerifyAsync().ConfigureAwait(false);
            return $"compiled and ran{(Expect is null ? string.Empty : $", printed \"{Expect}…\"")}";
        }
        finally
        {
            await CleanUpAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The README block itself.</summary>
    protected abstract Task BodyAsync();

    /// <summary>Prepares the free variables (start an emulator, write files).</summary>
    protected virtual Task SetUpAsync() => Task.CompletedTask;

    /// <summary>Checks the block's effect after it ran.</summary>
    protected virtual Task VerifyAsync() => Task.CompletedTask;

    /// <summary>Releases what <see cref="SetUpAsync"/> made; runs even when the block failed.</summary>
    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    private async Task<IReadOnlyList<string>> CaptureAsync()
    {
        var original = Console.Out;
        using var captured = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Console.SetOut(captured);
        try
        {
            await BodyAsync().WaitAsync(Timeout).ConfigureAwait(false);
        }
        finally
        {
            Console.SetOut(original);
        }

        return TerminalLines.Of(captured.ToString());
    }
}
