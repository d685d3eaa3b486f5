using static WordPressParity.Cases.Bytes;

namespace WordPressParity.Cases;

/// <summary>Plugin files that probe each rule of <c>get_file_data()</c> and <c>_cleanup_header_comment()</c>.</summary>
internal static class HeaderEdgeCases
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public static IEnumerable<HeaderFileCase> All()
    {
        // Line endings: CR LF, bare CR (turned into LF), and characters that are not line breaks for the regex.
        yield return Case("crlf", Utf8("<?php\r\n/**\r\n * Plugin Name: Windows Line Endings\r\n * Version: 3.0.0-beta.2\r\n * Network: true\r\n */\r\n"));
        yield return Case("bare-cr", Utf8("<?php\r/*\rPlugin Name: Classic Mac\rVersion: 0.9\r*/\r"));
        yield return Case("form-feed-in-value", Utf8("<?php\n/*\nPlugin Name: Form\fFeed\nVersion: 1.0\f\n*/\n"));
        yield return Case("vertical-tab-in-value", Utf8("<?php\n/*\nPlugin Name: Vertical\vTab\nVersion: \v2.0\v\n*/\n"));
        yield return Case("nel-byte-in-value", Concat(Utf8("<?php\n/*\nPlugin Name: Next"), [0x85], Utf8("Line\nVersion: 1.0\n*/\n")));
        yield return Case("unicode-line-separators", Utf8("<?php\n/*\nPlugin Name: Line\u2028Separator\u0085Next\nVersion: 1.0\u2029\n*/\n"));

        // The value ends at */ or ?> together with the whitespace before it (\s: form feed and vertical tab too).
        yield return Case("comment-end-after-form-feed", Utf8("<?php\n/* Plugin Name: Feed Before End\f*/\n/* Version: 2.0 \v ?> */\n"));
        yield return Case("comment-end-after-tabs", Utf8("<?php /* Plugin Name: Tabs Before End\t\t*/\n// Version: 3.1\t?>\n"));
        yield return Case("php-close-before-comment-end", Utf8("<?php\n// Plugin Name: Closed ?> early */ late\n// Version: 1 */ ?>\n"));
        yield return Case("nul-bytes", Concat(Utf8("<?php\n/*\nPlugin Name: "), [0], Utf8("Nul Padded"), [0], Utf8("\nVersion: 1.0\0\n*/\n")));

        // What counts as empty: PHP's truthiness on the raw match, then on the cleaned value.
        yield return Case("plugin-name-zero", MainFile("Plugin Name: 0", "Version: 1.0.0"));
        yield return Case("plugin-name-zero-no-space", MainFile("Plugin Name:0", "Version: 1.0.0"));
        yield return Case("plugin-name-zero-then-comment-end", Utf8("<?php /* Plugin Name: 0 */\n/* Version: 0 */\n"));
        yield return Case("plugin-name-blank", MainFile("Plugin Name:   ", "Version: 1.0.0"));
        yield return Case("first-match-empty-later-set", MainFile("Plugin Name:", "Plugin Name: Second Try", "Version:", "Version: 2.0"));
        yield return Case("plugin-name-only-comment-end", Utf8("<?php\n/* Plugin Name: */\nVersion: ?>\n"));

        // Prefixes the regex accepts or not.
        yield return Case("php-tag-same-line", Utf8("<?php Plugin Name: Tag Then Name\n<?PHP // Version: 1.1\n"));
        yield return Case("indented-php-tag", Utf8("  \t<?php /** Plugin Name: Indented Tag */\n\t  * Version: 2.2\n"));
        yield return Case("prefix-characters", Utf8("<?php\n#@*/ Plugin Name: Mixed Prefix\n//@ Version: 3.3\n"));
        yield return Case("text-before-name", Utf8("<?php\n/*\n * The Plugin Name: Not A Header\n * Plugin Name: Real One\n * Version: 1.0\n */\n"));
        yield return Case("space-before-colon", Utf8("<?php\n/*\n * Plugin Name : Spaced Colon\n * Version : 1.0\n * Plugin Name: After\n */\n"));
        yield return Case("header-name-case", Utf8("<?php\n/*\nplugin name: lower\nVERSION: 4.0\nrequires php: 8.0\n*/\n"));
        yield return Case("dotless-i-in-name", Utf8("<?php\n/*\nPlugın Name: Dotless\nPlugin Name: Dotted\nVersıon: 9\nVersion: 1\n*/\n"));
        yield return Case("long-s-in-name", Utf8("<?php\n/*\nPlugin Name: Long S\nRequireſ PHP: 9.9\nRequires PHP: 7.4\n*/\n"));
        yield return Case("colon-in-value", MainFile("Plugin Name: Time: The Plugin", "Description: Ratio 1:2 and https://example.com:8080/x", "Version: 1.0"));
        yield return Case("plugin-uri-before-name", MainFile("Plugin URI: https://example.com/", "Plugin Name: URI First", "Version: 1.0"));
        yield return Case("requires-plugins", MainFile("Plugin Name: Needs Others", "Requires Plugins: woocommerce, jetpack", "Version: 1.0"));

        // The byte order mark: WordPress does not skip it, so it hides a header on the first line only.
        yield return Case("bom-header-on-first-line", Concat(Bom, Utf8("<?php /* Plugin Name: Bom Hidden */\n/* Version: 1.0 */\n")));
        yield return Case("bom-name-without-php-tag", Concat(Bom, Utf8("Plugin Name: Bom Plain\nVersion: 5.5\n")));
        yield return Case("bom-header-below", Concat(Bom, MainFile("Plugin Name: Bom Harmless", "Version: 1.0")));

        // Only the first 8 KiB are read.
        yield return Case("header-past-8-kib", Utf8("<?php\n/*\n * Plugin Name: Late Version\n" + new string('x', 9000) + "\n * Version: 9.9.9\n */\n"));
        yield return Case("value-cut-at-8-kib", CutAt8KiB("\nPlugin Name: Cut", " Off Here\n"));
        yield return Case("multibyte-cut-at-8-kib", CutAt8KiB("\nPlugin Name: \xC3\x9C\xE2", "\x82\xAC\n"));

        // Bytes that are not UTF-8 are carried through.
        yield return Case("latin1-value", Concat(Utf8("<?php\n/*\nPlugin Name: Caf"), [0xE9], Utf8(" Latin\nVersion: 1.0\n*/\n")));
    }

    /// <summary>A file whose 8 KiB cut falls right after <paramref name="beforeCut"/> (chars as bytes, Latin-1).</summary>
    private static byte[] CutAt8KiB(string beforeCut, string afterCut)
    {
        const string Start = "<?php\n/*\n * Version: 1.0\n";
        var padding = new string('/', 8192 - Start.Length - beforeCut.Length);
        return System.Text.Encoding.Latin1.GetBytes(Start + padding + beforeCut + afterCut);
    }

    private static HeaderFileCase Case(string id, byte[] content) => new("edge:" + id, content);
}
