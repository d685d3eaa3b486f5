namespace PluginTests.Client;

/// <summary>
/// A PluginTests error code such as <c>plugin_not_found</c>. The set is open-ended: a code this SDK does not know is
/// kept as its value and compares by value (case-insensitively). <c>default</c> stands for "no code in the body"
/// and has an empty <see cref="Value"/>.
/// </summary>
public readonly struct PluginTestsErrorCode : IEquatable<PluginTestsErrorCode>
{
    private readonly string? _value;

    /// <summary>Wraps a code as the service sends it.</summary>
    /// <param name="value">The code, e.g. <c>plugin_not_found</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null (use <c>default</c> for "no code").</exception>
    public PluginTestsErrorCode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The plugin (or its directory) does not exist or is not visible to the key; status 404. The only code the service documents.</summary>
    public static PluginTestsErrorCode PluginNotFound { get; } = new("plugin_not_found");

    /// <summary>The report does not exist (<c>report_not_found</c>; not documented by the service, used by the project's emulator).</summary>
    public static PluginTestsErrorCode ReportNotFound { get; } = new("report_not_found");

    /// <summary>The webhook does not exist (<c>webhook_not_found</c>; not documented by the service, used by the project's emulator).</summary>
    public static PluginTestsErrorCode WebhookNotFound { get; } = new("webhook_not_found");

    /// <summary>The API key is missing or wrong (<c>invalid_api_key</c>; not documented by the service, used by the project's emulator).</summary>
    public static PluginTestsErrorCode InvalidApiKey { get; } = new("invalid_api_key");

    /// <summary>The key lacks the permission (<c>forbidden</c>; not documented by the service, used by the project's emulator).</summary>
    public static PluginTestsErrorCode Forbidden { get; } = new("forbidden");

    /// <summary>The service refused the input (<c>validation_error</c>; not documented by the service, used by the project's emulator).</summary>
    public static PluginTestsErrorCode ValidationError { get; } = new("validation_error");

    /// <summary>The code as sent by the service; empty when the error body had none.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True when the error body carried no code.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(_value);

    /// <summary>Compares two codes by value, ignoring case.</summary>
    /// <param name="left">A code.</param>
    /// <param name="right">Another code.</param>
    /// <remarks>Never throws.</remarks>
    public static bool operator ==(PluginTestsErrorCode left, PluginTestsErrorCode right) => left.Equals(right);

    /// <summary>True when the codes differ by value (ignoring case).</summary>
    /// <param name="left">A code.</param>
    /// <param name="right">Another code.</param>
    /// <remarks>Never throws.</remarks>
    public static bool operator !=(PluginTestsErrorCode left, PluginTestsErrorCode right) => !left.Equals(right);

    /// <summary>Wraps a code string.</summary>
    /// <param name="value">The code.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static implicit operator PluginTestsErrorCode(string value) => new(value);

    /// <summary>Wraps a code string (the named alternative of the implicit conversion).</summary>
    /// <param name="value">The code.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static PluginTestsErrorCode FromString(string value) => new(value);

    /// <summary>Compares by value, ignoring case.</summary>
    /// <param name="other">Another code.</param>
    /// <returns>True when both codes have the same value, ignoring case.</returns>
    /// <remarks>Never throws.</remarks>
    public bool Equals(PluginTestsErrorCode other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="obj"/> is a code with the same value, ignoring case.</summary>
    /// <param name="obj">Any object.</param>
    /// <returns>Whether the two are equal.</returns>
    /// <remarks>Never throws.</remarks>
    public override bool Equals(object? obj) => obj is PluginTestsErrorCode other && Equals(other);

    /// <summary>A hash of the value that ignores case.</summary>
    /// <returns>The hash.</returns>
    /// <remarks>Never throws.</remarks>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The code as sent by the service.</summary>
    /// <returns><see cref="Value"/>.</returns>
    /// <remarks>Never throws.</remarks>
    public override string ToString() => Value;
}
