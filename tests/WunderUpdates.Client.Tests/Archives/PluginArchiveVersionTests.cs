using System.Text;
using Xunit;

namespace WunderUpdates.Client.Tests.Archives;

/// <summary>Where a release's version comes from: the main file's Version header, else the readme's Stable tag.</summary>
public class PluginArchiveVersionTests
{
    [Fact]
    public void Readme_stable_tag_is_the_version_when_the_header_has_none()
    {
        var zip = TestZip.Build(
            ("acme/acme.php", TestZip.MainFile("Acme", version: null)),
            ("acme/readme.txt", "=== Acme ===\nContributors: me\nStable tag: \"tags/1.4.0\"\n\nShort.\n"));

        var info = TestZip.Inspect(zip);

        Assert.Equal("1.4.0", info.Version);
        Assert.Equal(PluginVersionSource.ReadmeStableTag, info.VersionSource);
    }

    [Fact]
    public void Header_version_wins_over_a_different_stable_tag()
    {
        var zip = TestZip.Build(
            ("acme/acme.php", TestZip.MainFile("Acme", "2.0.0")),
            ("acme/readme.txt", "=== Acme ===\nStable tag: 1.9.0\n"));

        var info = TestZip.Inspect(zip);

        Assert.Equal("2.0.0", info.Version);
        Assert.Equal(PluginVersionSource.PluginHeader, info.VersionSource);
        Assert.Equal("1.9.0", info.Readme?.StableTag);
    }

    [Theory]
    [InlineData("README.TXT")]
    [InlineData("Readme.txt")]
    [InlineData("readme.md")]
    [InlineData("README.md")]
    public void Readme_name_is_matched_case_insensitively_with_md_fallback(string name)
    {
        var zip = TestZip.Build(
            ("acme/acme.php", TestZip.MainFile("Acme", version: null)),
            ($"acme/{name}", "# Acme\nStable tag: 3.2.1\n"));

        Assert.Equal("3.2.1", TestZip.Inspect(zip).Version);
    }

    [Fact]
    public void Readme_txt_is_preferred_over_readme_md()
    {
        var zip = TestZip.Build(
            ("acme/acme.php", TestZip.MainFile("Acme", version: null)),
            ("acme/README.md", "# Acme\nStable tag: 1.0.0\n"),
            ("acme/readme.txt", "=== Acme ===\nStable tag: 2.0.0\n"));

        Assert.Equal("2.0.0", TestZip.Inspect(zip).Version);
    }

