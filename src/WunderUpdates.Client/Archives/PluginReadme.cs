using System.Collections.ObjectModel;

namespace WunderUpdates.Client;

/// <summary>
/// The header block of a plugin's <c>readme.txt</c>, parsed like the WordPress.org readme parser does.
/// </summary>
public sealed class PluginReadme
{
    private static readonly char[] PhpTrimChars = [' ', '\t', '\n', '\r', '\0', '\x0B'];
    private static readonly char[] NameTrimChars = ['#', '=', ' ', '\t', '\0', '\x0B'];
    private static readonly char[] KeyTrimChars = [' ', '\t', '*', '-', '\r', '\n'];

    private PluginReadme(string? name, IReadOnlyDictionary<string, string> headers)
    {
        Name = name;
        Headers = headers;
        Contributors = SplitList(Get("Contributors"));
        Tags = SplitList(Get("Tags"));
        DonateLink = Get("Donate link");
        RequiresAtLeast = Get("Requires at least") ?? Get("Requires");
        TestedUpTo = Get("Tested up to") ?? Get("Tested");
        RequiresPhp = SanitizeRequiresPhp(Get("Requires PHP"));
        StableTag = SanitizeStableTag(Get("Stable tag"));
        License = Get("License");
        LicenseUri = Get("License URI");
    }

    /// <summary>The plugin name: the first non-blank line with <c>#</c>, <c>=</c> and spaces trimmed (e.g. <c>=== My Plugin ===</c>).</summary>
    public string? Name { get; }

    /// <summary>
    /// Every <c>Key: value</c> line of the header block, keys as written (trimmed of spaces, <c>*</c> and <c>-</c>)
    /// and compared case-insensitively, values trimmed; a later line with the same key wins.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The WordPress.org user names of the <c>Contributors:</c> line (comma-separated), empty if absent.</summary>
    public IReadOnlyList<string> Contributors { get; }

    /// <summary>The <c>Tags:</c> line split at commas, empty if absent.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The <c>Donate link:</c> value, or null.</summary>
    public string? DonateLink { get; }

    /// <summary>The <c>Requires at least:</c> value (minimum WordPress version), or null.</summary>
    public string? RequiresAtLeast { get; }

    /// <summary>The <c>Tested up to:</c> value (latest WordPress version tested), or null.</summary>
    public string? TestedUpTo { get; }

    /// <summary>The <c>Requires PHP:</c> value if it looks like <c>7.4</c> or <c>7.4.1</c>; otherwise (or if absent) null.</summary>
    public string? RequiresPhp { get; }

    /// <summary>
    /// The <c>Stable tag:</c> value sanitised like WordPress.org does: quotes and a leading <c>tags/</c> removed,
    /// characters outside <c>[A-Za-z0-9_.-]</c> dropped, a leading <c>.</c> prefixed with <c>0</c>; null if absent or empty.
    /// </summary>
    public string? StableTag { get; }

    /// <summary>The <c>License:</c> value, or null.</summary>
    public string? License { get; }

    /// <summary>The <c>License URI:</c> value, or null.</summary>
    public string? LicenseUri { get; }

    /// <summary>
    /// Parses the top of a readme: the first non-blank line is the name; then <c>Key: value</c> lines are read
    /// until the first line that is not a header (a line without <c>:</c>, or starting with <c>#</c> or <c>=</c>,
    /// or an unknown key after a blank line). Sections (<c>== Description ==</c>) are not parsed.
    /// </summary>
    /// <param name="text">The readme text (a UTF-8 byte order mark is ignored).</param>
    /// <returns>The parsed readme; never null (an empty text gives a readme without name or headers).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static PluginReadme Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var lines = new Queue<string>(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'));

        string? name = null;
        var first = NextNonBlank(lines);
        if (first is not null)
        {
            name = first.Trim(NameTrimChars);

            // A GitHub-style "====" underline below the name.
            if (lines.TryPeek(out var underline) && underline.Trim('=', '-').Length == 0)
            {
                lines.Dequeue();
            }

            // "=== Plugin Name ===" followed by the real name on the next line.
            if (string.Equals(name, "plugin name", StringComparison.OrdinalIgnoreCase))
            {
                name = NextNonBlank(lines)?.Trim(NameTrimChars);
            }
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var line = NextNonBlank(lines);
        bool lastLineWasBlank = false;
        while (line is not null)
        {
            if (!line.Contains(':', StringComparison.Ordinal) || line.StartsWith('#') || line.StartsWith('='))
            {
                if (line.Length != 0)
                {
                    break; // the short description starts here
                }

                lastLineWasBlank = true;
            }
            else
            {
                var trimmed = line.Trim(PhpTrimChars);
                int colon = trimmed.IndexOf(':', StringComparison.Ordinal);
                var key = trimmed[..colon].Trim(KeyTrimChars);
                var value = trimmed[(colon + 1)..].Trim(PhpTrimChars);
                if (!IsKnownKey(key) && lastLineWasBlank)
                {
                    break; // parsed too far: this is the short description
                }

                if (key.Length > 0)
                {
                    headers[key] = value;
                }

                lastLineWasBlank = false;
            }

            line = lines.TryDequeue(out var next) ? next : null;
        }

        return new PluginReadme(name is { Length: > 0 } ? name : null, new ReadOnlyDictionary<string, string>(headers));
    }

    private static string? NextNonBlank(Queue<string> lines)
    {
        while (lines.TryDequeue(out var line))
        {
            if (line.Trim(PhpTrimChars).Length > 0)
            {
                return line;
            }
        }

        return null;
    }

    private static bool IsKnownKey(string key) => key.ToUpperInvariant() is
        "TESTED" or "TESTED UP TO" or "REQUIRES" or "REQUIRES AT LEAST" or "REQUIRES PHP" or "TAGS"
        or "CONTRIBUTORS" or "DONATE LINK" or "STABLE TAG" or "LICENSE" or "LICENSE URI";

    private string? Get(string key) => Headers.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    private static ReadOnlyCollection<string> SplitList(string? value) =>
        Array.AsReadOnly(value is null
            ? []
            : value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    private static string? SanitizeRequiresPhp(string? value)
    {
        // ^\d+(\.\d+){1,2}$
        if (value is null)
        {
            return null;
        }

        var parts = value.Split('.');
        return parts.Length is 2 or 3 && parts.All(static p => p.Length > 0 && p.All(char.IsAsciiDigit)) ? value : null;
    }

    private static string? SanitizeStableTag(string? value)
    {
        if (value is null)
        {
            return null;
        }

        value = value.Trim(PhpTrimChars).Trim('"', '\'');
        if (value.StartsWith("/tags/", StringComparison.OrdinalIgnoreCase))
        {
            value = value[6..];
        }
        else if (value.StartsWith("tags/", StringComparison.OrdinalIgnoreCase))
        {
            value = value[5..];
        }

        var kept = string.Concat(value.Where(static c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'));
        if (kept.StartsWith('.'))
        {
            kept = "0" + kept;
        }

        return kept.Length > 0 ? kept : null;
    }
}
