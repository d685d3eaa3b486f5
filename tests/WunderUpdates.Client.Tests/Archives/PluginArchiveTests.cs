using System.Text;
using Xunit;

namespace WunderUpdates.Client.Tests.Archives;

public class PluginArchiveTests
{
    [Fact]
    public void Reads_slug_version_main_file_headers_and_readme()
    {
        var zip = TestZip.Build(
            ("my-plugin/", ""),
            ("my-plugin/my-plugin.php", "<?php\n/**\n * Plugin Name: My Plugin\n * Version: 1.2.3\n * Author: Me\n * Requires PHP: 7.4\n * Update URI: https://example.com\n */\n"),
            ("my-plugin/readme.txt", "=== My Plugin ===\nStable tag: 1.2.3\nTested up to: 6.7\n"),
            ("my-plugin/includes/helper.php", "<?php // helper\n"));

        var info = TestZip.Inspect(zip);

        Assert.Equal("my-plugin", info.Slug);
        Assert.Equal("1.2.3", info.Version);
        Assert.Equal(PluginVersionSource.PluginHeader, info.VersionSource);
        Assert.Equal("my-plugin/my-plugin.php", info.MainFile);
        Assert.Equal("My Plugin", info.PluginName);
        Assert.Equal("Me", info.PluginHeaders["author"]);
        Assert.Equal("7.4", info.PluginHeaders["Requires PHP"]);
        Assert.False(info.PluginHeaders.ContainsKey("Description"));
        Assert.NotNull(info.Readme);
        Assert.Equal("6.7", info.Readme.TestedUpTo);
    }

    [Fact]
    public void Inspects_a_file_on_disk()
    {
        var path = Path.Combine(Path.GetTempPath(), $"plugin-{Guid.NewGuid():N}.zip");
        File.WriteAllBytes(path, TestZip.Build(("disk-plugin/disk-plugin.php", TestZip.MainFile("Disk", "4.0"))));
        try
        {
            var info = PluginArchive.Inspect(path);

            Assert.Equal("disk-plugin", info.Slug);
            Assert.Equal("4.0", info.Version);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Crlf_main_file_is_read()
    {
        var zip = TestZip.Build(("p/p.php", "<?php\r\n/*\r\n * Plugin Name: Windows\r\n * Version: 1.0.1\r\n */\r\n"));

        var info = TestZip.Inspect(zip);

        Assert.Equal("Windows", info.PluginName);
        Assert.Equal("1.0.1", info.Version);
    }

    [Fact]
    public void Bare_cr_main_file_is_read()
    {
        var zip = TestZip.Build(("p/p.php", "<?php\r/*\rPlugin Name: Classic Mac\rVersion: 0.9\r*/\r"));

        var info = TestZip.Inspect(zip);

        Assert.Equal("Classic Mac", info.PluginName);
        Assert.Equal("0.9", info.Version);
    }

    [Fact]
    public void A_utf8_bom_that_hides_the_first_line_header_is_refused_like_WordPress_refuses_it()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("<?php /* Plugin Name: Bom Plugin */\n/* Version: 5.5 */\n")).ToArray();
        var zip = TestZip.BuildBytes(("p/p.php", bytes));

        var ex = TestZip.Refused(zip);

        Assert.Equal(InvalidPluginArchiveReason.NoMainFile, ex.Reason);
        Assert.Contains("'p/p.php' starts with a UTF-8 byte order mark, which hides the header on its first line from WordPress", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf8_bom_before_a_header_further_down_is_harmless()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(TestZip.MainFile("Bom Plugin", "5.5"))).ToArray();

        var info = TestZip.Inspect(TestZip.BuildBytes(("p/p.php", bytes)));

        Assert.Equal("Bom Plugin", info.PluginName);
        Assert.Equal("5.5", info.Version);
    }

    [Fact]
    public void A_header_past_8_KiB_is_ignored()
    {
        var content = "<?php\n/*\n * Plugin Name: Late Version\n" + new string('x', 9000) + "\n * Version: 9.9.9\n */\n";
        var zip = TestZip.Build(("p/p.php", content), ("p/readme.txt", "=== P ===\nStable tag: 1.0.0\n"));

        var info = TestZip.Inspect(zip);

        Assert.Equal("1.0.0", info.Version);
        Assert.Equal(PluginVersionSource.ReadmeStableTag, info.VersionSource);
    }

