using System.Net;
using System.Text;
using RichardSzalay.MockHttp;

namespace PluginTests.Client.Tests;

/// <summary>The tables list is read element by element while the body is still arriving.</summary>
public sealed class StreamingTests : IDisposable
{
    private readonly Harness _h = new();

    public void Dispose() => _h.Dispose();

    /// <summary>Serves the first part of a body, then blocks until released, then serves the rest.</summary>
    private sealed class GatedStream(string first, string rest) : Stream
    {
        private readonly byte[] _first = Encoding.UTF8.GetBytes(first);
        private readonly byte[] _rest = Encoding.UTF8.GetBytes(rest);
        private int _stage;

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool RestRead => _stage >= 2;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            switch (_stage)
            {
                case 0:
                    _stage = 1;
                    _first.CopyTo(buffer);
                    return _first.Length;
                case 1:
                    await Gate.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken); // never hang a test run
                    _stage = 2;
                    _rest.CopyTo(buffer);
                    return _rest.Length;
                default:
                    return 0;
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Synchronous reads would block.");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact(Timeout = 60_000)]
    public async Task ListPluginTables_yields_the_first_table_before_the_body_has_finished()
    {
        var stream = new GatedStream(
            """[{"name":"wp_yoast_indexable","plugin":"wordpress-seo","directory":"wporg","activeInstalls":10000000},""",
            """{"name":"wp_wc_orders","plugin":"woocommerce","directory":"wporg","activeInstalls":7000000}]""");
        _h.Mock.When(Harness.Url("tablesWith500installs.json")).Respond(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(stream) { Headers = { { "Content-Type", "application/json" } } },
        });

        try
        {
            var enumerator = _h.Client.ListPluginTablesAsync(ActiveInstalls.AtLeast500, TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
            await using (enumerator)
            {
                // If the client buffered the body, this would wait for the gate and time out.
                Assert.True(await enumerator.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
                Assert.Equal("wp_yoast_indexable", enumerator.Current.Name);
                Assert.False(stream.RestRead);

                stream.Gate.SetResult();
                Assert.True(await enumerator.MoveNextAsync());
                Assert.Equal("wp_wc_orders", enumerator.Current.Name);
                Assert.True(stream.RestRead);
                Assert.False(await enumerator.MoveNextAsync());
            }
        }
        finally
        {
            stream.Gate.TrySetResult();
        }

        Assert.Single(_h.Requests).AssertOnlyApiKey();
    }

    [Fact(Timeout = 60_000)]
    public async Task ListPluginTables_stops_reading_when_cancelled()
    {
        var stream = new GatedStream("""[{"name":"wp_a"},""", """{"name":"wp_b"}]""");
        _h.Mock.When(Harness.Url("tablesWith10installs.json")).Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(stream) });
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(10)); // a client that buffered would never reach the loop body: fail, don't hang

        var names = new List<string?>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var table in _h.Client.ListPluginTablesAsync(ActiveInstalls.AtLeast10, TestContext.Current.CancellationToken).WithCancellation(cts.Token))
            {
                names.Add(table.Name);
                await cts.CancelAsync();
            }
        });

        Assert.Equal(["wp_a"], names);
        Assert.False(stream.RestRead);
    }
}
