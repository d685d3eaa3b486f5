using System.Text;

namespace WunderUpdates.Client.Archives.Php;

/// <summary>
/// The few PHP string functions WordPress and the WordPress.org readme parser rely on, with PHP's semantics. PHP strings are
/// bytes: a "byte string" here is a <see cref="string"/> whose every char is one byte (U+0000..U+00FF, Latin-1 mapping), so
/// lengths, trims and character classes behave exactly as in PHP whatever the encoding of the input.
/// </summary>
internal static class PhpBytes
{
    /// <summary>What PHP's <c>trim()</c> removes by default: space, tab, LF, CR, NUL and vertical tab.</summary>
    public const string DefaultTrimChars = " \t\n\r\0\x0B";

    private static readonly UTF8Encoding Utf8Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly UTF8Encoding Utf8Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The UTF-8 bytes of <paramref name="text"/> as a byte string.</summary>
    public static string FromText(string text) => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text));

    /// <summary>Raw bytes as a byte string.</summary>
    public static string FromBytes(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary>The bytes of a byte string.</summary>
    public static byte[] ToBytes(string bytes) => Encoding.Latin1.GetBytes(bytes);

    /// <summary>Decodes a byte string as UTF-8; invalid or cut-off sequences become U+FFFD.</summary>
    public static string ToText(string bytes) => Utf8Lenient.GetString(ToBytes(bytes));

    /// <summary>Whether a byte string is valid UTF-8 (PHP's <c>preg_match('/^./us', ...)</c> and <c>'!!u'</c> checks).</summary>
    public static bool IsValidUtf8(string bytes)
    {
        try
        {
            _ = Utf8Strict.GetCharCount(ToBytes(bytes));
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>PHP's <c>empty()</c> for a string: null, <c>""</c> and <c>"0"</c> are empty.</summary>
    public static bool IsEmpty(string? value) => value is null or "" or "0";

    /// <summary>PHP's <c>trim($value, $chars)</c>.</summary>
    public static string Trim(string value, string chars = DefaultTrimChars)
    {
        int start = 0;
        int end = value.Length;
        while (start < end && chars.Contains(value[start], StringComparison.Ordinal))
        {
            start++;
        }

        while (end > start && chars.Contains(value[end - 1], StringComparison.Ordinal))
        {
            end--;
        }

        return value[start..end];
    }

    /// <summary>PHP's <c>ltrim($value, $chars)</c>.</summary>
    public static string TrimStart(string value, string chars)
    {
        int start = 0;
        while (start < value.Length && chars.Contains(value[start], StringComparison.Ordinal))
        {
            start++;
        }

        return value[start..];
    }

    /// <summary>PHP 8.2's <c>strtolower()</c>: ASCII letters only, whatever the locale.</summary>
    public static string ToLowerAscii(string value) =>
        string.Create(value.Length, value, static (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                span[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] | 0x20) : source[i];
            }
        });

    /// <summary>Ordinal comparison ignoring the case of ASCII letters only (PCRE's <c>/i</c> without <c>/u</c>).</summary>
    public static bool EqualsIgnoreAsciiCase(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (int i = 0; i < left.Length; i++)
        {
            if (left[i] != right[i] && (!char.IsAsciiLetter(left[i]) || (left[i] | 0x20) != (right[i] | 0x20)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="value"/> starts with <paramref name="prefix"/>, ignoring ASCII case only.</summary>
    public static bool StartsWithIgnoreAsciiCase(ReadOnlySpan<char> value, ReadOnlySpan<char> prefix) =>
        value.Length >= prefix.Length && EqualsIgnoreAsciiCase(value[..prefix.Length], prefix);

    /// <summary>PHP's <c>str_ireplace($search, '', $subject)</c> for one ASCII search string (removes every occurrence, left to right).</summary>
    public static string RemoveIgnoreAsciiCase(string subject, string search)
    {
        var builder = new StringBuilder(subject.Length);
        int i = 0;
        while (i < subject.Length)
        {
            if (StartsWithIgnoreAsciiCase(subject.AsSpan(i), search))
            {
                i += search.Length;
            }
            else
            {
                builder.Append(subject[i++]);
            }
        }

        return builder.ToString();
    }

    /// <summary>C's <c>isspace()</c> in the C locale (what PHP and PCRE's <c>\s</c> use on bytes): tab, LF, VT, FF, CR, space.</summary>
    public static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\x0B' or '\f' or '\r';
}
