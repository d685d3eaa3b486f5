using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginApis.Http.Json;

/// <summary>
/// A guessed point in time: ISO 8601 text (<see cref="JsonTime.TryParseIso"/>), or Unix time as a number or a numeric
/// string (seconds; milliseconds from 10^11 on, <see cref="JsonTime.TryFromUnix"/>). "No date" reads as null: <c>null</c>,
/// <c>false</c>, an empty string, <c>0</c> and MySQL's <c>0000-00-00 00:00:00</c>. Text that is neither ISO 8601 nor a
/// number, a time outside <see cref="DateTimeOffset"/>, <c>true</c>, an object or an array fail.
/// </summary>
internal sealed class TolerantDateTimeConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (JsonScalars.IsNone(ref reader))
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetDouble(out var number) ? FromUnix(number) : throw JsonScalars.Unreadable("a date", ref reader);
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw JsonScalars.Unreadable("a date (ISO 8601 text or Unix seconds)", ref reader);
        }

        // The common case, ISO 8601 in UTC ("...Z"), is parsed from the bytes without a string (as the built-in converter does);
        // text without an offset is left to the rule below, which reads it as UTC rather than local time.
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && reader.ValueSpan is [.., (byte)'Z'] && reader.TryGetDateTimeOffset(out var utc))
        {
            return utc;
        }

        var text = reader.GetString()!;
        if (string.IsNullOrWhiteSpace(text) || JsonTime.IsZeroDate(text))
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return FromUnix(seconds);
        }

        return JsonTime.TryParseIso(text, out var time)
            ? time
            : throw new JsonException("Expected a date as ISO 8601 text (2026-11-01T10:00:00Z) or Unix seconds; the text is neither.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } time)
        {
            writer.WriteStringValue(time);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static DateTimeOffset? FromUnix(double value)
    {
        if (value == 0)
        {
            return null;
        }

        return JsonTime.TryFromUnix(value, out var time) ? time : throw new JsonException("The Unix time is outside the dates .NET can hold.");
    }
}
