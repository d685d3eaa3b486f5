using System.Text;

namespace PluginApis.Http;

/// <summary>
/// Finds a secret in text in every form the SDK could produce or decode: as it is, percent-encoded (either hex case,
/// <c>+</c> for a space), JSON-escaped (<c>\u002B</c>, <c>\/</c>) or any mix of these, character by character.
/// </summary>
internal static class SecretMask
{
    /// <summary>Returns <paramref name="text"/> with every occurrence of <paramref name="secret"/> replaced by <paramref name="mask"/>.</summary>
    public static string Apply(string text, string secret, string mask)
    {
        if (secret.Length == 0 || text.Length == 0)
        {
            return text;
        }

        StringBuilder? result = null;
        var copied = 0;
        var i = 0;
        while (i < text.Length)
        {
            var end = MatchAt(text, i, secret);
            if (end < 0)
            {
                i++;
                continue;
            }

            result ??= new StringBuilder(text.Length);
            result.Append(text, copied, i - copied).Append(mask);
            copied = i = end;
        }

        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    // The end of the match of the whole secret starting at text[start], or -1.
    private static int MatchAt(string text, int start, string secret)
    {
        var position = start;
        Span<byte> utf8 = stackalloc byte[4];
        for (var s = 0; s < secret.Length; s++)
        {
            var c = secret[s];
            if (position < text.Length && text[position] == c)
            {
                position++;
                continue;
            }

            var next = MatchEscaped(text, position, c, utf8);
            if (next < 0)
            {
                return -1;
            }

            position = next;
        }

        return position;
    }

    private static int MatchEscaped(string text, int position, char c, Span<byte> utf8)
    {
        if (position >= text.Length)
        {
            return -1;
        }

        switch (text[position])
        {
            case '+' when c == ' ':
                return position + 1;
            case '\\' when position + 1 < text.Length && text[position + 1] == '/' && c == '/':
                return position + 2;
            case '\\' when position + 5 < text.Length && (text[position + 1] == 'u' || text[position + 1] == 'U'):
                return Hex(text, position + 2, 4, out var unit) && unit == c ? position + 6 : -1;
            case '%':
                var count = char.IsSurrogate(c) ? 0 : new Rune(c).EncodeToUtf8(utf8);
                for (var b = 0; b < count; b++)
                {
                    if (position + 2 >= text.Length || text[position] != '%' || !Hex(text, position + 1, 2, out var value) || value != utf8[b])
                    {
                        return -1;
                    }

                    position += 3;
                }

                return count == 0 ? -1 : position;
            default:
                return -1;
        }
    }

    private static bool Hex(string text, int start, int digits, out int value)
    {
        value = 0;
        if (start + digits > text.Length)
        {
            return false;
        }

        for (var i = 0; i < digits; i++)
        {
            var digit = HexValue(text[start + i]);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
