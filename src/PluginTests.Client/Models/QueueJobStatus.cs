using System.Text.Json.Serialization;
using PluginTests.Client.Serialization;

namespace PluginTests.Client;

/// <summary>
/// The state of a test-queue job (<see cref="QueueJob.Status"/>): <see cref="Queued"/>, <see cref="Running"/> or
/// <see cref="Finished"/> — the project's guess, as the service does not document its job shape. Open-ended: a state the
/// service sends that this SDK does not know is kept as its <see cref="Value"/> with <see cref="IsKnown"/> false.
/// Compares by value, ignoring case.
/// </summary>
[JsonConverter(typeof(QueueJobStatusJsonConverter))]
public readonly struct QueueJobStatus : IEquatable<QueueJobStatus>
{
    private readonly string? _value;

    /// <summary>Wraps a state as the service sends it (e.g. for a fake, or a state this SDK does not know yet).</summary>
    /// <param name="value">The wire value, e.g. <c>queued</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or whitespace.</exception>
    public QueueJobStatus(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary>Waiting to be tested (<c>queued</c>).</summary>
    public static QueueJobStatus Queued { get; } = new("queued");

    /// <summary>Being tested now (<c>running</c>).</summary>
    public static QueueJobStatus Running { get; } = new("running");

    /// <summary>Tested; the report is published (<c>finished</c>).</summary>
    public static QueueJobStatus Finished { get; } = new("finished");

    /// <summary>The wire value, e.g. <c>queued</c>; empty for <c>default(QueueJobStatus)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for <see cref="Queued"/>, <see cref="Running"/> and <see cref="Finished"/>; false for any other value.</summary>
    public bool IsKnown => Equals(Queued) || Equals(Running) || Equals(Finished);

    /// <summary>Compares two states by value, ignoring case.</summary>
    /// <param name="left">A state.</param>
    /// <param name="right">Another state.</param>
    /// <remarks>Never throws.</remarks>
    public static bool operator ==(QueueJobStatus left, QueueJobStatus right) => left.Equals(right);

    /// <summary>True when the states differ by value (ignoring case).</summary>
    /// <param name="left">A state.</param>
    /// <param name="right">Another state.</param>
    /// <remarks>Never throws.</remarks>
    public static bool operator !=(QueueJobStatus left, QueueJobStatus right) => !left.Equals(right);

    /// <summary>Compares by value, ignoring case.</summary>
    /// <param name="other">Another state.</param>
    /// <returns>True when both have the same value, ignoring case.</returns>
    /// <remarks>Never throws.</remarks>
    public bool Equals(QueueJobStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="obj"/> is a state with the same value, ignoring case.</summary>
    /// <param name="obj">Any object.</param>
    /// <returns>Whether the two are equal.</returns>
    /// <remarks>Never throws.</remarks>
    public override bool Equals(object? obj) => obj is QueueJobStatus other && Equals(other);

    /// <summary>A hash of the value that ignores case.</summary>
    /// <returns>The hash.</returns>
    /// <remarks>Never throws.</remarks>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    /// <returns><see cref="Value"/>.</returns>
    /// <remarks>Never throws.</remarks>
    public override string ToString() => Value;
}
