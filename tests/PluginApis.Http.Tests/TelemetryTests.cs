using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Logging;

namespace PluginApis.Http.Tests;

// Listeners are process-wide: each test filters by an operation name only it uses.
public class TelemetryTests
{
    private const string Ok = "{\"name\":\"ok\"}";

    [Fact]
    public async Task One_span_per_call_with_operation_method_redacted_url_status_attempts_and_remaining()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == ApiTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var (client, transport, time) = TestClients.Create();
        transport.Then(HttpStatusCode.BadGateway).Then(HttpStatusCode.OK, Ok, ("Ratelimit-Remaining", "17"));

        var call = client.SendRawAsync(HttpMethod.Get, "spanned/1?key=licence-secret&page=2", TestContext.Current.CancellationToken);
        await time.RunAsync(call);
        (await call)?.Dispose();

        var span = Assert.Single(spans, s => s.OperationName == "Test.Raw" && (s.GetTagItem("url.full") as string)?.Contains("/spanned/", StringComparison.Ordinal) == true);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(2, span.GetTagItem("pluginapis.attempts"));
        Assert.Equal(17, span.GetTagItem("pluginapis.ratelimit.remaining"));
        var url = Assert.IsType<string>(span.GetTagItem("url.full"));
        Assert.Equal("https://api.example.test/v1/spanned/1?key=REDACTED&page=2", url);
        Assert.All(span.TagObjects, t => Assert.DoesNotContain(TestClients.ApiKey, t.Value?.ToString() ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_count_requests_retries_429s_and_record_quota_waits()
    {
        var measurements = new ConcurrentQueue<(string Instrument, double Value, string? Operation)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ApiTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Operation(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, Operation(tags))));
        listener.Start();
        var (client, transport, time) = TestClients.Create();
        transport.Then(HttpStatusCode.TooManyRequests, null, ("Ratelimit-Reset", "2")).Then(HttpStatusCode.OK, Ok);

        var call = client.GetThingAsync(operation: ApiOperation.Get("Test", "MeteredThing"), cancellationToken: TestContext.Current.CancellationToken);
        await time.RunAsync(call);
        await call;

        var mine = measurements.Where(m => m.Operation == "MeteredThing").ToList();
        Assert.Equal(2, mine.Where(m => m.Instrument == "pluginapis.requests").Sum(m => m.Value));
        Assert.Equal(1, mine.Where(m => m.Instrument == "pluginapis.retries").Sum(m => m.Value));
        Assert.Equal(1, mine.Where(m => m.Instrument == "pluginapis.rate_limited").Sum(m => m.Value));
        Assert.Equal(2.0, mine.Single(m => m.Instrument == "pluginapis.quota_wait").Value);
    }

    [Fact]
    public async Task Retries_waits_throttling_and_exhaustion_are_logged_with_reason_and_delay_and_never_the_key()
    {
        var logs = new ListLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var (client, transport, time) = TestClients.Create(o => o.LoggerFactory = factory);
        transport.Then(HttpStatusCode.TooManyRequests, null, ("Ratelimit-Reset", "2"))
            .Then(HttpStatusCode.OK, Ok, ("Ratelimit-Remaining", "0"), ("Ratelimit-Reset", "3"))
            .Then(HttpStatusCode.OK, Ok, ("Ratelimit-Remaining", "0"), ("Ratelimit-Reset", "5000"));

        var first = client.GetThingAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([TimeSpan.FromSeconds(2)], await time.RunAsync(first));
        await first;
        var second = client.GetThingAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([TimeSpan.FromSeconds(3)], await time.RunAsync(second));
        await second;
        await Assert.ThrowsAsync<RateLimitExceededException>(() => client.GetThingAsync(cancellationToken: TestContext.Current.CancellationToken));

        var lines = logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("429 Too Many Requests, waiting 00:00:02", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("retry 1 after 00:00:02 (429 TooManyRequests)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("known quota spent, holding the request back 00:00:03", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("rate limit exhausted", StringComparison.Ordinal) && l.Contains("01:23:20", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.DoesNotContain(TestClients.ApiKey, l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("GET https://api.example.test/v1/things/1 answered 200", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.DoesNotContain("apiKey", l, StringComparison.Ordinal));
    }

    private static string? Operation(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "operation")
            {
                return tag.Value as string;
            }
        }

        return null;
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new ListLogger(Lines);

        public void Dispose()
        {
        }

        private sealed class ListLogger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception) + (exception is null ? string.Empty : " " + exception));
        }
    }
}
