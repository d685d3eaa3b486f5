using System.Collections.ObjectModel;
using System.Text;
using WunderUpdates.Client.Archives.Php;

namespace WunderUpdates.Client;

/// <summary>
/// Reads file headers (<c>Plugin Name: ...</c>, <c>Version: ...</c>) the way WordPress core's
/// <c>get_file_data()</c> does. Shared by the client's local ZIP check and the emulator's upload inspection.
/// </summary>
/// <remarks>
/// Rules (WordPress core <c>get_file_data()</c> and <c>_cleanup_header_comment()</c> in <c>wp-includes/functions.php</c>):
/// only the first <see cref="MaxFileDataBytes"/> bytes of a file are looked at; <c>\r</c> becomes <c>\n</c>; for each header
/// name the first line matching <c>^(?:[ \t]*&lt;\?php)?[ \t/*#@]*NAME:(.*)$</c> (ASCII letters case-insensitive) wins;
/// the value ends at the first <c>*/</c> or <c>?&gt;</c> together with any whitespace before it (form feed and vertical
/// tab included) and is trimmed; a value never spans lines. A first match whose raw value is empty or exactly <c>0</c>
/// yields no header (later lines are not searched); a value that is <c>0</c> once cleaned is returned as <c>0</c>, which
/// WordPress then treats as empty (<c>Plugin Name: 0</c> is no plugin).
/// </remarks>
public static class WordPressHeaders
{
    /// <summary>How many bytes of a file WordPress reads to find its headers (8 KiB).</summary>
    public const int MaxFileDataBytes = 8192;

    private static readonly UTF8Encoding Utf8Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>
    /// The plugin headers WordPress knows: Plugin Name, Plugin URI, Version, Description, Author, Author URI,
    /// Text Domain, Domain Path, Network, Requires at least, Requires PHP, Update URI, Requires Plugins.
    /// </summary>
    public static IReadOnlyList<string> PluginHeaderNames { get; } = new ReadOnlyCollection<string>(
    [
        "Plugin Name", "Plugin URI", "Version", "Description", "Author", "Author URI", "Text Domain",
        "Domain Path", "Network", "Requires at least", "Requires PHP", "Update URI", "Requires Plugins",
    ]);

    /// <summary>
    /// Decodes the start of a file as UTF-8 for <see cref="Parse"/>: at most <see cref="MaxFileDataBytes"/> bytes are used and
    /// invalid bytes (a multi-byte character cut off at the end included) become U+FFFD. A UTF-8 byte order mark is kept
    /// (as U+FEFF): WordPress does not skip it, so it hides a header on the file's first line.
    /// </summary>
    /// <param name="data">The first bytes of the file (more than 8 KiB may be passed; the rest is ignored).</param>
    /// <returns>The decoded text.</returns>
    /// <remarks>Never throws: invalid bytes are replaced, not refused.</remarks>
    public static string DecodeFileData(ReadOnlySpan<byte> data)
    {
        if (data.Length > MaxFileDataBytes)
        {
            data = data[..MaxFileDataBytes];
        }

        return Utf8Lenient.GetString(data);
    }

    /// <summary>
    /// Finds the given headers in <paramref name="text"/> following WordPress's <c>get_file_data()</c> rules.
    /// The text is used as given: pass it through <see cref="DecodeFileData"/> first to apply the 8 KiB limit.
    /// </summary>
    /// <param name="text">The file's text.</param>
    /// <param name="names">Header names, e.g. <see cref="PluginHeaderNames"/>; matched case-insensitively.</param>
    /// <returns>The non-empty headers found (a value may be <c>0</c>), keyed by the name as passed in <paramref name="names"/> (case-insensitive keys).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="names"/> is null.</exception>
    /// <exception cref="ArgumentException">A name is null or empty.</exception>
    public static IReadOnlyDictionary<string, string> Parse(string text, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(names);

        var lines = text.Replace('\r', '\n').Split('\n');
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            ArgumentException.ThrowIfNullOrEmpty(name, nameof(names));
            if (result.ContainsKey(name))
            {
                continue;
            }

            foreach (var line in lines)
            {
                if (!TryMatchLine(line, name, out var raw))
                {
                    continue;
                }

                // First match wins; PHP's truthiness check on the raw value drops "" and "0".
                if (!PhpBytes.IsEmpty(raw))
                {
                    var value = CleanupHeaderComment(raw);
                    if (value.Length > 0)
                    {
                        result[name] = value;
                    }
                }

                break;
            }
        }

        return new ReadOnlyDictionary<string, string>(result);
    }

    /// <summary>Matches <c>^(?:[ \t]*&lt;\?php)?[ \t/*#@]*NAME:(.*)$</c> on one line.</summary>
    private static bool TryMatchLine(string line, string name, out string value)
    {
        // With the optional "<?php" prefix first (the regex engine tries that branch first), then without.
        int pos = 0;
        while (pos < line.Length && line[pos] is ' ' or '\t')
        {
            pos++;
        }

        if (PhpBytes.StartsWithIgnoreAsciiCase(line.AsSpan(pos), "<?php")
            && TryMatchAfterPrefix(line, pos + 5, name, out value))
        {
            return true;
        }

        return TryMatchAfterPrefix(line, 0, name, out value);
    }

    private static bool TryMatchAfterPrefix(string line, int start, string name, out string value)
    {
        int end = start;
        while (end < line.Length && line[end] is ' ' or '\t' or '/' or '*' or '#' or '@')
        {
            end++;
        }

        // Greedy with backtracking: try the longest run of prefix characters first.
        for (int pos = end; pos >= start; pos--)
        {
            var rest = line.AsSpan(pos);
            if (rest.Length > name.Length
                && PhpBytes.StartsWithIgnoreAsciiCase(rest, name)
                && rest[name.Length] == ':')
            {
                value = line[(pos + name.Length + 1)..];
                return true;
            }
        }

        value = string.Empty;
        return false;
    }

    /// <summary>
    /// WordPress's <c>_cleanup_header_comment()</c>: <c>trim(preg_replace('/\s*(?:\*\/|\?>).*/', '', $str))</c> — everything from
    /// the whitespace before the first <c>*/</c> or <c>?&gt;</c> is cut, then PHP's default trim.
    /// </summary>
    private static string CleanupHeaderComment(string value)
    {
        int commentEnd = value.IndexOf("*/", StringComparison.Ordinal);
        int phpEnd = value.IndexOf("?>", StringComparison.Ordinal);
        int cut = commentEnd < 0 ? phpEnd : phpEnd < 0 ? commentEnd : Math.Min(commentEnd, phpEnd);
        if (cut >= 0)
        {
            while (cut > 0 && PhpBytes.IsSpace(value[cut - 1]))
            {
                cut--;
            }

            value = value[..cut];
        }

        return PhpBytes.Trim(value);
    }

    /// <summary>The length of <paramref name="data"/> without a trailing, incomplete UTF-8 sequence.</summary>
    internal static int Utf8CompleteLength(ReadOnlySpan<byte> data)
    {
        // Look back at most 3 bytes for the lead byte of the last sequence.
        for (int back = 1; back <= 3 && back <= data.Length; back++)
        {
            byte b = data[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // continuation byte: keep looking for the lead byte
            }

            int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? data.Length - back : data.Length;
        }

        return data.Length;
    }
}
