using System.Collections.ObjectModel;
using WunderUpdates.Client.Archives.Php;

namespace WunderUpdates.Client.Archives.Readme;

/// <summary>
/// The name and header block of a readme, read as the WordPress.org plugin directory's readme parser does
/// (<c>Parser::parse_readme_contents</c>, <c>get_first_nonwhitespace</c> and <c>parse_possible_header</c> in
/// <c>wordpress.org/public_html/wp-content/plugins/plugin-directory/readme/class-parser.php</c>). Works on byte
/// strings (see <see cref="PhpBytes"/>) so that every trim, length and comparison is PHP's.
/// </summary>
internal static class ReadmeParser
{
    /// <summary><c>$valid_headers</c>: the header names the parser knows, lower case, and the field each fills.</summary>
    private static readonly Dictionary<string, string> ValidHeaders = new(StringComparer.Ordinal)
    {
        ["tested"] = "tested",
        ["tested up to"] = "tested",
        ["requires"] = "requires",
        ["requires at least"] = "requires",
        ["requires php"] = "requires_php",
        ["tags"] = "tags",
        ["contributors"] = "contributors",
        ["donate link"] = "donate_link",
        ["stable tag"] = "stable_tag",
        ["license"] = "license",
        ["license uri"] = "license_uri",
    };

    private const string NameTrimChars = "#= \t\0\x0B";
    private const string HeaderTrimChars = " \t*-\r\n";

    /// <summary>Parses the readme's lines (from <see cref="ReadmeLines.Split"/>).</summary>
    public static PluginReadme Parse(List<string> lines)
    {
        var contents = new LineStack(lines);

        var line = contents.FirstNonWhitespace();
        string? name = SanitizeText(PhpBytes.Trim(line, NameTrimChars));

        // "It's possible to leave the plugin name header off entirely": a known header is not a name.
        if (ParsePossibleHeader(line, onlyValid: true) is not null)
        {
            contents.Unshift(line);
            name = null;
        }

        // A GitHub-style "====" underline below the name.
        if (contents.Peek() is { } underline && PhpBytes.Trim(underline, "=-").Length == 0)
        {
            contents.Shift();
        }

        // "=== Plugin Name ===" followed by the real name on the next line.
        if (name is not null && PhpBytes.ToLowerAscii(name) == "plugin name")
        {
            name = null;
            line = contents.FirstNonWhitespace();
            if (line.Length < 50 && ParsePossibleHeader(line, onlyValid: true) is null)
            {
                name = SanitizeText(PhpBytes.Trim(line, NameTrimChars));
            }
            else
            {
                contents.Unshift(line);
            }
        }

        var (fields, headers) = ReadHeaderBlock(contents);
        return ReadmeFields.Build(name, fields, headers);
    }

    /// <summary>The header loop: <c>Key: value</c> lines until a line that is neither a header nor empty.</summary>
    private static (Dictionary<string, string> Fields, ReadOnlyDictionary<string, string> Headers) ReadHeaderBlock(LineStack contents)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? line = contents.FirstNonWhitespace();
        bool lastLineWasBlank = false;
        do
        {
            if (ParsePossibleHeader(line) is not { } header)
            {
                if (PhpBytes.IsEmpty(line))
                {
                    // "Some plugins have line-breaks within the headers".
                    lastLineWasBlank = true;
                    continue;
                }

                break; // the short description starts here
            }

            if (ValidHeaders.TryGetValue(header.Key, out var field))
            {
                fields[field] = header.Value;
            }
            else if (lastLineWasBlank)
            {
                break; // "we parsed too far and ended up in the Short Description"
            }

            if (header.RawKey.Length > 0)
            {
                headers[PhpBytes.ToText(header.RawKey)] = PhpBytes.ToText(header.Value);
            }

            lastLineWasBlank = false;
        }
        while ((line = contents.Shift()) is not null);

        return (fields, new ReadOnlyDictionary<string, string>(headers));
    }

    /// <summary>
    /// <c>parse_possible_header()</c>: a line with a <c>:</c> that does not start with <c>#</c> or <c>=</c>; key and value
    /// trimmed of spaces, tabs, <c>*</c> and <c>-</c> (markdown <c>**Tested up to:** 6.4</c>), the key lower-cased.
    /// </summary>
    private static (string Key, string RawKey, string Value)? ParsePossibleHeader(string line, bool onlyValid = false)
    {
        int colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || line.StartsWith('#') || line.StartsWith('='))
        {
            return null;
        }

        var rawKey = PhpBytes.Trim(line[..colon], HeaderTrimChars);
        var key = PhpBytes.ToLowerAscii(rawKey);
        if (onlyValid && !ValidHeaders.ContainsKey(key))
        {
            return null;
        }

        return (key, rawKey, PhpBytes.Trim(line[(colon + 1)..], HeaderTrimChars));
    }

    /// <summary>The parser's <c>sanitize_text()</c>: PHP's <c>strip_tags</c>, then WordPress's <c>esc_html</c>, then <c>trim</c>.</summary>
    private static string SanitizeText(string text) => PhpBytes.Trim(EscHtml.Escape(StripTags.Strip(text)));

    /// <summary>The parser's <c>$contents</c> array used as a stack: <c>array_shift</c>, <c>array_unshift</c>.</summary>
    private sealed class LineStack(List<string> lines)
    {
        private readonly List<string> _lines = lines;
        private int _next;

        public string? Peek() => _next < _lines.Count ? _lines[_next] : null;

        public string? Shift() => _next < _lines.Count ? _lines[_next++] : null;

        public void Unshift(string line)
        {
            if (_next > 0)
            {
                _lines[--_next] = line;
            }
            else
            {
                _lines.Insert(0, line);
            }
        }

        /// <summary><c>get_first_nonwhitespace()</c>: the next line that is not empty once trimmed (<c>"0"</c> counts as empty), or <c>""</c>.</summary>
        public string FirstNonWhitespace()
        {
            while (Shift() is { } line)
            {
                if (!PhpBytes.IsEmpty(PhpBytes.Trim(line)))
                {
                    return line;
                }
            }

            return string.Empty;
        }
    }
}
