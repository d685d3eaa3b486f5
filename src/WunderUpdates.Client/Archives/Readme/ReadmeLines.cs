using System.Text;
using WunderUpdates.Client.Archives.Php;

namespace WunderUpdates.Client.Archives.Readme;

/// <summary>
/// Splits a readme into lines the way the WordPress.org readme parser does (<c>Parser::parse_readme_contents</c> in
/// <c>plugin-directory/readme/class-parser.php</c>): at any line break PCRE's <c>\R</c> knows (CR LF, LF, CR, VT, FF, NEL,
/// and in valid UTF-8 also U+2028 and U+2029; on bytes that are not valid UTF-8, the byte 0x85 too); a UTF-8 byte order
/// mark is dropped from the first line; a file starting with the UTF-16 little-endian mark is converted line by line.
/// Lines are byte strings (see <see cref="PhpBytes"/>).
/// </summary>
internal static class ReadmeLines
{
    private const string Utf8Bom = "\xEF\xBB\xBF";
    private const string Utf16LeBom = "\xFF\xFE";

    /// <summary>The readme's lines, from its bytes.</summary>
    public static List<string> Split(ReadOnlySpan<byte> content)
    {
        var bytes = PhpBytes.FromBytes(content);
        var lines = PhpBytes.IsValidUtf8(bytes) ? SplitUtf8(bytes) : SplitBytes(bytes);

        if (lines[0].StartsWith(Utf8Bom, StringComparison.Ordinal))
        {
            lines[0] = lines[0][Utf8Bom.Length..];
        }

        if (lines[0].StartsWith(Utf16LeBom, StringComparison.Ordinal))
        {
            for (int i = 0; i < lines.Count; i++)
            {
                lines[i] = PhpBytes.FromText(Utf16Line.Decode(lines[i]));
            }
        }

        return lines;
    }

    /// <summary><c>preg_split('!\R!u', ...)</c> on valid UTF-8.</summary>
    private static List<string> SplitUtf8(string bytes)
    {
        var text = PhpBytes.ToText(bytes);
        var lines = new List<string>();
        int start = 0;
        int i = 0;
        while (i < text.Length)
        {
            int breakLength = text[i] switch
            {
                '\r' when i + 1 < text.Length && text[i + 1] == '\n' => 2,
                '\n' or '\x0B' or '\f' or '\r' or '\u0085' or '\u2028' or '\u2029' => 1,
                _ => 0,
            };
            if (breakLength == 0)
            {
                i++;
                continue;
            }

            lines.Add(PhpBytes.FromText(text[start..i]));
            i += breakLength;
            start = i;
        }

        lines.Add(PhpBytes.FromText(text[start..]));
        return lines;
    }

    /// <summary><c>preg_split('!\R!', ...)</c> on bytes (used when the file is not valid UTF-8).</summary>
    private static List<string> SplitBytes(string bytes)
    {
        var lines = new List<string>();
        int start = 0;
        int i = 0;
        while (i < bytes.Length)
        {
            int breakLength = bytes[i] switch
            {
                '\r' when i + 1 < bytes.Length && bytes[i + 1] == '\n' => 2,
                '\n' or '\x0B' or '\f' or '\r' or '\x85' => 1,
                _ => 0,
            };
            if (breakLength == 0)
            {
                i++;
                continue;
            }

            lines.Add(bytes[start..i]);
            i += breakLength;
            start = i;
        }

        lines.Add(bytes[start..]);
        return lines;
    }

    /// <summary>
    /// PHP mbstring's <c>mb_convert_encoding($line, 'UTF-8', 'UTF-16')</c> on one line: a leading byte order mark picks
    /// the byte order (big-endian without one), and each unpaired surrogate or odd trailing byte becomes <c>?</c>.
    /// Because the file was split on bytes, the lines after the first start with the other half of their line break and
    /// are read big-endian: WordPress.org's conversion garbles them, and so does this one, on purpose.
    /// </summary>
    private static class Utf16Line
    {
        public static string Decode(string bytes)
        {
            bool littleEndian = false;
            int i = 0;
            if (bytes.StartsWith("\xFE\xFF", StringComparison.Ordinal))
            {
                i = 2;
            }
            else if (bytes.StartsWith(Utf16LeBom, StringComparison.Ordinal))
            {
                littleEndian = true;
                i = 2;
            }

            var text = new StringBuilder(bytes.Length / 2 + 1);
            char? pendingHigh = null;
            for (; i + 1 < bytes.Length; i += 2)
            {
                char unit = littleEndian ? (char)(bytes[i] | bytes[i + 1] << 8) : (char)(bytes[i] << 8 | bytes[i + 1]);
                if (pendingHigh is { } high)
                {
                    pendingHigh = null;
                    if (char.IsLowSurrogate(unit))
                    {
                        text.Append(high).Append(unit);
                        continue;
                    }

                    text.Append('?');
                }

                if (char.IsHighSurrogate(unit))
                {
                    pendingHigh = unit;
                }
                else
                {
                    text.Append(char.IsLowSurrogate(unit) ? '?' : unit);
                }
            }

            if (pendingHigh is not null)
            {
                text.Append('?');
            }

            if (i < bytes.Length)
            {
                text.Append('?');
            }

            return text.ToString();
        }
    }
}
