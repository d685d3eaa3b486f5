using System.Text;
using Xunit;

namespace WunderUpdates.Client.Tests.Archives;

/// <summary>
/// One test per rule of the WordPress.org readme parser (plugin-directory/readme/class-parser.php) that the SDK follows;
/// docs/plugin-archives.md names the line of the parser behind each.
/// </summary>
public class PluginReadmeParserRulesTests
{
    [Fact]
    public void Tags_drop_plugin_and_wordpress_and_keep_the_first_five()
    {
        var readme = PluginReadme.Parse("=== T ===\nTags: plugin, wordpress, seo, WordPress, Plugin,, 0, a , b,c,d\n");

        // Exact, case-sensitive comparison with the ignored tags; empty and "0" tags dropped by array_filter().
        Assert.Equal(["seo", "WordPress", "Plugin", "a", "b"], readme.Tags);
    }

    [Theory]
    [InlineData("Stable tag: 1.2.3\nContributors: me\n")]
    [InlineData("  Contributors: me\nStable tag: 1.2.3\n")]
    [InlineData("===  ===\nContributors: me\nStable tag: 1.2.3\n")]
    [InlineData("=== Plugin Name ===\nContributors: me\nStable tag: 1.2.3\n")]
    public void A_first_line_that_is_a_header_stays_a_header_and_the_name_is_empty(string text)
    {
        var readme = PluginReadme.Parse(text);

        Assert.Null(readme.Name);
        Assert.Equal("1.2.3", readme.StableTag);
        Assert.Equal(["me"], readme.Contributors);
    }

    [Fact]
    public void A_first_line_with_an_unknown_key_is_the_name()
    {
        Assert.Equal("Author: alice", PluginReadme.Parse("Author: alice\nStable tag: 2.0\n").Name);
    }

    [Fact]
    public void A_plugin_name_placeholder_followed_by_a_long_line_leaves_no_name()
    {
        var readme = PluginReadme.Parse("=== Plugin Name ===\nThis plugin line is far too long to be a plugin name here.\nStable tag: 1.0\n");

        Assert.Null(readme.Name);
        Assert.Null(readme.StableTag); // the long line is put back and ends the headers
    }

    [Fact]
    public void Keys_and_values_are_trimmed_of_spaces_tabs_stars_and_dashes()
    {
        var readme = PluginReadme.Parse("# M\n**Tested up to:** 6.4\n**Stable tag:** 1.0-\n- Requires PHP: 7.4 -\n* Tags: -speed-, cache*\n");

        Assert.Equal("6.4", readme.TestedUpTo);
        Assert.Equal("1.0", readme.StableTag);
        Assert.Equal("7.4", readme.RequiresPhp);
        Assert.Equal(["speed-", "cache"], readme.Tags);
        Assert.Equal("1.0", readme.Headers["Stable tag"]);
    }

    [Fact]
    public void A_line_with_an_empty_key_is_an_unknown_header_and_not_listed()
    {
        var readme = PluginReadme.Parse("=== K ===\n: orphan value\nStable tag: 1.0\n");

        Assert.Equal("1.0", readme.StableTag);
        Assert.Equal(["Stable tag"], readme.Headers.Keys);
    }

    [Theory]
    [InlineData("6.4", "6.4")]
    [InlineData("6.4.1", "6.4.1")]
    [InlineData("WordPress 6.0", "6.0")]
    [InlineData("WP 5.9 and above", "5.9")]
    [InlineData("5.8 or higher", "5.8")]
    [InlineData("6.0+", "6.0")]
    [InlineData("6.1-RC1", "6.1")]
    [InlineData("6", null)]
    [InlineData("6.10", null)]
    [InlineData("6.x", null)]
    [InlineData("latest", null)]
    public void Requires_at_least_must_look_like_a_wordpress_version(string raw, string? expected)
    {
        Assert.Equal(expected, PluginReadme.Parse($"=== V ===\nRequires at least: {raw}\n").RequiresAtLeast);
    }

    [Theory]
    [InlineData("6.4", "6.4")]
    [InlineData("WordPress 6.5", "6.5")]
    [InlineData("6.5-beta", "6.5")]
    [InlineData("6.0+", null)]
    [InlineData("5.8 or higher", null)]
    [InlineData("6.10", null)]
    public void Tested_up_to_must_look_like_a_wordpress_version(string raw, string? expected)
    {
        // Only "WordPress" and "WP" are removed here: "+" and "or higher" belong to Requires at least.
        Assert.Equal(expected, PluginReadme.Parse($"=== V ===\nTested up to: {raw}\n").TestedUpTo);
    }

    [Theory]
    [InlineData("GPLv2 - http://www.gnu.org/licenses/gpl-2.0.html", "GPLv2", "http://www.gnu.org/licenses/gpl-2.0.html")]
    [InlineData("GPLv2 or later (https://www.gnu.org/licenses/gpl-2.0.html)", "GPLv2 or later", "https://www.gnu.org/licenses/gpl-2.0.html)")]
    [InlineData("https://opensource.org/licenses/MIT", null, "https://opensource.org/licenses/MIT")]
    [InlineData("MIT", "MIT", null)]
    public void A_url_in_the_license_becomes_the_license_uri(string raw, string? license, string? uri)
    {
        var readme = PluginReadme.Parse($"=== L ===\nLicense: {raw}\n");

        Assert.Equal(license, readme.License);
        Assert.Equal(uri, readme.LicenseUri);
    }

