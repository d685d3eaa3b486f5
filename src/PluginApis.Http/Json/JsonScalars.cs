using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PluginApis.Http.Json;

/// <summary>
/// The shared rules of the tolerant converters (used where a response shape is a guess): what counts as "no value", how a
/// whole number is read from a number or a numeric string, and the one way they fail — a <see cref="JsonException"/> the
/// serializer completes with the JSON path, which the client turns into an <see cref="InvalidResponseException"/>.
/// </summary>
internal static class JsonScalars
{
    private const NumberStyles IntegerStyle = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite |
        NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands;

    /// <summary>
    /// True for the tokens that mean "no value" in a guessed field: <c>null</c> and <c>false</c> (PHP services send
    /// <c>false</c> for "none"). <c>true</c> is not "no value": it fails wherever a non-boolean is expected.
    /// </summary>
    public static bool IsNone(ref readonly Utf8JsonReader reader) =>
        reader.TokenType is JsonTokenType.Null or JsonTokenType.False;

    /// <summary>
    /// The text of a guessed text field or enumeration value: a string as sent, or a number as its text; null for
    /// <c>null</c>, <c>false</c> and an empty or blank string. <c>true</c>, an object or an array fail, the message naming
    /// <paramref name="expected"/>.
    /// </summary>
    public static string? ReadWireText(ref readonly Utf8JsonReader reader, string expected = "a text value")
    {
        if (IsNone(in reader))
        {
            return null;
        }

        var text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => NumberText(in reader),
            _ => throw Unreadable(expected, in reader),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>The current number token's text exactly as sent (<c>8.30</c> stays <c>"8.30"</c>).</summary>
    public static string NumberText(ref readonly Utf8JsonReader reader) =>
        Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);

    /// <summary>
    /// Reads a whole number from a number token (<c>12</c>, also <c>12.0</c> or <c>1.2e1</c>) or from a string holding one
    /// (<c>"12"</c>, <c>" 1,200 "</c>). False for a fraction, a value outside <see cref="long"/> or a non-numeric string.
    /// </summary>
    public static bool TryReadInteger(ref readonly Utf8JsonReader reader, out long value)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt64(out value))
            {
                return true;
            }

            return reader.TryGetDouble(out var number) && TryWhole(number, out value);
        }

        value = 0;
        return reader.TokenType == JsonTokenType.String && TryParseInteger(reader.GetString()!, out value);
    }

    /// <summary>Parses a whole number written as text (invariant culture; thousands separators and surrounding spaces allowed).</summary>
    public static bool TryParseInteger(string text, out long value)
    {
        if (long.TryParse(text, IntegerStyle, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && TryWhole(number, out value);
    }

    /// <summary>The failure of a guessed field whose value is of a kind that cannot be read; the serializer adds the path.</summary>
    /// <param name="expected">What the field takes, e.g. <c>a whole number</c>.</param>
    /// <param name="reader">The reader, positioned on the value.</param>
    public static JsonException Unreadable(string expected, ref readonly Utf8JsonReader reader) =>
        new($"Expected {expected}, found {Describe(reader.TokenType)}.");

    private static bool TryWhole(double number, out long value)
    {
        // 2^63 is exactly representable; anything at or above it does not fit.
        if (double.IsFinite(number) && Math.Floor(number) == number && number >= long.MinValue && number < 9.2233720368547758E18)
        {
            value = (long)number;
            return true;
        }

        value = 0;
        return false;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string that is not one",
        JsonTokenType.Number => "a number that is not one",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
