using System.Text.Json.Serialization;
using PluginTests.Client.Serialization;

namespace PluginTests.Client;

/// <summary>
/// The event a webhook receives: <see cref="TestFinished"/> or <see cref="FirstTestFinished"/>; a webhook without one
/// (null) receives all events. Sent with <see cref="IPluginTestsClient.CreateWebhookAsync"/> and read back on
/// <see cref="Webhook.EventType"/>. Open-ended when read: an event type the service adds later is kept as its
/// <see cref="Value"/> with <see cref="IsKnown"/> false, but only the two documented types can be sent. Compares by value,
/// ignoring case.
/// </summary>
[JsonConverter(typeof(WebhookEventTypeJsonConverter))]
public readonly struct WebhookEventType : IEquatable<WebhookEventType>
{
    private readonly string? _value;

    /// <summary>Wraps an event type as the service sends it (e.g. for a fake, or a type this SDK does not know yet).</summary>
    /// <param name="value">The wire value, e.g. <c>test_finished</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or whitespace.</exception>
    public WebhookEventType(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary>A public or own plugin was tested (<c>test_finished</c>).</summary>
    public static WebhookEventType TestFinished { get; } = new("test_finished");

    /// <summary>A plugin was tested for the first time (<c>first_test_finished</c>).</summary>
    public static WebhookEventType FirstTestFinished { get; } = new("first_test_finished");

    /// <summary>The wire value, e.g. <c>test_finished</c>; empty for <c>default(WebhookEventType)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for <see cref="TestFinished"/> and <see cref="FirstTestFinished"/> (the values that can be sent); false for any other value.</summary>
    public bool IsKnown => Equals(TestFinished) || Equals(FirstTestFinished);

    /// <summary>Compares two event types by value, ignoring case.</summary>
    /// <param name="left">An event type.</param>
    /// <param name="right">Another event type.</param>
    /// <remarks>Never throws.</remarks>
    public static bool operator ==(WebhookEventType left, WebhookEventType right) => left.Equals(right);

    /// <summary>True when the event types differ by value (ignoring case).</summary>
    /// <param name="left">An event type.</param>
    /// <param name="right">Another event type.</param>
    /// <remarks>Never throws.</remarks>
    public static bool operator !=(WebhookEventType left, WebhookEventType right) => !left.Equals(right);

    /// <summary>Compares by value, ignoring case.</summary>
    /// <param name="other">Another event type.</param>
    /// <returns>True when both have the same value, ignoring case.</returns>
    /// <remarks>Never throws.</remarks>
    public bool Equals(WebhookEventType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="obj"/> is a event type with the same value, ignoring case.</summary>
    /// <param name="obj">Any object.</param>
    /// <returns>Whether the two are equal.</returns>
    /// <remarks>Never throws.</remarks>
    public override bool Equals(object? obj) => obj is WebhookEventType other && Equals(other);

    /// <summary>A hash of the value that ignores case.</summary>
    /// <returns>The hash.</returns>
    /// <remarks>Never throws.</remarks>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    /// <returns><see cref="Value"/>.</returns>
    /// <remarks>Never throws.</remarks>
    public override string ToString() => Value;
}
