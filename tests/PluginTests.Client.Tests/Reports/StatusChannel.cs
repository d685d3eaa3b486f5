using System.Threading.Channels;

namespace PluginTests.Client.Tests;

/// <summary>
/// Receives wait statuses synchronously (unlike <see cref="Progress{T}"/>). The waiter reports only after its timer is set,
/// so a status read here means the waiter is parked on the fake clock and the test may advance it.
/// </summary>
internal sealed class StatusChannel : IProgress<ReportWaitStatus>
{
    private readonly Channel<ReportWaitStatus> _channel = Channel.CreateUnbounded<ReportWaitStatus>();

    public void Report(ReportWaitStatus value) => _channel.Writer.TryWrite(value);

    /// <summary>The next status; fails the test if the wait ends first or nothing happens within 30 s of real time (a hang, not a timing assertion).</summary>
    public async Task<ReportWaitStatus> NextAsync(Task waiting) =>
        await NextOrEndAsync(waiting) ?? throw new Xunit.Sdk.XunitException("The wait ended before reporting a status.");

    /// <summary>The next status, or null when the wait ended (successfully) first.</summary>
    public async Task<ReportWaitStatus?> NextOrEndAsync(Task waiting)
    {
        if (_channel.Reader.TryRead(out var ready))
        {
            return ready;
        }

        var read = _channel.Reader.WaitToReadAsync(TestContext.Current.CancellationToken).AsTask();
        var first = await Task.WhenAny(read, waiting).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        if (first != read && !_channel.Reader.TryPeek(out _))
        {
            await waiting; // surfaces the waiter's exception
            return null;
        }

        return await _channel.Reader.ReadAsync(TestContext.Current.CancellationToken);
    }
}
