using System.Globalization;

namespace PluginApis.Cli;

/// <summary>Reads durations like <c>30m</c>, <c>90s</c>, <c>1h30m</c>, <c>2h</c> or <c>00:30:00</c>.</summary>
internal static class DurationParser
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        var number = 0L;
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (digits++ > 9)
                {
                    return false;
                }

                number = (number * 10) + (c - '0');
                continue;
            }

            var unit = c switch
            {
                'h' => TimeSpan.FromHours(1),
                'm' => TimeSpan.FromMinutes(1),
                's' => TimeSpan.FromSeconds(1),
                _ => TimeSpan.Zero,
            };
            if (unit == TimeSpan.Zero || digits == 0)
            {
                return false;
            }

            total += unit * number;
            number = 0;
            digits = 0;
        }

        if (digits != 0)
        {
            return false; // a number without a unit
        }

        duration = total;
        return total > TimeSpan.Zero;
    }
}