    [Fact]
    public void A_plugin_name_past_8_KiB_does_not_make_a_main_file()
    {
        var content = "<?php\n" + new string('/', 8200) + "\n/* Plugin Name: Too Late\n * Version: 1.0 */\n";
        var zip = TestZip.Build(("p/p.php", content));

        Assert.Equal(InvalidPluginArchiveReason.NoMainFile, TestZip.Refused(zip).Reason);
    }

    [Fact]
    public void Trailing_comment_end_and_php_close_tag_are_cut()
    {
        var zip = TestZip.Build(("p/p.php", "<?php /* Plugin Name: Compact */ ?>\n<?php /* Version: 2.0.0 */ ?>\n"));

        var info = TestZip.Inspect(zip);

        Assert.Equal("Compact", info.PluginName);
        Assert.Equal("2.0.0", info.Version);
    }

    [Fact]
    public void Header_names_are_case_insensitive()
    {
        var zip = TestZip.Build(("p/p.php", "<?php\n/*\nPLUGIN NAME: Shouty\nversion: 3.0\n*/\n"));

        var info = TestZip.Inspect(zip);

        Assert.Equal("Shouty", info.PluginName);
        Assert.Equal("3.0", info.Version);
    }

    [Theory]
    [InlineData("<?php /** Plugin Name: Docblock\n * Version: 1.0\n */")]
    [InlineData("<?php\n# Plugin Name: Docblock\n# Version: 1.0\n")]
    [InlineData("<?php\n// Plugin Name: Docblock\n// Version: 1.0\n")]
    public void Header_comment_styles(string content)
    {
        var info = TestZip.Inspect(TestZip.Build(("p/p.php", content)));

        Assert.Equal("Docblock", info.PluginName);
        Assert.Equal("1.0", info.Version);
    }

    [Fact]
    public void Only_the_php_file_with_a_plugin_name_is_the_main_file()
    {
        var zip = TestZip.Build(
            ("acme/a-functions.php", "<?php\n// Version: 7.7\n"),
            ("acme/loader.php", TestZip.MainFile("Acme Tools", "2.4.0")),
            ("acme/uninstall.php", "<?php\n// uninstall\n"));

        var info = TestZip.Inspect(zip);

        Assert.Equal("acme/loader.php", info.MainFile);
        Assert.Equal("2.4.0", info.Version);
    }

    [Theory]
    [InlineData("Plugin 2", "Plugin 10")]
    [InlineData("plugin b", "Plugin C")]
    [InlineData("Alpha", "alpha pro")]
    [InlineData("Shop 007", "Shop 7a")]
    [InlineData("  Spaced", "Tabbed")]
    public void The_main_file_is_the_first_by_plugin_name_in_natural_case_insensitive_order(string first, string second)
    {
        // Plugin_Upgrader::plugin_info(): get_plugins('/slug') sorted by Name with strnatcasecmp. File names run the other way.
        var zip = TestZip.Build(
            ("acme/a.php", TestZip.MainFile(second, "2.0")),
            ("acme/b.php", TestZip.MainFile(first, "1.0")));

        var info = TestZip.Inspect(zip);

        Assert.Equal("acme/b.php", info.MainFile);
        Assert.Equal("1.0", info.Version);
    }

    [Fact]
    public void The_file_named_after_the_slug_is_not_preferred()
    {
        var zip = TestZip.Build(
            ("acme/acme.php", TestZip.MainFile("Zulu Acme", "2.0")),
            ("acme/aaa.php", TestZip.MainFile("Alpha Acme", "1.0")));

        Assert.Equal("acme/aaa.php", TestZip.Inspect(zip).MainFile);
    }

    [Fact]
    public void Equal_names_keep_the_ordinal_order_of_file_names()
    {
        // WordPress's sort is stable, so equal names keep directory order; ordinal order of names stands for it here.
        var zip = TestZip.Build(
            ("acme/b.php", TestZip.MainFile("Acme", "2.0")),
            ("acme/Z.php", TestZip.MainFile("ACME", "3.0")));

        Assert.Equal("acme/Z.php", TestZip.Inspect(zip).MainFile);
    }