    [Fact]
    public void An_explicit_license_uri_keeps_the_license_as_written()
    {
        var readme = PluginReadme.Parse("=== L ===\nLicense: GPLv3 https://a.example/x\nLicense URI: https://b.example/y\n");

        Assert.Equal("GPLv3 https://a.example/x", readme.License);
        Assert.Equal("https://b.example/y", readme.LicenseUri);
    }

    [Fact]
    public void A_repeated_header_keeps_its_last_value_and_aliases_share_one_field()
    {
        var readme = PluginReadme.Parse("=== R ===\nStable tag: 1.0\nStable tag: 2.0\nRequires at least: 5.0\nRequires: 6.1\nTested: 6.2\nTested up to: 6.3\n");

        Assert.Equal("2.0", readme.StableTag);
        Assert.Equal("6.1", readme.RequiresAtLeast);
        Assert.Equal("6.3", readme.TestedUpTo);
    }

    [Theory]
    [InlineData("=== <b>Tom</b> & \"Jerry\" ===", "Tom &amp; &quot;Jerry&quot;")]
    [InlineData("=== Less < Than ===", "Less &lt; Than")]
    [InlineData("=== a<b ===", "a")]
    [InlineData("=== <!-- note --> Visible ===", "Visible")]
    [InlineData("=== Café &hellip; &apos; &#0065; ===", "Café &hellip; &amp;apos; &#065;")]
    public void The_name_is_tag_stripped_and_html_escaped(string line, string expected)
    {
        Assert.Equal(expected, PluginReadme.Parse(line + "\nStable tag: 1.0\n").Name);
    }

    [Fact]
    public void Contributors_lose_a_leading_at_and_are_lower_case()
    {
        var readme = PluginReadme.Parse("=== C ===\nContributors: @Alice, Bob_Smith , , @@carol,dave-d\n");

        Assert.Equal(["alice", "bob_smith", "carol", "dave-d"], readme.Contributors);
    }

    [Theory]
    [InlineData("0", null)]
    [InlineData("'0'", "0")]
    [InlineData("-1.0-", "1.0")]
    [InlineData("v1.0", "v1.0")]
    public void Stable_tag_zero_is_no_stable_tag(string raw, string? expected)
    {
        // `! empty( $headers['stable_tag'] )` skips a raw "0"; a quoted '0' survives sanitising as the parser reports it.
        Assert.Equal(expected, PluginReadme.Parse($"=== S ===\nStable tag: {raw}\n").StableTag);
    }

    [Theory]
    [InlineData("\v")]
    [InlineData("\f")]
    [InlineData("\r")]
    [InlineData("\u0085")]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    public void Lines_split_at_any_unicode_line_break(string lineBreak)
    {
        var readme = PluginReadme.Parse($"=== B ==={lineBreak}Tags: a{lineBreak}Stable tag: 1.0{lineBreak}");

        Assert.Equal("B", readme.Name);
        Assert.Equal(["a"], readme.Tags);
        Assert.Equal("1.0", readme.StableTag);
    }

    [Fact]
    public void A_line_0_counts_as_blank_but_a_line_of_spaces_ends_the_headers()
    {
        Assert.Equal("1.0", PluginReadme.Parse("=== Z ===\nTags: a\n0\nStable tag: 1.0\n").StableTag);
        Assert.Null(PluginReadme.Parse("=== Z ===\nTags: a\n   \nStable tag: 1.0\n").StableTag);
        Assert.Equal("Z", PluginReadme.Parse("0\n\n=== Z ===\n").Name);
    }

    [Fact]
    public void A_utf16_readme_is_converted_line_by_line_as_wordpress_org_does()
    {
        static byte[] Utf16(string text) => new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(text)).ToArray();

        var lf = PluginReadme.Parse(Utf16("=== Sixteen ===\nContributors: me\nStable tag: 1.0\nTags: a, b\n"));
        var crlf = PluginReadme.Parse(Utf16("=== Sixteen ===\r\nStable tag: 1.0\r\n"));

        // Split on bytes first, each later line starts with the line break's second byte and is read big-endian: its odd
        // last byte becomes '?'. With CR LF the leftover byte between CR and LF is a line "?" that ends the headers.
        Assert.Equal("Sixteen", lf.Name);
        Assert.Equal("1.0", lf.StableTag);
        Assert.Equal(["a", "b?"], lf.Tags);
        Assert.Equal(["me?"], lf.Contributors);
        Assert.Equal("Sixteen", crlf.Name);
        Assert.Null(crlf.StableTag);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_read_as_bytes()
    {
        // Byte mode: 0x85 ends a line; a name line that is not valid UTF-8 is emptied by esc_html().
        var bytes = Encoding.Latin1.GetBytes("=== Café ===\nContributors: jörg\nTags: a\u0085Stable tag: 1.0\n");

        var readme = PluginReadme.Parse(bytes);

        Assert.Null(readme.Name);
        Assert.Equal(["j\uFFFDrg"], readme.Contributors);
        Assert.Equal(["a"], readme.Tags);
        Assert.Equal("1.0", readme.StableTag);
    }

    [Fact]
    public void A_readme_can_be_constructed_for_a_fake()
    {
        var readme = new PluginReadme { Name = "Fake", StableTag = "1.0", Tags = ["a"], Contributors = null! };

        Assert.Equal("Fake", readme.Name);
        Assert.Equal(["a"], readme.Tags);
        Assert.Empty(readme.Contributors);
        Assert.Empty(readme.Headers);
        Assert.Null(readme.RequiresPhp);
    }
}
