using System.Text.RegularExpressions;
using PluginApis.Emulator.State;

namespace PluginApis.Emulator.Jobs;

/// <summary>
/// The emulator's "test": a textual scan of a plugin's PHP source (comments included), documented in docs/emulator.md.
/// <list type="bullet">
/// <item>Tables: every <c>{$wpdb->prefix}NAME</c> and <c>$wpdb->prefix . 'NAME'</c> (also <c>base_prefix</c>) is table
/// <c>wp_NAME</c>, unless NAME is a WordPress core table. Columns come from a <c>CREATE TABLE</c> of that name, or of a variable
/// assigned such a name in the same file (<c>$table = $wpdb->prefix . 'log';</c> … <c>CREATE TABLE $table (</c>).</item>
/// <item>Options: <c>add_option('NAME'</c> and <c>update_option('NAME'</c>; autoload unless the call's last argument is
/// <c>false</c>, <c>'no'</c> or <c>'off'</c>.</item>
/// <item>Errors: <c>trigger_error('MESSAGE'[, E_USER_*])</c> (or <c>user_error</c>): E_USER_ERROR → php_fatal_error,
/// E_USER_WARNING → php_warning, E_USER_DEPRECATED → php_deprecated, otherwise php_notice; with its file and line.</item>
/// </list>
/// </summary>
internal static partial class PhpScanner
{
    private const int Timeout = 2000;

    private static readonly HashSet<string> CoreTables = new(StringComparer.OrdinalIgnoreCase)
    {
        "posts", "postmeta", "comments", "commentmeta", "options", "users", "usermeta", "terms", "termmeta", "term_taxonomy",
        "term_relationships", "links", "blogs", "blogmeta", "site", "sitemeta", "signups", "registration_log", "blog_versions",
    };

    private static readonly HashSet<string> ColumnKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "PRIMARY", "KEY", "UNIQUE", "INDEX", "CONSTRAINT", "FULLTEXT", "FOREIGN", "SPATIAL", "CHECK",
    };

    [GeneratedRegex("""\{\$wpdb->(?:base_)?prefix\}(?<name>[A-Za-z0-9_]+)|\$wpdb->(?:base_)?prefix\s*\.\s*['"](?<name>[A-Za-z0-9_]+)""", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex TableReference();

    [GeneratedRegex("""\$(?<var>[A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?:"\{\$wpdb->(?:base_)?prefix\}(?<name>[A-Za-z0-9_]+)"|\$wpdb->(?:base_)?prefix\s*\.\s*['"](?<name>[A-Za-z0-9_]+)['"])\s*;""", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex TableVariable();

    [GeneratedRegex("""CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?<target>[^(\r\n]{1,120}?)\s*\(""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex CreateTable();

    [GeneratedRegex("""\$\{?(?<var>[A-Za-z_][A-Za-z0-9_]*)""", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Variable();

    [GeneratedRegex("""\b(?:add|update)_option\s*\(\s*(?:'(?<name>[^'\\$]{1,191})'|"(?<name>[^"\\$]{1,191})")""", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex OptionCall();

    [GeneratedRegex(""",\s*(?:false|'no'|"no"|'off'|"off")\s*\)\s*$""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex NoAutoload();

    [GeneratedRegex("""\b(?:trigger_error|user_error)\s*\(\s*(?:'(?<message>(?:[^'\\]|\\.){0,500})'|"(?<message>(?:[^"\\]|\\.){0,500})")""", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex TriggerError();

    [GeneratedRegex("""E_USER_(?<level>ERROR|WARNING|NOTICE|DEPRECATED)\b""", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex ErrorLevel();

    [GeneratedRegex("""\\(.)""", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Escape();

    /// <summary>Adds what <paramref name="source"/> (the file at <paramref name="path"/>) shows to <paramref name="findings"/>.</summary>
    public static void Scan(string source, string path, PhpFindings findings)
    {
        try
        {
            ScanTables(source, findings);
            foreach (Match call in OptionCall().Matches(source))
            {
                findings.AddOption(call.Groups["name"].Value, !NoAutoload().IsMatch(StatementRest(source, call, 400)));
            }

            foreach (Match call in TriggerError().Matches(source))
            {
                var level = ErrorLevel().Match(StatementRest(source, call, 200)).Groups["level"].Value;
                var type = level switch
                {
                    "ERROR" => "php_fatal_error",
                    "WARNING" => "php_warning",
                    "DEPRECATED" => "php_deprecated",
                    _ => "php_notice",
                };
                var message = Escape().Replace(call.Groups["message"].Value, "$1");
                findings.AddError(new PtReportError(type, message, path, LineOf(source, call.Index)));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological file: keep what was found so far.
        }
    }

    private static void ScanTables(string source, PhpFindings findings)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match assignment in TableVariable().Matches(source))
        {
            variables.TryAdd(assignment.Groups["var"].Value, assignment.Groups["name"].Value);
        }

        foreach (Match create in CreateTable().Matches(source))
        {
            var target = create.Groups["target"].Value;
            var reference = TableReference().Match(target);
            var name = reference.Success ? reference.Groups["name"].Value
                : Variable().Match(target) is { Success: true } variable ? variables.GetValueOrDefault(variable.Groups["var"].Value)
                : null;
            if (name is not null && !CoreTables.Contains(name))
            {
                findings.AddTable("wp_" + name, Columns(source, create.Index + create.Length));
            }
        }

        foreach (Match reference in TableReference().Matches(source))
        {
            var name = reference.Groups["name"].Value;
            if (!CoreTables.Contains(name))
            {
                findings.AddTable("wp_" + name, []);
            }
        }
    }

    /// <summary>Column names of the definition list that starts after the opening parenthesis at <paramref name="start"/>.</summary>
    private static List<string> Columns(string source, int start)
    {
        var columns = new List<string>();
        var depth = 0;
        var definition = start;
        for (var i = start; i < source.Length && i < start + 20_000 && columns.Count < 200; i++)
        {
            var c = source[i];
            if (c == '(')
            {
                depth++;
            }
            else if ((c == ')' && depth == 0) || (c == ',' && depth == 0))
            {
                var column = FirstIdentifier(source.AsSpan(definition, i - definition));
                if (column is not null && !ColumnKeywords.Contains(column))
                {
                    columns.Add(column);
                }

                if (c == ')')
                {
                    break;
                }

                definition = i + 1;
            }
            else if (c == ')')
            {
                depth--;
            }
        }

        return columns;
    }

    private static string? FirstIdentifier(ReadOnlySpan<char> definition)
    {
        definition = definition.TrimStart().TrimStart("`\"'");
        var length = 0;
        while (length < definition.Length && (char.IsAsciiLetterOrDigit(definition[length]) || definition[length] == '_'))
        {
            length++;
        }

        return length == 0 ? null : definition[..length].ToString();
    }

    /// <summary>The rest of the statement after <paramref name="match"/>, up to the next <c>;</c> (at most <paramref name="max"/> characters).</summary>
    private static string StatementRest(string source, Match match, int max)
    {
        var start = match.Index + match.Length;
        var length = Math.Min(max, source.Length - start);
        var end = source.IndexOf(';', start, length);
        return source.Substring(start, (end < 0 ? start + length : end) - start);
    }

    private static int LineOf(string source, int index)
    {
        var line = 1;
        for (var i = source.IndexOf('\n', 0, index); i >= 0; i = source.IndexOf('\n', i + 1, index - i - 1))
        {
            line++;
        }

        return line;
    }
}
