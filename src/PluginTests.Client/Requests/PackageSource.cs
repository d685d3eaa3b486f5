using System.Text.Json.Serialization;
using PluginTests.Client.Serialization;

namespace PluginTests.Client;

/// <summary>
/// Where the test queue gets the plugin package from: <see cref="Stable"/> (the default) or <see cref="Direct"/>. Sent with
/// <see cref="EnqueueTestRequest.PackageSource"/> and read back on <see cref="QueueJob.PackageSource"/>. Open-ended when read:
/// a source the service adds later is kept as its <see cref="Value"/> with <see cref="IsKnown"/> false, but only the two
/// documented sources can be sent. Compares by value, ignoring case.
/// </summary>
[JsonConverter(typeof(PackageSourceJsonConverter))]
public readonly struct PackageSource : IEquatable<PackageSource>
{
    private readonly string? _value;

    /// <summary>Wraps a source as the service sends it (e.g. for a fake, or a source this SDK does not know yet).</summary>
    /// <param name="value">The wire value, e.g. <c>stable</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or whitespace.</exception>
    public PackageSource(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary>The latest stable release from WordPress.org (<c>stable</c>). The default.</summary>
    public static PackageSource Stable { get; } = new("stable");

    /// <summary>The ZIP at <see cref="EnqueueTestRequest.DownloadUrl"/> (<c>direct</c>), laid out like a WordPress.org download.</summary>
    public static PackageSource Direct { get; } = new("direct");

    /// <summary>The wire value, e.g. <c>stable</c>; empty for <c>default(PackageSource)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for <see cref="Stable"/> and <see cref="Direct"/> (the values that can be sent); false for any other value.</summary>
    public bool IsKnown => Equals(Stable) || Equals(Direct);

    /// <summary>Compares two sources by value, ignoring case.</summary>
    /// <param name="left">A source.</param>
    /// <param name="right">Another source.</param>
    /// <remarks>Never throws.</remarks>
    public static bool operator ==(PackageSource left, PackageSource right) => left.Equals(right);

    /// <summary>True when the sources differ by value (ignoring case).</summary>
    /// <param name="left">A source.</param>
    /// <param name="right">Another source.</param>
    /// <remarks>Never throws.</remarks>
    public static bool operator !=(PackageSource left, PackageSource right) => !left.Equals(right);

    /// <summary>Compares by value, ignoring case.</summary>
    /// <param name="other">Another source.</param>
    /// <returns>True when both have the same value, ignoring case.</returns>
    /// <remarks>Never throws.</remarks>
    public bool Equals(PackageSource other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="obj"/> is a source with the same value, ignoring case.</summary>
    /// <param name="obj">Any object.</param>
    /// <returns>Whether the two are equal.</returns>
    /// <remarks>Never throws.</remarks>
    public override bool Equals(object? obj) => obj is PackageSource other && Equals(other);

    /// <summary>A hash of the value that ignores case.</summary>
    /// <returns>The hash.</returns>
    /// <remarks>Never throws.</remarks>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    /// <returns><see cref="Value"/>.</returns>
    /// <remarks>Never throws.</remarks>
    public override string ToString() => Value;
}
