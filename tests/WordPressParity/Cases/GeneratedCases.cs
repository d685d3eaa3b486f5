using System.Text;

namespace WordPressParity.Cases;

/// <summary>
/// Cases assembled at random from the fragments the rules care about (prefixes, header names, separators, tricky bytes,
/// tags, entities, line breaks). The seed is fixed, so every run checks the same cases and a failure can be replayed.
/// </summary>
internal static class GeneratedCases
{
    private const int Seed = 20260113;

    /// <summary>Stands for the raw byte 0xE9 (é in Latin-1), which is not UTF-8 on its own.</summary>
    private const char RawByte = '\uF8E9';

    private static readonly string[] HeaderPrefixes =
        ["", " ", "\t", " * ", "/*", "// ", "#", "@", "*@ ", "<?php ", "  <?PHP\t", "<?php/**", "- ", "$x = '", "\u00A0", "//* "];

    private static readonly string[] HeaderNames =
        ["Plugin Name", "plugin name", "PLUGIN NAME", "Plugin  Name", "PluginName", "Plugın Name", "Version", "version", "VERSION",
         "Description", "Requires PHP", "Requires at least", "Requires Plugins", "Update URI", "Network", "Text Domain", "Author"];

    private static readonly string[] Separators = [":", ": ", " :", "::", ":\t", ":  "];

    private static readonly string[] ValueTokens =
        ["1.0", "2.4.1-beta", "My Plugin", " ", "\t", "\f", "\v", "*/", "?>", "*", "/", "0", "é", "\0", "\u0085", "\u2028", "ü",
         "😀", "<b>", "&", "\uF8E9", "\uFEFF", "-", "Acme", "?", ">"];

    private static readonly string[] LineEnds = ["\n", "\n", "\n", "\r\n", "\r"];

    private static readonly string[] NameTokens =
        ["<", ">", "a", "B", " ", "&", "amp;", "#", "x", "41;", "065;", "\"", "'", "!--", "?", "-->", "=", "<b>", "</b>", "&hellip;",
         "&#0;", "&#x", "D800;", "é", "\uF8E9", "\0", "doctype", "<!", "<?", "?>", "(", ")", "\\", "xml", "-", "\t", "&apos;", "&nbsp;", "&#1114112;"];

    private static readonly string[] ReadmeKeys =
        ["Contributors", "Tags", "Requires at least", "Requires", "Tested up to", "Tested", "Requires PHP", "Stable tag", "License",
         "License URI", "Donate link", "stable TAG", "**Stable tag", "* Tags", "- Tested up to", "Author", "Plugin URI", "Note"];

    private static readonly string[] ReadmeValues =
        ["1.0", "0", "", "'0'", "\"1.2.3\"", "tags/2.0", "trunk", "6.4", "6.10", "WordPress 6.0", "5.8 or higher", "6.1-RC1", "7.4",
         "8.0.1", "plugin, wordpress, seo", "a, b, c, d, e, f, g", "@Alice, bob", "GPLv2 - http://x.example/l", "https://x.example",
         "MIT", "**", "-1.0-", " spaced ", "é", "\uF8E9"];

    private static readonly string[] ReadmeBreaks = ["\n", "\n", "\n", "\r\n", "\r", "\v", "\f", "\u0085", "\u2028", "\u2029"];

    /// <summary>Plugin files for <c>get_file_data()</c>.</summary>
    public static IEnumerable<HeaderFileCase> HeaderFiles(int count)
    {
        var random = new Random(Seed);
        for (int i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            int lines = random.Next(1, 9);
            for (int line = 0; line < lines; line++)
            {
                text.Append(Pick(random, HeaderPrefixes)).Append(Pick(random, HeaderNames)).Append(Pick(random, Separators));
                for (int token = random.Next(0, 5); token > 0; token--)
                {
                    text.Append(Pick(random, ValueTokens));
                }

                text.Append(Pick(random, LineEnds));
            }

            yield return new HeaderFileCase($"generated:{i:000}", Encode(text.ToString()));
        }
    }

    /// <summary>Readme name lines for <c>strip_tags()</c> and <c>esc_html()</c>.</summary>
    public static IEnumerable<NameLineCase> NameLines(int count)
    {
        var random = new Random(Seed + 1);
        for (int i = 0; i < count; i++)
        {
            var text = new StringBuilder("=== ");
            for (int token = random.Next(1, 12); token > 0; token--)
            {
                text.Append(Pick(random, NameTokens));
            }

            // Never a line that is a known header or the "Plugin Name" placeholder: those are not names.
            yield return new NameLineCase($"generated:{i:000}", Encode(text.Append(" ===").ToString()));
        }
    }

    /// <summary>Readmes for the optional comparison with the WordPress.org parser.</summary>
    public static IEnumerable<ReadmeCase> Readmes(int count)
    {
        var random = new Random(Seed + 2);
        string[] names = ["=== Generated ===", "# Generated", "=== Plugin Name ===", "", "0", "   ", "Stable tag: 9.9", "=== <i>x</i> & y ==="];
        for (int i = 0; i < count; i++)
        {
            var text = new StringBuilder(Pick(random, names));
            for (int line = random.Next(1, 10); line > 0; line--)
            {
                text.Append(Pick(random, ReadmeBreaks));
                text.Append(random.Next(8) switch
                {
                    0 => "",
                    1 => Pick(random, ["0", "   ", "== Description ==", "# Heading: x", "Short description."]),
                    _ => Pick(random, ReadmeKeys) + Pick(random, [":", ": ", ":** ", " : "]) + Pick(random, ReadmeValues),
                });
            }

            yield return new ReadmeCase($"generated:{i:000}", Encode(text.Append('\n').ToString()));
        }
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    /// <summary>UTF-8, except that <see cref="RawByte"/> becomes the single byte 0xE9.</summary>
    private static byte[] Encode(string text) =>
        text.Split(RawByte).Select(Encoding.UTF8.GetBytes).Aggregate((left, right) => [.. left, 0xE9, .. right]);
}
