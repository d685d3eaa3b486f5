using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace PluginApis.Reliability.Tests;

/// <summary>
/// Captures everything the SDK (and the HTTP stack under it) emits: log lines with their structured state and exceptions,
/// every tag of every span and metric. <see cref="Find"/> searches all of it for a secret.
/// </summary>
public sealed class TelemetryCapture : ILoggerProvider, IDisposable
{
    private readonly ConcurrentQueue<string> _texts = new();
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;

    public TelemetryCapture(params string[] sources)
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = s => sources.Contains(s.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                Add($"span {a.Source.Name} {a.OperationName} {a.DisplayName} {a.StatusDescription}");
                foreach (var tag in a.TagObjects)
                {
                    Add($"span-tag {a.OperationName} {tag.Key}={tag.Value}");
                }

                foreach (var e in a.Events)
                {
                    Add($"span-event {e.Name} " + string.Join(' ', e.Tags.Select(t => $"{t.Key}={t.Value}")));
                }

                foreach (var item in a.Baggage)
                {
                    Add($"baggage {item.Key}={item.Value}");
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (sources.Contains(instrument.Meter.Name))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Measured(i, v, tags));
        _meters.SetMeasurementEventCallback<int>((i, v, tags, _) => Measured(i, v, tags));
        _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Measured(i, v, tags));
        _meters.Start();
    }

    public int Spans => _texts.Count(t => t.StartsWith("span ", StringComparison.Ordinal));

    public int Measurements => _texts.Count(t => t.StartsWith("metric ", StringComparison.Ordinal));

    public int LogLines => _texts.Count(t => t.StartsWith("log ", StringComparison.Ordinal));

    public IReadOnlyCollection<string> Texts => _texts;

    public void Add(string? text)
    {
        if (text is not null)
        {
            _texts.Enqueue(text);
        }
    }

    /// <summary>Every captured text containing any of <paramref name="needles"/> (ordinal, case-insensitive for escaped forms).</summary>
    public IReadOnlyList<string> Find(IEnumerable<string> needles) =>
        _texts.Where(t => needles.Any(n => t.Contains(n, StringComparison.OrdinalIgnoreCase))).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private void Measured<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var text = $"metric {instrument.Meter.Name} {instrument.Name}={Convert.ToString(value, CultureInfo.InvariantCulture)}";
        foreach (var tag in tags)
        {
            text += $" {tag.Key}={tag.Value}";
        }

        Add(text);
    }

    private sealed class Logger(TelemetryCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            capture.Add($"log-scope {category} {state}");
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var pair in pairs)
                {
                    capture.Add($"log-scope {category} {pair.Key}={pair.Value}");
                }
            }

            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            capture.Add($"log {logLevel} {category} {eventId} {formatter(state, exception)} {exception}");
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var pair in pairs)
                {
                    capture.Add($"log-state {category} {pair.Key}={pair.Value}");
                }
            }
        }
    }
}
