using Xunit;

namespace WunderUpdates.Client.Tests.Archives;

public class PluginReadmeTests
{
    private const string Typical = """
        === My Plugin ===
        Contributors: alice, bob ,
        Tags: seo, speed
        Requires at least: 6.0
        Tested up to: 6.7
        Requires PHP: 7.4
        Stable tag: 1.4.2
        License: GPLv2 or later
        License URI: https://www.gnu.org/licenses/gpl-2.0.html

        A short description: with a colon.

        == Description ==
        Stable tag: 9.9.9
        """;

    [Fact]
    public void Parses_the_header_block()
    {
        var readme = PluginReadme.Parse(Typical);

        Assert.Equal("My Plugin", readme.Name);
        Assert.Equal(["alice", "bob"], readme.Contributors);
        Assert.Equal(["seo", "speed"], readme.Tags);
        Assert.Equal("6.0", readme.RequiresAtLeast);
        Assert.Equal("6.7", readme.TestedUpTo);
        Assert.Equal("7.4", readme.RequiresPhp);
        Assert.Equal("1.4.2", readme.StableTag);
        Assert.Equal("GPLv2 or later", readme.License);
        Assert.Equal("https://www.gnu.org/licenses/gpl-2.0.html", readme.LicenseUri);
        Assert.Equal("1.4.2", readme.Headers["stable TAG"]);
        Assert.False(readme.Headers.ContainsKey("A short description"));
    }

    [Fact]
    public void Crlf_readme_parses_the_same()
    {
        var readme = PluginReadme.Parse(Typical.ReplaceLineEndings("\r\n"));

        Assert.Equal("My Plugin", readme.Name);
        Assert.Equal("1.4.2", readme.StableTag);
        Assert.Equal("7.4", readme.RequiresPhp);
    }

    [Theory]
    [InlineData("\"1.2.3\"", "1.2.3")]
    [InlineData("'1.2.3'", "1.2.3")]
    [InlineData("tags/1.2.3", "1.2.3")]
    [InlineData("\"tags/2.0.0-beta.1\"", "2.0.0-beta.1")]
    [InlineData("/TAGS/3.0", "3.0")]
    [InlineData("1.2.3 (latest!)", "1.2.3latest")]
    [InlineData(".5", "0.5")]
    [InlineData("trunk", "trunk")]
    [InlineData("\"\"", null)]
    public void Stable_tag_is_sanitised_like_WordPress_org(string raw, string? expected)
    {
        var readme = PluginReadme.Parse($"=== P ===\nStable tag: {raw}\n");

        Assert.Equal(expected, readme.StableTag);
    }

    [Theory]
    [InlineData("7.4", "7.4")]
    [InlineData("8.1.2", "8.1.2")]
    [InlineData("7", null)]
    [InlineData("7.4.1.1", null)]
    [InlineData(">= 7.4", null)]
    [InlineData("7.x", null)]
    [InlineData("7.4 or later", null)]
    public void Requires_php_must_look_like_a_version(string raw, string? expected)
    {
        var readme = PluginReadme.Parse($"=== P ===\nRequires PHP: {raw}\n");

        Assert.Equal(expected, readme.RequiresPhp);
        Assert.Equal(raw, readme.Headers["Requires PHP"]);
    }

    [Fact]
    public void Headers_end_at_the_first_non_header_line()
    {
        var readme = PluginReadme.Parse("=== P ===\nTags: a\nShort description.\nStable tag: 1.0\n");

        Assert.Null(readme.StableTag);
        Assert.Equal(["a"], readme.Tags);
    }

    [Fact]
    public void Headers_end_at_a_section_heading()
    {
        var readme = PluginReadme.Parse("=== P ===\n== Description ==\nStable tag: 1.0\n");

        Assert.Null(readme.StableTag);
    }

    [Fact]
    public void A_blank_line_inside_the_headers_is_tolerated_but_an_unknown_key_after_it_ends_them()
    {
        var tolerated = PluginReadme.Parse("=== P ===\nTags: a\n\nStable tag: 1.0\n");
        var ended = PluginReadme.Parse("=== P ===\nTags: a\n\nNote: hello\nStable tag: 1.0\n");

        Assert.Equal("1.0", tolerated.StableTag);
        Assert.Null(ended.StableTag);
    }

    [Fact]
    public void Unknown_keys_before_a_blank_line_are_kept_and_parsing_continues()
    {
        var readme = PluginReadme.Parse("=== P ===\nPlugin URI: https://x\nStable tag: 1.0\n");

        Assert.Equal("https://x", readme.Headers["Plugin URI"]);
        Assert.Equal("1.0", readme.StableTag);
    }

    [Theory]
    [InlineData("# My Plugin\n\nStable tag: 1.0\n")]
    [InlineData("\n\n   \n=== My Plugin ===\nStable tag: 1.0\n")]
    [InlineData("My Plugin\n=========\nStable tag: 1.0\n")]
    [InlineData("=== Plugin Name ===\nMy Plugin\nStable tag: 1.0\n")]
    [InlineData("\uFEFF=== My Plugin ===\nStable tag: 1.0\n")]
    public void Name_is_the_first_non_blank_line_trimmed(string text)
    {
        var readme = PluginReadme.Parse(text);

        Assert.Equal("My Plugin", readme.Name);
        Assert.Equal("1.0", readme.StableTag);
    }

    [Fact]
    public void Markdown_bullets_are_trimmed_from_keys()
    {
        var readme = PluginReadme.Parse("# My Plugin\n**Stable tag:** 2.1\n* Requires PHP: 8.0\n");

        Assert.Equal("2.1", readme.StableTag);
        Assert.Equal("8.0", readme.RequiresPhp);
    }

    [Fact]
    public void Empty_text_gives_an_empty_readme()
    {
        var readme = PluginReadme.Parse("");

        Assert.Null(readme.Name);
        Assert.Null(readme.StableTag);
        Assert.Empty(readme.Headers);
        Assert.Empty(readme.Contributors);
    }
}
