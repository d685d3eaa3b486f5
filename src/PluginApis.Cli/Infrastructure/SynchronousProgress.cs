namespace PluginApis.Cli;

/// <summary>An <see cref="IProgress{T}"/> that calls back on the reporting thread (no synchronisation context to post to in a console app).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
