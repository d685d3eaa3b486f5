using System.Text;
using Xunit;

namespace WunderUpdates.Client.Tests.Archives;

public class WordPressHeadersTests
{
    private static IReadOnlyDictionary<string, string> Parse(string text) =>
        WordPressHeaders.Parse(text, WordPressHeaders.PluginHeaderNames);

    [Fact]
    public void Reads_a_docblock_header()
    {
        var headers = Parse("<?php\n/**\n * Plugin Name: My Plugin\n * Version: 1.2.3\n * Requires PHP: 7.4\n */\n");

        Assert.Equal("My Plugin", headers["Plugin Name"]);
        Assert.Equal("1.2.3", headers["Version"]);
        Assert.Equal("7.4", headers["Requires PHP"]);
        Assert.False(headers.ContainsKey("Author"));
    }

    [Fact]
    public void Crlf_line_endings_do_not_leak_into_values()
    {
        var headers = Parse("<?php\r\n/*\r\n * Plugin Name: Crlf\r\n * Version: 2.0\r\n */\r\n");

        Assert.Equal("Crlf", headers["Plugin Name"]);
        Assert.Equal("2.0", headers["Version"]);
    }

    [Fact]
    public void Bare_cr_separates_lines()
    {
        var headers = Parse("<?php\r/*\rPlugin Name: Old Mac\rVersion: 3.1\r*/\r");

        Assert.Equal("Old Mac", headers["Plugin Name"]);
        Assert.Equal("3.1", headers["Version"]);
    }

    [Theory]
    [InlineData("<?php /* Plugin Name: Inline */ ?>", "Inline")]
    [InlineData("<?php /** Plugin Name: Same Line Docblock", "Same Line Docblock")]
    [InlineData("  <?PHP # Plugin Name: Upper Php Tag", "Upper Php Tag")]
    [InlineData("# Plugin Name: Hash Comment", "Hash Comment")]
    [InlineData("// Plugin Name: Slash Comment", "Slash Comment")]
    [InlineData("\t@ Plugin Name: At Sign", "At Sign")]
    [InlineData("Plugin Name: No Prefix", "No Prefix")]
    [InlineData(" * Plugin Name:   Spaces Trimmed   ", "Spaces Trimmed")]
    [InlineData(" * Plugin Name: Cut At Comment End */ trailing", "Cut At Comment End")]
    [InlineData(" * Plugin Name: Cut At Php End ?> <p>html</p>", "Cut At Php End")]
    [InlineData(" * Plugin Name: Earliest ?> wins */ x", "Earliest")]
    [InlineData(" * plugin name: Lower Case Key", "Lower Case Key")]
    [InlineData(" * PLUGIN NAME: Upper Case Key", "Upper Case Key")]
    public void Accepts_the_comment_styles_WordPress_accepts(string line, string expected)
    {
        Assert.Equal(expected, Parse(line + "\n")["Plugin Name"]);
    }

    [Theory]
    [InlineData(" - Plugin Name: Dash Prefix")]
    [InlineData("$x = 'Plugin Name: In Code';")]
    [InlineData("My Plugin Name: Not At Line Start")]
    [InlineData(" * Plugin Name : Space Before Colon")]
    [InlineData(" * Plugin Name:")]
    [InlineData(" * Plugin Name:   */")]
    public void Rejects_what_WordPress_rejects(string line)
    {
        Assert.False(Parse(line + "\n").ContainsKey("Plugin Name"));
    }

    [Fact]
    public void First_match_wins()
    {
        var headers = Parse(" * Version: 1.0\n * Version: 2.0\n");

        Assert.Equal("1.0", headers["Version"]);
    }

    [Fact]
    public void An_empty_first_match_hides_later_lines_like_in_WordPress()
    {
        // get_file_data() takes the first regex match; its empty value is falsy, so the header is empty.
        Assert.False(Parse(" * Version:\n * Version: 2.0\n").ContainsKey("Version"));
        Assert.False(Parse(" * Version:0\n * Version: 2.0\n").ContainsKey("Version"));
        Assert.Equal("0", Parse(" * Version: 0\n")["Version"]);
    }

    [Theory]
    [InlineData(" * Plugin Name: Feed\f*/", "Feed")]
    [InlineData(" * Plugin Name: Tab \v ?>", "Tab")]
    [InlineData(" * Plugin Name: Kept\f", "Kept\f")]
    [InlineData(" * Plugin Name: \vTrimmed\v", "Trimmed")]
    public void A_value_ends_at_the_whitespace_before_a_comment_or_php_end(string line, string expected)
    {
        // _cleanup_header_comment(): preg_replace('/\s*(?:\*\/|\?>).*/', '') then trim(); \s has form feed, trim() has not.
        Assert.Equal(expected, Parse(line + "\n")["Plugin Name"]);
    }

    [Fact]
    public void A_value_of_zero_is_returned_as_WordPress_returns_it()
    {
        // The raw " 0" is truthy, so get_file_data() returns "0"; get_plugins() then finds the Name empty().
        Assert.Equal("0", Parse(" * Plugin Name: 0\n")["Plugin Name"]);
        Assert.Equal("0", Parse("/* Plugin Name: 0 */\n")["Plugin Name"]);
        Assert.False(Parse(" * Plugin Name:0\n").ContainsKey("Plugin Name"));
    }

    [Fact]
    public void Header_names_ignore_case_for_ascii_letters_only()
    {
        // PCRE without /u folds ASCII only: a dotless i or a long s is not an i or an s.
        var headers = Parse(" * Plug\u0131n Name: Dotless\n * Requires PHP: 7.4\n * Require\u017F PHP: 9.9\n");

        Assert.False(headers.ContainsKey("Plugin Name"));
        Assert.Equal("7.4", headers["Requires PHP"]);
    }

