using System.Text;
using Xunit;

namespace WunderUpdates.Client.Tests.Archives;

/// <summary>Which file of a release ZIP is the plugin: WordPress's check_package() and plugin_info() rules.</summary>
public class PluginMainFileTests
{
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
}
