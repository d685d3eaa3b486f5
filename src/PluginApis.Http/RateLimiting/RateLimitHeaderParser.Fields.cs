using System.Globalization;

namespace PluginApis.Http;

/// <summary>The field parsers of <see cref="RateLimitHeaderParser"/>: limit and policy lists, the combined draft form, numbers.</summary>
internal static partial class RateLimitHeaderParser
{
    /// <summary>
    /// A parsed <c>RateLimit-Limit</c> value. A service sends the same value with every response, so the last one parsed
    /// is kept and reused when the next response repeats it (its policies are read-only, so sharing them is safe).
    /// </summary>
    private sealed class ParsedLimit
    {
        private static ParsedLimit? s_last;

        private ParsedLimit(string header, int? limit, IReadOnlyList<RateLimitPolicy> policies)
        {
            Header = header;
            Limit = limit;
            Policies = policies;
        }

        public string Header { get; }

        public int? Limit { get; }

        public IReadOnlyList<RateLimitPolicy> Policies { get; }

        public static ParsedLimit For(string header)
        {
            var last = Volatile.Read(ref s_last);
            if (last is not null && string.Equals(last.Header, header, StringComparison.Ordinal))
            {
                return last;
            }

            int? limit = null;
            var policies = new List<RateLimitPolicy>();
            ParseLimitList(header, ref limit, policies);
            var parsed = new ParsedLimit(header, limit, policies.Count == 0 ? [] : policies.AsReadOnly());
            Volatile.Write(ref s_last, parsed);
            return parsed;
        }
    }

    // "200, 200;w=3600" — first member: the limit in force; members with w=: policies.
    // Span-based: the same members, parts and trimming as splitting the string.
    private static void ParseLimitList(string header, ref int? limit, List<RateLimitPolicy> policies)
    {
        var first = true;
        var text = header.AsSpan();
        foreach (var memberRange in text.Split(','))
        {
            var member = text[memberRange].Trim();
            var parts = member.Split(';');
            parts.MoveNext();
            var quota = ParseNonNegativeInt(member[parts.Current]);
            if (quota is null)
            {
                first = false;
                continue;
            }

            if (first)
            {
                limit = quota;
                first = false;
            }

            while (parts.MoveNext())
            {
                if (TrySplitParam(member[parts.Current].Trim(), out var key, out var value) && key.Equals("w", StringComparison.OrdinalIgnoreCase)
                    && ParseNonNegativeInt(value) is { } window && window > 0)
                {
                    policies.Add(new RateLimitPolicy(quota.Value, TimeSpan.FromSeconds(window)));
                }
            }
        }
    }

    // RateLimit-Policy: "default";q=100;w=10, "daily";q=1000;w=86400
    private static void ParsePolicyList(string header, List<RateLimitPolicy> policies)
    {
        foreach (var member in header.Split(',', StringSplitOptions.TrimEntries))
        {
            int? quota = null, window = null;
            foreach (var part in member.Split(';', StringSplitOptions.TrimEntries))
            {
                if (TrySplitParam(part, out var key, out var value))
                {
                    if (key == "q")
                    {
                        quota = ParseNonNegativeInt(value);
                    }
                    else if (key == "w")
                    {
                        window = ParseNonNegativeInt(value);
                    }
                }
            }

            if (quota is { } q && window is { } w && w > 0)
            {
                policies.Add(new RateLimitPolicy(q, TimeSpan.FromSeconds(w)));
            }
        }
    }

    // -07: "limit=100, remaining=50, reset=5";  -08..-10: "default";r=50;t=30 (possibly several; the tightest wins)
    private static void ParseCombined(string header, ref int? limit, ref int? remaining, ref TimeSpan? reset)
    {
        int? bestRemaining = null;
        TimeSpan? bestReset = null;
        int? dictLimit = null, dictRemaining = null;
        TimeSpan? dictReset = null;

        foreach (var member in header.Split(',', StringSplitOptions.TrimEntries))
        {
            var parts = member.Split(';', StringSplitOptions.TrimEntries);
            if (parts.Length == 1 && TrySplitParam(parts[0], out var dictKey, out var dictValue))
            {
                switch (dictKey)
                {
                    case "limit": dictLimit = ParseNonNegativeInt(dictValue); break;
                    case "remaining": dictRemaining = ParseNonNegativeInt(dictValue); break;
                    case "reset" when ParseNonNegativeLong(dictValue) is { } s: dictReset = Seconds(s); break;
                }

                continue;
            }

            int? r = null;
            TimeSpan? t = null;
            for (var i = 1; i < parts.Length; i++)
            {
                if (TrySplitParam(parts[i], out var key, out var value))
                {
                    if (key == "r")
                    {
                        r = ParseNonNegativeInt(value);
                    }
                    else if (key == "t" && ParseNonNegativeLong(value) is { } s)
                    {
                        t = Seconds(s);
                    }
                }
            }

            if (r is not null && (bestRemaining is null || r < bestRemaining))
            {
                bestRemaining = r;
                bestReset = t;
            }
            else if (r is null && t is not null && bestReset is null)
            {
                bestReset = t;
            }
        }

        limit ??= dictLimit;
        remaining ??= dictRemaining ?? bestRemaining;
        reset ??= dictReset ?? bestReset;
    }

    private static bool TrySplitParam(string part, out string key, out string value)
    {
        var eq = part.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            key = value = string.Empty;
            return false;
        }

        key = part[..eq].Trim().ToLowerInvariant();
        value = part[(eq + 1)..].Trim().Trim('"');
        return true;
    }

    private static bool TrySplitParam(ReadOnlySpan<char> part, out ReadOnlySpan<char> key, out ReadOnlySpan<char> value)
    {
        var eq = part.IndexOf('=');
        if (eq <= 0)
        {
            key = value = default;
            return false;
        }

        key = part[..eq].Trim();
        value = part[(eq + 1)..].Trim().Trim('"');
        return true;
    }

    private static long? FirstNumber(string header)
    {
        var first = header.AsSpan();
        var comma = first.IndexOf(',');
        if (comma >= 0)
        {
            first = first[..comma];
        }

        var semi = first.IndexOf(';');
        return ParseNonNegativeLong(semi >= 0 ? first[..semi] : first);
    }

    private static int? ParseNonNegativeInt(ReadOnlySpan<char> text) =>
        TryParseDigits(text.Trim(), int.MaxValue, out var v) ? (int)v : null;

    private static long? ParseNonNegativeLong(ReadOnlySpan<char> text) =>
        TryParseDigits(text.Trim(), long.MaxValue, out var v) ? v : null;

    // ASCII digits only (no sign, no spaces, no culture), at most max: what int/long.TryParse with NumberStyles.None
    // accepts, without its culture lookups (this runs for every response).
    private static bool TryParseDigits(ReadOnlySpan<char> text, long max, out long value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            var digit = c - '0';
            if ((uint)digit > 9 || value > (max - digit) / 10)
            {
                value = 0;
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    private static int? ParseNonNegativeInt(string text) => ParseNonNegativeInt(text.AsSpan());

    private static long? ParseNonNegativeLong(string text) => ParseNonNegativeLong(text.AsSpan());
}
