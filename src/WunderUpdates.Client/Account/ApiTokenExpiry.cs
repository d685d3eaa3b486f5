using System.Globalization;
using System.Text.Json.Serialization;
using WunderUpdates.Client.Serialization;

namespace WunderUpdates.Client;

/// <summary>
/// When an API token expires, as <c>GET /account/tokens</c> states it (the form is not documented): <see cref="Never"/>, at
/// a point in time (<see cref="ExpiresAt"/>), or a number of days (<see cref="Days"/>, the unit tokens are created with; the
/// service does not say from when). Exactly one of <see cref="IsNever"/>, <see cref="ExpiresAt"/> and <see cref="Days"/> is
/// set. Make one for a fake with <see cref="Never"/>, <see cref="At"/> or <see cref="AfterDays"/>.
/// </summary>
[JsonConverter(typeof(ApiTokenExpiryJsonConverter))]
public sealed class ApiTokenExpiry : IEquatable<ApiTokenExpiry>
{
    private ApiTokenExpiry(bool isNever, DateTimeOffset? expiresAt, int? days)
    {
        IsNever = isNever;
        ExpiresAt = expiresAt;
        Days = days;
    }

    /// <summary>The token never expires (<c>-1</c> on the wire).</summary>
    public static ApiTokenExpiry Never { get; } = new(true, null, null);

    /// <summary>True when the token never expires.</summary>
    public bool IsNever { get; }

    /// <summary>When the token expires, if the service sent a point in time; otherwise null.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>The token's lifetime in days, if the service sent a number of days; otherwise null.</summary>
    public int? Days { get; }

    /// <summary>Compares two expiries by value.</summary>
    /// <param name="left">An expiry.</param>
    /// <param name="right">Another expiry.</param>
    /// <remarks>Never throws.</remarks>
    public static bool operator ==(ApiTokenExpiry? left, ApiTokenExpiry? right) => Equals(left, right);

    /// <summary>True when the expiries differ.</summary>
    /// <param name="left">An expiry.</param>
    /// <param name="right">Another expiry.</param>
    /// <remarks>Never throws.</remarks>
    public static bool operator !=(ApiTokenExpiry? left, ApiTokenExpiry? right) => !Equals(left, right);

    /// <summary>A token that expires at <paramref name="expiresAt"/>.</summary>
    /// <param name="expiresAt">The point in time.</param>
    /// <returns>The expiry.</returns>
    /// <remarks>Never throws.</remarks>
    public static ApiTokenExpiry At(DateTimeOffset expiresAt) => new(false, expiresAt, null);

    /// <summary>A token that expires after <paramref name="days"/> days.</summary>
    /// <param name="days">The lifetime in days; at least 1.</param>
    /// <returns>The expiry.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than 1.</exception>
    public static ApiTokenExpiry AfterDays(int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        return new(false, null, days);
    }

    /// <summary>True when <paramref name="other"/> states the same expiry (the same kind and value).</summary>
    /// <param name="other">Another expiry, or null.</param>
    /// <returns>Whether the two are equal.</returns>
    /// <remarks>Never throws.</remarks>
    public bool Equals(ApiTokenExpiry? other) =>
        other is not null && IsNever == other.IsNever && ExpiresAt == other.ExpiresAt && Days == other.Days;

    /// <summary>True when <paramref name="obj"/> is an expiry equal to this one.</summary>
    /// <param name="obj">Any object.</param>
    /// <returns>Whether the two are equal.</returns>
    /// <remarks>Never throws.</remarks>
    public override bool Equals(object? obj) => Equals(obj as ApiTokenExpiry);

    /// <summary>A hash of the kind and value.</summary>
    /// <returns>The hash.</returns>
    /// <remarks>Never throws.</remarks>
    public override int GetHashCode() => HashCode.Combine(IsNever, ExpiresAt, Days);

    /// <summary><c>never</c>, the point in time in ISO 8601, or <c>N days</c>.</summary>
    /// <returns>The text.</returns>
    /// <remarks>Never throws.</remarks>
    public override string ToString() =>
        IsNever ? "never"
        : ExpiresAt is { } at ? at.ToString("O", CultureInfo.InvariantCulture)
        : $"{Days} days";
}