    [Fact]
    public void A_subfolder_file_is_never_the_main_file_even_if_its_name_sorts_first()
    {
        // plugin_info() would pick includes/legacy.php, which WordPress cannot activate (not in get_plugins()).
        var zip = TestZip.Build(
            ("acme/acme.php", TestZip.MainFile("Main", "2.0")),
            ("acme/includes/legacy.php", TestZip.MainFile("Acme Legacy", "0.1")));

        Assert.Equal("acme/acme.php", TestZip.Inspect(zip).MainFile);
    }

    [Fact]
    public void Plugin_name_zero_is_no_plugin()
    {
        var alone = TestZip.Build(("acme/acme.php", TestZip.MainFile("0", "1.0")));
        var withReal = TestZip.Build(
            ("acme/a.php", TestZip.MainFile("0", "9.0")),
            ("acme/b.php", TestZip.MainFile("Real", "1.0")));

        Assert.Equal(InvalidPluginArchiveReason.NoMainFile, TestZip.Refused(alone).Reason);
        Assert.Equal("acme/b.php", TestZip.Inspect(withReal).MainFile);
    }

    [Fact]
    public void The_slug_file_without_a_plugin_name_is_not_preferred()
    {
        var zip = TestZip.Build(
            ("acme/acme.php", "<?php\n// Version: 9.0\n"),
            ("acme/main.php", TestZip.MainFile("Main", "1.0")));

        Assert.Equal("acme/main.php", TestZip.Inspect(zip).MainFile);
    }

    [Fact]
    public void A_php_file_in_a_subfolder_does_not_count()
    {
        var zip = TestZip.Build(
            ("acme/readme.txt", "=== Acme ===\nStable tag: 1.0\n"),
            ("acme/src/acme.php", TestZip.MainFile("Nested", "1.0")));

        var ex = TestZip.Refused(zip);

        Assert.Equal(InvalidPluginArchiveReason.NoMainFile, ex.Reason);
        Assert.Equal("acme/", ex.EntryName);
        Assert.Equal(
            "The ZIP has no plugin main file: none of the .php files directly inside 'acme/' has a non-empty 'Plugin Name:' header. " +
            "WordPress and the service expect e.g. 'acme/acme.php' starting with a comment holding 'Plugin Name: My Plugin' and 'Version: 1.0.0'.",
            ex.Message);
    }

    [Theory]
    [InlineData("acme/.hidden.php")]
    [InlineData("acme/acme.PHP")]
    [InlineData("acme/acme.php.txt")]
    public void Dot_files_and_non_php_extensions_are_not_main_files(string name)
    {
        var ex = TestZip.Refused(TestZip.Build((name, TestZip.MainFile())));

        Assert.Equal(InvalidPluginArchiveReason.NoMainFile, ex.Reason);
    }

    [Fact]
    public void An_empty_plugin_name_is_no_main_file()
    {
        var ex = TestZip.Refused(TestZip.Build(("acme/acme.php", "<?php\n/*\n * Plugin Name:   \n * Version: 1.0\n */\n")));

        Assert.Equal(InvalidPluginArchiveReason.NoMainFile, ex.Reason);
    }

    [Fact]
    public void A_folder_without_files_has_no_main_file()
    {
        var ex = TestZip.Refused(TestZip.Build(("acme/", "")));

        Assert.Equal(InvalidPluginArchiveReason.NoMainFile, ex.Reason);
    }

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

    [Fact]
    public void Macosx_metadata_and_root_dot_files_are_ignored()
    {
        var zip = TestZip.Build(
            ("__MACOSX/", ""),
            ("__MACOSX/acme/._acme.php", "\0\0binary"),
            (".DS_Store", "x"),
            ("acme/acme.php", TestZip.MainFile("Acme", "1.0")),
            ("acme/.DS_Store", "x"));

        Assert.Equal("acme", TestZip.Inspect(zip).Slug);
    }