    [Fact]
    public void A_readme_in_a_subfolder_is_ignored()
    {
        var zip = TestZip.Build(
            ("acme/acme.php", TestZip.MainFile("Acme", version: null)),
            ("acme/docs/readme.txt", "=== Acme ===\nStable tag: 1.0.0\n"));

        var ex = TestZip.Refused(zip);

        Assert.Equal(InvalidPluginArchiveReason.NoVersion, ex.Reason);
        Assert.Contains("there is no readme.txt in 'acme/'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_version_anywhere_is_refused()
    {
        var zip = TestZip.Build(
            ("acme/acme.php", TestZip.MainFile("Acme", version: null)),
            ("acme/readme.txt", "=== Acme ===\nTested up to: 6.7\n"));

        var ex = TestZip.Refused(zip);

        Assert.Equal(InvalidPluginArchiveReason.NoVersion, ex.Reason);
        Assert.Equal("acme/acme.php", ex.EntryName);
        Assert.Contains("'acme/acme.php' has no 'Version:' header", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'acme/readme.txt' has no 'Stable tag:' header", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stable_tag_trunk_is_not_a_version()
    {
        var zip = TestZip.Build(
            ("acme/acme.php", TestZip.MainFile("Acme", version: null)),
            ("acme/readme.txt", "=== Acme ===\nStable tag: trunk\n"));

        var ex = TestZip.Refused(zip);

        Assert.Equal(InvalidPluginArchiveReason.NoVersion, ex.Reason);
        Assert.Contains("'Stable tag: trunk', which is not a version", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_readme_starting_with_its_stable_tag_gives_the_version()
    {
        // WordPress.org keeps a first-line header as a header (the name is then empty); it used to be read as the name.
        var zip = TestZip.Build(
            ("acme/acme.php", TestZip.MainFile("Acme", version: null)),
            ("acme/readme.txt", "Stable tag: 1.4.0\nContributors: me\n\nShort.\n"));

        var info = TestZip.Inspect(zip);

        Assert.Equal("1.4.0", info.Version);
        Assert.Equal(PluginVersionSource.ReadmeStableTag, info.VersionSource);
        Assert.Null(info.Readme?.Name);
    }

    [Fact]
    public void Version_zero_falls_back_to_the_stable_tag_and_stable_tag_zero_is_no_version()
    {
        var fallback = TestZip.Build(
            ("acme/acme.php", TestZip.MainFile("Acme", "0")),
            ("acme/readme.txt", "=== Acme ===\nStable tag: 2.1\n"));
        var neither = TestZip.Build(
            ("acme/acme.php", TestZip.MainFile("Acme", "0")),
            ("acme/readme.txt", "=== Acme ===\nStable tag: 0\n"));

        Assert.Equal("2.1", TestZip.Inspect(fallback).Version);
        var ex = TestZip.Refused(neither);
        Assert.Equal(InvalidPluginArchiveReason.NoVersion, ex.Reason);
        Assert.Contains("'acme/acme.php' has 'Version: 0', which WordPress treats as none,", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'acme/readme.txt' has no 'Stable tag:' header", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf16_readme_is_converted()
    {
        var readme = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("=== Acme ===\nStable tag: 3.0.1\n")).ToArray();
        var zip = TestZip.BuildBytes(
            ("acme/acme.php", Encoding.UTF8.GetBytes(TestZip.MainFile("Acme", version: null))),
            ("acme/readme.txt", readme));

        var info = TestZip.Inspect(zip);

        Assert.Equal("Acme", info.Readme?.Name);
        Assert.Equal("3.0.1", info.Version);
    }

    [Fact]
    public void A_readme_cut_inside_a_character_is_still_read_as_utf8()
    {
        // "Å" is C3 85; read as bytes that are not UTF-8, 0x85 (NEL) would split the name line in two.
        var readme = "=== Å Plugin ===\nStable tag: 1.0\n€€€€€€€€";
        var zip = TestZip.Build(("acme/acme.php", TestZip.MainFile("Acme", version: null)), ("acme/readme.txt", readme));

        var info = TestZip.Inspect(zip, new PluginArchiveLimits { MaxReadmeBytes = Encoding.UTF8.GetByteCount(readme) - 2 });

        Assert.Equal("Å Plugin", info.Readme?.Name);
        Assert.Equal("1.0", info.Version);
    }

    [Fact]
    public void Readme_requires_php_is_validated()
    {
        var good = TestZip.Inspect(TestZip.Build(
            ("acme/acme.php", TestZip.MainFile()), ("acme/readme.txt", "=== Acme ===\nRequires PHP: 8.1\n")));
        var bad = TestZip.Inspect(TestZip.Build(
            ("acme/acme.php", TestZip.MainFile()), ("acme/readme.txt", "=== Acme ===\nRequires PHP: PHP 8\n")));

        Assert.Equal("8.1", good.Readme?.RequiresPhp);
        Assert.Null(bad.Readme?.RequiresPhp);
        Assert.Equal("PHP 8", bad.Readme?.Headers["Requires PHP"]);
    }

    [Fact]
    public void Only_a_bounded_part_of_the_readme_is_read()
    {
        var readme = "=== Acme ===\n" + new string('x', 200) + "\n\n== Description ==\n";
        var zip = TestZip.Build(("acme/acme.php", TestZip.MainFile()), ("acme/readme.txt", "=== Acme ===\nTags: a, b\nStable tag: 1.0\n" + readme));

        var limited = TestZip.Inspect(zip, new PluginArchiveLimits { MaxReadmeBytes = 20 });

        Assert.Equal("Acme", limited.Readme?.Name);
        Assert.Equal(["a"], limited.Readme?.Tags); // the 20 bytes end right after "Tags: a"
        Assert.Null(limited.Readme?.StableTag);
    }
}
