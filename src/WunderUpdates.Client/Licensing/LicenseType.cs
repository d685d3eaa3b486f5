using System.Text.Json.Serialization;
using WunderUpdates.Client.Serialization;

namespace WunderUpdates.Client;

/// <summary>
/// How a plugin's downloads are licensed: <see cref="StaticKeys"/>, <see cref="LemonSqueezy"/> or <see cref="NoLicense"/>.
/// Open-ended: a type the service adds later is kept as its raw <see cref="Value"/> instead of failing to read.
/// </summary>
[JsonConverter(typeof(LicenseTypeJsonConverter))]
public readonly struct LicenseType : IEquatable<LicenseType>
{
    private readonly string? _value;

    /// <summary>Creates a licence type from its wire value (e.g. <c>static-keys</c>).</summary>
    /// <param name="value">The value the service uses.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or whitespace.</exception>
    public LicenseType(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    // Unvalidated: what the service sent, even an empty string (the flag only tells this constructor apart).
    private LicenseType(string? wireValue, bool fromWire) => _value = fromWire ? wireValue : null;

    /// <summary>Licence keys you manage yourself on the service (<c>static-keys</c>).</summary>
    public static LicenseType StaticKeys { get; } = new("static-keys");

    /// <summary>Licences sold through Lemon Squeezy products (<c>lemonsqueezy</c>).</summary>
    public static LicenseType LemonSqueezy { get; } = new("lemonsqueezy");

    /// <summary>Free downloads without a licence (<c>no-license</c>).</summary>
    public static LicenseType NoLicense { get; } = new("no-license");

    /// <summary>The wire value, e.g. <c>static-keys</c>; empty for <c>default(LicenseType)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for the three types this SDK knows; false for a value the service added later.</summary>
    public bool IsKnown => Equals(StaticKeys) || Equals(LemonSqueezy) || Equals(NoLicense);

    /// <summary>Compares two licence types by value (case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <remarks>Never throws.</remarks>
    public static bool operator ==(LicenseType left, LicenseType right) => left.Equals(right);

    /// <summary>Compares two licence types by value (case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <remarks>Never throws.</remarks>
    public static bool operator !=(LicenseType left, LicenseType right) => !left.Equals(right);

    /// <summary>Compares by value, ignoring case.</summary>
    /// <param name="other">Another licence type.</param>
    /// <returns>True when both have the same value, ignoring case.</returns>
    /// <remarks>Never throws.</remarks>
    public bool Equals(LicenseType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="obj"/> is a licence type with the same value, ignoring case.</summary>
    /// <param name="obj">Any object.</param>
    /// <returns>Whether the two are equal.</returns>
    /// <remarks>Never throws.</remarks>
    public override bool Equals(object? obj) => obj is LicenseType other && Equals(other);

    /// <summary>A hash of the value that ignores case.</summary>
    /// <returns>The hash.</returns>
    /// <remarks>Never throws.</remarks>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    /// <returns><see cref="Value"/>.</returns>
    /// <remarks>Never throws.</remarks>
    public override string ToString() => Value;

    /// <summary>Wraps whatever the service sent, even an empty string, without validation.</summary>
    internal static LicenseType FromWire(string? value) => new(value, fromWire: true);
}