    [Fact]
    public void Files_at_the_root_mean_no_plugin_folder()
    {
        var ex = TestZip.Refused(TestZip.Build(("acme.php", TestZip.MainFile()), ("readme.txt", "=== A ===\n")));

        Assert.Equal(InvalidPluginArchiveReason.NoPluginFolder, ex.Reason);
        Assert.Equal("acme.php", ex.EntryName);
        Assert.Contains("files at its root ('acme.php', 'readme.txt')", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Root_files_next_to_a_folder_mean_no_plugin_folder()
    {
        var ex = TestZip.Refused(TestZip.Build(("acme/acme.php", TestZip.MainFile()), ("LICENSE", "MIT")));

        Assert.Equal(InvalidPluginArchiveReason.NoPluginFolder, ex.Reason);
    }

    [Fact]
    public void Two_top_level_folders_mean_no_plugin_folder()
    {
        var ex = TestZip.Refused(TestZip.Build(("one/one.php", TestZip.MainFile()), ("two/two.php", TestZip.MainFile())));

        Assert.Equal(InvalidPluginArchiveReason.NoPluginFolder, ex.Reason);
        Assert.Contains("2 top-level folders ('one/', 'two/')", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_zip_or_only_metadata_means_no_plugin_folder()
    {
        Assert.Equal(InvalidPluginArchiveReason.NoPluginFolder, TestZip.Refused(TestZip.Build()).Reason);
        Assert.Equal(InvalidPluginArchiveReason.NoPluginFolder, TestZip.Refused(TestZip.Build(("__MACOSX/x", "y"), (".gitignore", "z"))).Reason);
    }

    [Fact]
    public void Backslash_separators_are_treated_as_folders()
    {
        var info = TestZip.Inspect(TestZip.Build(("acme\\acme.php", TestZip.MainFile("Acme", "1.0"))));

        Assert.Equal("acme", info.Slug);
        Assert.Equal("acme\\acme.php", info.MainFile);
    }

    [Fact]
    public void An_archive_info_can_be_constructed_for_a_fake()
    {
        var info = new PluginArchiveInfo
        {
            Slug = "acme",
            Version = "1.0.0",
            VersionSource = PluginVersionSource.ReadmeStableTag,
            MainFile = "acme/acme.php",
            PluginHeaders = new Dictionary<string, string> { ["Plugin Name"] = "Acme" },
            Readme = new PluginReadme { StableTag = "1.0.0" },
        };
        var empty = new PluginArchiveInfo { Slug = null!, PluginHeaders = null! };

        Assert.Equal("Acme", info.PluginName);
        Assert.Equal("1.0.0", info.Readme?.StableTag);
        info.EnsureSlug("acme");
        Assert.Equal(string.Empty, empty.Slug);
        Assert.Equal(string.Empty, empty.PluginName);
        Assert.Empty(empty.PluginHeaders);
    }

    [Fact]
    public void Ensure_slug_accepts_the_matching_folder()
    {
        var info = TestZip.Inspect(TestZip.Build(("acme/acme.php", TestZip.MainFile())));

        info.EnsureSlug("acme");
    }

    [Theory]
    [InlineData("other")]
    [InlineData("ACME")]
    public void Ensure_slug_refuses_another_folder_naming_both(string slug)
    {
        var info = TestZip.Inspect(TestZip.Build(("acme/acme.php", TestZip.MainFile())));

        var ex = Assert.Throws<InvalidPluginArchiveException>(() => info.EnsureSlug(slug));

        Assert.Equal(InvalidPluginArchiveReason.SlugMismatch, ex.Reason);
        Assert.Equal("acme/", ex.EntryName);
        Assert.Contains("'acme/'", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"'{slug}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Argument_errors_are_not_archive_errors()
    {
        var info = TestZip.Inspect(TestZip.Build(("acme/acme.php", TestZip.MainFile())));

        Assert.Throws<ArgumentException>(() => info.EnsureSlug(""));
        Assert.Throws<ArgumentNullException>(() => PluginArchive.EnsureSlug(null!, "acme"));
        Assert.Throws<ArgumentNullException>(() => PluginArchive.Inspect((string)null!));
        Assert.Throws<ArgumentException>(() => PluginArchive.Inspect(""));
        Assert.Throws<ArgumentNullException>(() => PluginArchive.Inspect((Stream)null!));
        Assert.Throws<ArgumentNullException>(() => PluginArchive.Inspect(new MemoryStream(), null!));
        Assert.Throws<FileNotFoundException>(() => PluginArchive.Inspect(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.zip")));
    }
}
