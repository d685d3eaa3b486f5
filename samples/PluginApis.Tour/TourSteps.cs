using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PluginApis.Tour;

/// <summary>
/// Runs the Tour's steps: each step prints one green line (or a line and a small table) when it works and one red line
/// with the exception type and message when it fails. A failure is counted and the Tour goes on with the next step.
/// </summary>
internal sealed class TourSteps(IAnsiConsole console, CancellationToken cancellationToken)
{
    private const int TitleWidth = 30;

    public IAnsiConsole Console => console;

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>True when the console can redraw (a terminal); false when stdout goes to a file or pipe.</summary>
    public bool Interactive => console.Profile.Capabilities.Interactive;

    public int Passed { get; private set; }

    public int Failed { get; private set; }

    public int Skipped { get; private set; }

    public void Section(string title)
    {
        console.WriteLine();
        console.Write(new Rule($"[bold deepskyblue1]{Markup.Escape(title)}[/]").LeftJustified());
    }

    public void Note(string text) => console.MarkupLine($"  [grey]{Markup.Escape(text)}[/]");

    /// <summary>Runs a step that returns a value; prints <paramref name="describe"/>'s line and, if given, a table.</summary>
    public async Task<T?> RunAsync<T>(string title, Func<Task<T>> action, Func<T, string> describe, Func<T, IRenderable?>? details = null)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var result = await action().ConfigureAwait(false);
            var line = describe(result);
            var table = details?.Invoke(result);
            Pass(title, line, watch.Elapsed);
            if (table is not null)
            {
                console.Write(new Padder(table, new Padding(4, 0, 0, 0)));
            }

            return result;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Fail(title, ex);
            return default;
        }
    }

    /// <summary>Runs a step without a result.</summary>
    public Task RunAsync(string title, Func<Task> action, string done) =>
        RunAsync(title, async () =>
        {
            await action().ConfigureAwait(false);
            return true;
        }, _ => done);

    /// <summary>A step that must fail with <typeparamref name="TException"/>; it passes when exactly that happens.</summary>
    public async Task ExpectErrorAsync<TException>(string title, Func<Task> action, Func<TException, string> explain)
        where TException : Exception
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await action().ConfigureAwait(false);
            Fail(title, new TourCheckException($"expected {typeof(TException).Name}, but the call succeeded"));
        }
        catch (TException ex) when (!cancellationToken.IsCancellationRequested)
        {
            string text;
            try
            {
                text = explain(ex);
            }
            catch (Exception check)
            {
                Fail(title, check);
                return;
            }

            Pass(title, text, watch.Elapsed);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Fail(title, ex);
        }
    }

    public void Skip(string title, string why)
    {
        Skipped++;
        console.MarkupLine($"  [yellow]-[/] {Markup.Escape(title.PadRight(TitleWidth))} [yellow]skipped:[/] {Markup.Escape(why)}");
    }

    /// <summary>Throws a <see cref="TourCheckException"/> (a failed step) unless <paramref name="condition"/> holds.</summary>
    public static void Check(bool condition, string expectation)
    {
        if (!condition)
        {
            throw new TourCheckException(expectation);
        }
    }

    public static Table Table(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded).BorderColor(Color.Grey);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn($"[bold]{Markup.Escape(column)}[/]"));
        }

        return table;
    }

    public static Table AddRow(Table table, params string?[] cells)
    {
        table.AddRow(cells.Select(c => (IRenderable)new Text(c ?? "-")).ToArray());
        return table;
    }

    private void Pass(string title, string line, TimeSpan elapsed)
    {
        Passed++;
        console.MarkupLine(
            $"  [green]✓[/] {Markup.Escape(title.PadRight(TitleWidth))} {Markup.Escape(line)} [grey]{elapsed.TotalMilliseconds:0} ms[/]");
    }

    private void Fail(string title, Exception ex)
    {
        Failed++;
        var message = ex.Message.ReplaceLineEndings(" ");
        console.MarkupLine($"  [red]✗ {Markup.Escape(title.PadRight(TitleWidth))} {Markup.Escape(ex.GetType().Name)}: {Markup.Escape(message)}[/]");
    }
}

/// <summary>A Tour step got an answer, but not the expected one.</summary>
internal sealed class TourCheckException(string message) : Exception(message);
