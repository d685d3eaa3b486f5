using System.Text;
using static WordPressParity.Cases.Bytes;

namespace WordPressParity.Cases;

/// <summary>A readme file, for the optional comparison with the WordPress.org readme parser (<c>--readme-parser</c>).</summary>
internal sealed record ReadmeCase(string Id, byte[] Content);

/// <summary>Readmes that probe each rule of the WordPress.org readme parser's name and header block.</summary>
internal static class ReadmeCases
{
    public static IEnumerable<ReadmeCase> All(string corpusDirectory)
    {
        foreach (var path in Directory.GetFiles(Path.Combine(corpusDirectory, "readmes")).Order(StringComparer.Ordinal))
        {
            yield return new ReadmeCase("file:" + Path.GetFileName(path), File.ReadAllBytes(path));
        }

        // Tags: 'plugin' and 'wordpress' dropped (exact, case-sensitive), empty and "0" dropped, the first five kept.
        yield return Text("tags", "=== T ===\nTags: plugin, wordpress, seo, WordPress, Plugin,, 0, a , b,c,d\n");
        yield return Text("tags-markdown", "=== T ===\n* Tags: -speed-, cache*\n");

        // A first line that is already a header, an empty name, "Plugin Name" placeholders.
        yield return Text("first-line-stable-tag", "Stable tag: 1.2.3\nContributors: me\n\nShort.\n");
        yield return Text("first-line-contributors", "  Contributors: alice, bob\nStable tag: 2.0\n");
        yield return Text("first-line-unknown-key", "Author: alice\nStable tag: 2.0\n");
        yield return Text("empty-name-line", "===  ===\nContributors: bob\nStable tag: 1.0\n");
        yield return Text("plugin-name-then-name", "=== Plugin Name ===\nMy Plugin\nStable tag: 1.0\n");
        yield return Text("plugin-name-then-header", "=== Plugin Name ===\nStable tag: 1.0\nTags: x\n");
        yield return Text("plugin-name-then-long-line", "=== Plugin Name ===\nThis plugin line is far too long to be a plugin name here.\nStable tag: 1.0\n");
        yield return Text("underline", "My Plugin\n=========\nStable tag: 1.0\n");
        yield return Text("name-html", "=== <b>Tom</b> & \"Jerry\" ===\nStable tag: 1.0\n");

        // Values trimmed of spaces, tabs, '*' and '-'; the last of a repeated header wins.
        yield return Text("markdown-bold", "# M\n**Tested up to:** 6.4\n**Stable tag:** 1.0-\n- Requires PHP: 7.4 -\n");
        yield return Text("repeated", "=== R ===\nStable tag: 1.0\nStable tag: 2.0\nRequires at least: 5.0\nRequires: 6.1\nTested: 6.2\nTested up to: 6.3\n");

        // Requires at least / Tested up to must look like \d+\.\d(\.\d+)? once phrases and suffixes are removed.
        string[] versions = ["6.4", "6.4.1", "6", "6.10", "WordPress 6.0", "WP 5.9 and above", "5.8 or higher", "6.0+", "6.1-RC1", "latest", "6.x", " 6.2 ", "0", "0.0"];
        for (int i = 0; i < versions.Length; i++)
        {
            yield return Text($"wordpress-version-{i:00}", $"=== V ===\nRequires at least: {versions[i]}\nTested up to: {versions[i]}\n");
        }

        string[] php = ["7.4", "8.1.2", "7", "7.4.1.1", ">= 7.4", "8.0.x", "8.0 or later"];
        for (int i = 0; i < php.Length; i++)
        {
            yield return Text($"php-version-{i:00}", $"=== P ===\nRequires PHP: {php[i]}\n");
        }

        // Licence and URI.
        yield return Text("license-dash-url", "=== L ===\nLicense: GPLv2 - http://www.gnu.org/licenses/gpl-2.0.html\n");
        yield return Text("license-parenthesised-url", "=== L ===\nLicense: GPLv2 or later (https://www.gnu.org/licenses/gpl-2.0.html)\n");
        yield return Text("license-url-and-uri", "=== L ===\nLicense: GPLv3 https://a.example/x\nLicense URI: https://b.example/y\n");
        yield return Text("license-only-url", "=== L ===\nLicense: https://opensource.org/licenses/MIT\n");
        yield return Text("donate-link", "=== D ===\nDonate link: https://example.com/donate?x=1\n");

        // Contributors as the parser reports them (without its user look-up).
        yield return Text("contributors", "=== C ===\nContributors: @Alice, Bob_Smith , , @@carol,dave-d\n");

        // Stable tag sanitising; 0 is no version.
        string[] tags = ["0", "'0'", "\"1.2.3\"", "tags/1.2.3", "/TAGS/3.0", "1.2.3 (latest!)", ".5", "trunk", "\"\"", "v1.0", "1.0 ", "-1.0-"];
        for (int i = 0; i < tags.Length; i++)
        {
            yield return Text($"stable-tag-{i:00}", $"=== S ===\nStable tag: {tags[i]}\n");
        }

        // Line breaks: any \R; a line "0" counts as blank; a line of spaces ends the headers.
        yield return Text("line-breaks", "=== B ===\vTags: a\fStable tag: 1.0\u0085Requires PHP: 8.0\u2028Tested up to: 6.1\u2029Contributors: x\rDonate link: y\r\nLicense: MIT\n");
        yield return Text("zero-line", "=== Z ===\nTags: a\n0\nStable tag: 1.0\n");
        yield return Text("spaces-line", "=== Z ===\nTags: a\n   \nStable tag: 1.0\n");
        yield return Text("blank-then-unknown", "=== U ===\nTags: a\n\nNote: hello\nStable tag: 1.0\n");
        yield return Text("unknown-then-known", "=== U ===\nPlugin URI: https://x\nStable tag: 1.0\n");
        yield return Text("section-ends", "=== E ===\n== Description ==\nStable tag: 1.0\n");
        yield return Text("hash-ends", "=== E ===\nTags: a\n# Heading: not a header\nStable tag: 1.0\n");

        // Encodings: UTF-8 byte order mark, UTF-16 (little-endian with its mark, LF and CR LF), bytes that are not UTF-8.
        yield return new ReadmeCase("utf8-bom", Concat([0xEF, 0xBB, 0xBF], Utf8("=== Bom ===\nStable tag: 1.0\n")));
        yield return new ReadmeCase("utf16-lf", Concat([0xFF, 0xFE], Encoding.Unicode.GetBytes("=== Sixteen ===\nContributors: me\nStable tag: 1.0\nTags: a, b\n")));
        yield return new ReadmeCase("utf16-crlf", Concat([0xFF, 0xFE], Encoding.Unicode.GetBytes("=== Sixteen ===\r\nStable tag: 1.0\r\n")));
        yield return new ReadmeCase("utf16-no-bom", Encoding.Unicode.GetBytes("=== No Mark ===\nStable tag: 1.0\n"));
        yield return new ReadmeCase("latin1", Concat(Utf8("=== Caf"), [0xE9], Utf8(" ===\nContributors: j"), [0xF6], Utf8("rg\nTags: a"), [0x85], Utf8("Stable tag: 1.0\n")));
        yield return new ReadmeCase("empty", []);
    }

    private static ReadmeCase Text(string id, string text) => new("edge:" + id, Utf8(text));
}
