using System.Diagnostics;

namespace PluginApis.FleetScenario;

/// <summary>A worker started as a child process of this program (<c>worker ...</c>), its output kept line by line.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _lines = [];

    public WorkerProcess(int index, IEnumerable<string> arguments)
    {
        Index = index;
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(WorkerProcess).Assembly.Location);   // started as `dotnet PluginApis.FleetScenario.dll`
        }

        start.ArgumentList.Add("worker");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_lines)
            {
                _lines.Add(e.Data);
            }

            if (e.Data == "ready")
            {
                _ready.TrySetResult();
            }
        };
        _process.Start();
        _process.BeginOutputReadLine();
    }

    public int Index { get; }

    public bool Killed { get; private set; }

    /// <summary>Completes when the worker is ready; fails when it exits first.</summary>
    public Task Ready => Task.WhenAny(_ready.Task, _process.WaitForExitAsync()).ContinueWith(
        t => _ready.Task.IsCompleted ? Task.CompletedTask : throw new InvalidOperationException($"worker {Index} exited before it was ready: {string.Join('\n', Lines)}"),
        TaskScheduler.Default).Unwrap();

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public string? Summary => Lines.LastOrDefault(l => l.StartsWith("summary ", StringComparison.Ordinal));

    public void Go() => _process.StandardInput.WriteLine("go");

    /// <summary>SIGKILL: the worker dies holding whatever it held.</summary>
    public void Kill()
    {
        Killed = true;
        _process.Kill();
    }

    public Task Exited => _process.WaitForExitAsync();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    /// <summary>A number from the summary line, e.g. <c>ok</c>.</summary>
    public double Value(string name)
    {
        var part = Summary?.Split(' ').FirstOrDefault(p => p.StartsWith(name + "=", StringComparison.Ordinal));
        return part is null ? 0 : double.Parse(part[(name.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
