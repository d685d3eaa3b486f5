using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using PluginApis.Http.Json;

namespace WunderUpdates.Client.Serialization;

/// <summary>
/// Reads a token's <c>expires</c>, whose form the service does not document (tokens are created with 1..365 days or -1 for
/// never; the emulator answers with Unix seconds or -1). A number, or a string holding one: 0 or less → never; 1 to
/// <see cref="MaxDays"/> → days; larger → Unix time (seconds; milliseconds from 10^11 on). Other text: <c>never</c> (any
/// case) → never, else an ISO 8601 date or date-time (a date alone is midnight UTC). <c>null</c>, <c>false</c> and an empty
/// string read as null (the service did not say). Anything else — unreadable text, <c>true</c>, an object, an array — fails.
/// Written as <c>-1</c>, the number of days, or ISO 8601 text. Attached to <see cref="ApiTokenExpiry"/>, so it applies in
/// your own <see cref="JsonSerializerOptions"/> or source-generated context too; you never need to register it.
/// </summary>
public sealed class ApiTokenExpiryJsonConverter : JsonConverter<ApiTokenExpiry?>
{
    /// <summary>The largest number read as days (about 273 years); any plausible Unix time is far larger.</summary>
    internal const int MaxDays = 99_999;

    /// <summary>True: <c>null</c> is read by this converter (as null).</summary>
    public override bool HandleNull => true;

    /// <summary>Reads an expiry by the rules above.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="typeToConvert">The type, <see cref="ApiTokenExpiry"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The expiry, or null when the service did not say.</returns>
    /// <exception cref="JsonException">The value fits none of the forms.</exception>
    public override ApiTokenExpiry? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (JsonScalars.IsNone(ref reader))
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetDouble(out var number) ? FromNumber(number) : throw JsonScalars.Unreadable("a token expiry", ref reader);
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonScalars.Unreadable("a token expiry (a number, \"never\" or a date)", ref reader);
        }

        var text = reader.GetString()!.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            return FromNumber(parsed);
        }

        if (string.Equals(text, "never", StringComparison.OrdinalIgnoreCase))
        {
            return ApiTokenExpiry.Never;
        }

        return JsonTime.TryParseIso(text, out var time)
            ? ApiTokenExpiry.At(time)
            : throw new JsonException("Expected a token expiry: a number, \"never\" or an ISO 8601 date; the text is none of them.");
    }

    /// <summary>Writes <c>-1</c>, the number of days, ISO 8601 text, or <c>null</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The expiry.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public override void Write(Utf8JsonWriter writer, ApiTokenExpiry? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else if (value.IsNever)
        {
            writer.WriteNumberValue(-1);
        }
        else if (value.Days is { } days)
        {
            writer.WriteNumberValue(days);
        }
        else
        {
            writer.WriteStringValue(value.ExpiresAt!.Value);
        }
    }

    private static ApiTokenExpiry FromNumber(double number)
    {
        if (number <= 0)
        {
            return ApiTokenExpiry.Never;
        }

        if (number <= MaxDays && Math.Floor(number) == number)
        {
            return ApiTokenExpiry.AfterDays((int)number);
        }

        if (number > MaxDays && JsonTime.TryFromUnix(number, out var time))
        {
            return ApiTokenExpiry.At(time);
        }

        throw new JsonException("Expected a token expiry: a whole number of days, -1 for never, or a Unix time.");
    }
}
