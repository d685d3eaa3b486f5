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
