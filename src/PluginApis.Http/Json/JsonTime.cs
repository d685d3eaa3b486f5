using System.Globalization;
using System.Text.RegularExpressions;

namespace PluginApis.Http.Json;

/// <summary>
/// The one rule for reading a point in time the service may send in several forms: ISO 8601 text, or Unix time as a number
/// of seconds — or of milliseconds when its magnitude is at least <see cref="MillisecondsFrom"/>.
/// </summary>
internal static partial class JsonTime
{
    /// <summary>
    /// Unix times whose magnitude is at least 10^11 are read as milliseconds: 10^11 seconds is the year 5138, while 10^11
    /// milliseconds is March 1973, so no plausible date is read in the wrong unit.
    /// </summary>
    public const double MillisecondsFrom = 1e11;

    private static readonly double MinMilliseconds = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly double MaxMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>Reads Unix time in seconds (fractions kept to the millisecond) or, from 10^11 on, in milliseconds.</summary>
    /// <returns>False when the value is not finite or lies outside what <see cref="DateTimeOffset"/> holds.</returns>
    public static bool TryFromUnix(double value, out DateTimeOffset time)
    {
        var milliseconds = Math.Round(Math.Abs(value) >= MillisecondsFrom ? value : value * 1000);
        if (double.IsFinite(milliseconds) && milliseconds >= MinMilliseconds && milliseconds <= MaxMilliseconds)
        {
            time = DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
            return true;
        }

        time = default;
        return false;
    }

    /// <summary>
    /// Reads ISO 8601 text: a date (<c>2026-11-01</c>, midnight UTC) or a date and time with <c>T</c> or a space between
    /// (<c>2026-11-01T10:00:00Z</c>, <c>2026-11-01 10:00:00</c>, <c>2026-11-01T10:00:00.250+02:00</c>). Without an offset the
    /// time is UTC; with one, the offset is kept. Other layouts (<c>11/01/2026</c>, RFC 1123) are not read.
    /// </summary>
    public static bool TryParseIso(string text, out DateTimeOffset time)
    {
        var trimmed = text.Trim();
        if (IsoShape().IsMatch(trimmed))
        {
            return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
        }

        time = default;
        return false;
    }

    /// <summary>MySQL's zero date (<c>0000-00-00</c>, with or without a time), which PHP services send for "no date".</summary>
    public static bool IsZeroDate(string text) => ZeroDate().IsMatch(text.Trim());

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoShape();

    [GeneratedRegex(@"^0000-00-00(?:[T ]00:00(?::00)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ZeroDate();
}