    [Theory]
    [InlineData("\u0085")]
    [InlineData("\u2028")]
    [InlineData("\f")]
    public void Only_line_feeds_and_carriage_returns_end_a_line(string separator)
    {
        var headers = Parse($" * Plugin Name: One{separator}Version: 2\n");

        Assert.Equal($"One{separator}Version: 2", headers["Plugin Name"]);
        Assert.False(headers.ContainsKey("Version"));
    }

    [Fact]
    public void A_value_never_spans_lines()
    {
        var headers = Parse(" * Description: first line\n   continues here\n");

        Assert.Equal("first line", headers["Description"]);
    }

    [Fact]
    public void Keys_are_case_insensitive()
    {
        var headers = Parse(" * Requires at least: 6.0\n");

        Assert.Equal("6.0", headers["REQUIRES AT LEAST"]);
        Assert.Equal("6.0", headers["requires at least"]);
    }

    [Fact]
    public void Plugin_name_does_not_match_a_longer_header()
    {
        var headers = Parse(" * Plugin Name Extra: nope\n * Plugin URI: https://example.com/x\n");

        Assert.False(headers.ContainsKey("Plugin Name"));
        Assert.Equal("https://example.com/x", headers["Plugin URI"]);
    }

    [Fact]
    public void Custom_names_are_supported()
    {
        var headers = WordPressHeaders.Parse("/* Theme Name: Twenty */\n", ["Theme Name"]);

        Assert.Equal("Twenty", headers["Theme Name"]);
    }

    [Fact]
    public void Decode_uses_only_the_first_8_KiB()
    {
        var bytes = Encoding.UTF8.GetBytes(new string(' ', 8200) + "\nVersion: 9\n");

        var text = WordPressHeaders.DecodeFileData(bytes);

        Assert.Equal(WordPressHeaders.MaxFileDataBytes, text.Length);
        Assert.False(Parse(text).ContainsKey("Version"));
    }

    [Fact]
    public void Decode_keeps_a_utf8_bom_which_hides_a_header_on_the_first_line_only()
    {
        // get_file_data() does not skip the mark: "\xEF\xBB\xBF<?php" is no header prefix, so line 1 never matches.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("<?php /* Plugin Name: Bom */\n/* Version: 1.0 */\n")).ToArray();

        var text = WordPressHeaders.DecodeFileData(bytes);

        Assert.StartsWith("\uFEFF<?php", text, StringComparison.Ordinal);
        Assert.False(Parse(text).ContainsKey("Plugin Name"));
        Assert.Equal("1.0", Parse(text)["Version"]);
    }

    [Fact]
    public void Decode_turns_a_character_cut_by_the_8_KiB_limit_into_a_replacement_character()
    {
        // "€" is 3 bytes; place it so that only its first byte is inside the 8192-byte window. Core keeps that byte.
        var prefix = "<?php\n/*\n * Plugin Name: Caf";
        var padding = new string(' ', WordPressHeaders.MaxFileDataBytes - 1 - prefix.Length - 1);
        var bytes = Encoding.UTF8.GetBytes("\n" + padding + prefix + "€ rest\n */");
        Assert.Equal(0xE2, bytes[WordPressHeaders.MaxFileDataBytes - 1]);

        var text = WordPressHeaders.DecodeFileData(bytes);

        Assert.Equal(WordPressHeaders.MaxFileDataBytes, text.Length);
        Assert.EndsWith("Caf\uFFFD", text, StringComparison.Ordinal);
        Assert.Equal("Caf\uFFFD", Parse(text)["Plugin Name"]);
    }

    [Fact]
    public void Decode_keeps_complete_multibyte_characters_and_replaces_invalid_bytes()
    {
        var bytes = Encoding.UTF8.GetBytes("Plugin Name: Crème 😀 ").Concat(new byte[] { 0xFF, (byte)'\n' }).ToArray();

        var text = WordPressHeaders.DecodeFileData(bytes);

        Assert.Equal("Crème 😀 \uFFFD", Parse(text)["Plugin Name"]);
    }

    [Theory]
    [InlineData(new byte[] { 0x41, 0xC3 }, 1)]
    [InlineData(new byte[] { 0x41, 0xC3, 0xA9 }, 3)]
    [InlineData(new byte[] { 0x41, 0xF0, 0x9F, 0x98 }, 1)]
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98, 0x80 }, 4)]
    [InlineData(new byte[] { 0x41, 0x42 }, 2)]
    [InlineData(new byte[] { }, 0)]
    public void Utf8_complete_length_cuts_only_an_incomplete_tail(byte[] data, int expected)
    {
        Assert.Equal(expected, WordPressHeaders.Utf8CompleteLength(data));
    }

    [Fact]
    public void Plugin_header_names_are_the_thirteen_WordPress_knows()
    {
        Assert.Equal(13, WordPressHeaders.PluginHeaderNames.Count);
        Assert.Contains("Requires Plugins", WordPressHeaders.PluginHeaderNames);
        Assert.Contains("Update URI", WordPressHeaders.PluginHeaderNames);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => WordPressHeaders.Parse(null!, ["Version"]));
        Assert.Throws<ArgumentNullException>(() => WordPressHeaders.Parse("x", null!));
        Assert.Throws<ArgumentException>(() => WordPressHeaders.Parse("x", [""]));
    }
}
