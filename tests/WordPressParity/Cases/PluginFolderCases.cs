using static WordPressParity.Cases.Bytes;

namespace WordPressParity.Cases;

/// <summary>
/// Plugin folders that probe which ZIPs WordPress installs (<c>Plugin_Upgrader::check_package</c>) and which file it takes
/// as the plugin (<c>get_plugins( '/slug' )</c> sorted by <c>_sort_uname_callback</c>, i.e. <c>strnatcasecmp</c> on Name).
/// </summary>
internal static class PluginFolderCases
{
    /// <summary>
    /// Plugin names whose natural, case-insensitive order decides the main file: every pair of them is a case. Pairs that
    /// compare equal (WordPress then keeps directory order) are reported by core-results.php and only noted.
    /// </summary>
    private static readonly string[] Names =
    [
        "Plugin 2", "Plugin 10", "plugin b", "Plugin C", "Zebra", "aardvark", "Tool 1.9", "Tool 1.10", "Shop 007", "Shop 7a",
        "Shop 0.45", "  Leading Spaces", "A  B", "A B", "Acme", "ACME Pro", "Acme-Pro", "acme_pro", "Ärger", "Éclair", "x2",
        "_underscore", "[Tools]", "Item 099", "Item 100", "Release 3 beta", "Release 3a",
    ];

    public static IReadOnlyList<PluginFolderCase> All()
    {
        var cases = new List<PluginFolderCase>
        {
            Folder("single-main-file", ("acme.php", MainFile("Plugin Name: Acme", "Version: 1.0.0"))),
            Folder("main-file-not-named-after-slug",
                ("loader.php", MainFile("Plugin Name: Acme Loader", "Version: 2.4.0")),
                ("a-functions.php", Utf8("<?php\n// Version: 7.7\n")),
                ("uninstall.php", Utf8("<?php\n// uninstall\n"))),
            Folder("slug-file-loses-by-name",
                ("acme.php", MainFile("Plugin Name: Zulu Acme", "Version: 2.0")),
                ("aaa.php", MainFile("Plugin Name: Alpha Acme", "Version: 1.0"))),
            Folder("only-in-subfolder", ("src/acme.php", MainFile("Plugin Name: Nested", "Version: 1.0"))),
            Folder("subfolder-name-sorts-first",
                ("acme.php", MainFile("Plugin Name: Main", "Version: 2.0")),
                ("includes/legacy.php", MainFile("Plugin Name: Acme Legacy", "Version: 0.1"))),
            Folder("dot-file-and-upper-case-extension",
                (".hidden.php", MainFile("Plugin Name: A Hidden", "Version: 9.0")),
                ("Upper.PHP", MainFile("Plugin Name: A Upper", "Version: 8.0")),
                ("real.php", MainFile("Plugin Name: Real", "Version: 1.0"))),
            Folder("only-dot-file", (".acme.php", MainFile("Plugin Name: Hidden", "Version: 1.0"))),
            Folder("plugin-name-zero", ("acme.php", MainFile("Plugin Name: 0", "Version: 1.0"))),
            Folder("plugin-name-zero-and-real",
                ("a.php", MainFile("Plugin Name: 0", "Version: 9.0")),
                ("b.php", MainFile("Plugin Name: Real", "Version: 1.0"))),
            Folder("bom-hides-first-line-header",
                ("acme.php", Concat([0xEF, 0xBB, 0xBF], Utf8("<?php /* Plugin Name: Bom Hidden */\n/* Version: 1.0 */\n")))),
            Folder("bom-with-header-below",
                ("acme.php", Concat([0xEF, 0xBB, 0xBF], MainFile("Plugin Name: Bom Harmless", "Version: 1.0")))),
            Folder("version-zero", ("acme.php", MainFile("Plugin Name: Zero Version", "Version: 0"))),
            Folder("no-php-files", ("readme.txt", Utf8("=== Acme ===\nStable tag: 1.0\n"))),
        };

        int pair = 0;
        for (int i = 0; i < Names.Length; i++)
        {
            for (int j = i + 1; j < Names.Length; j++)
            {
                // Two plugin files; a main file chosen by file name instead of plugin name fails half of these.
                pair++;
                cases.Add(Folder(
                    $"name-order-{pair:000}",
                    ("a.php", MainFile("Plugin Name: " + Names[i], "Version: 1.0." + pair)),
                    ("b.php", MainFile("Plugin Name: " + Names[j], "Version: 2.0." + pair))));
            }
        }

        return cases;
    }

    private static PluginFolderCase Folder(string id, params (string Path, byte[] Content)[] files) =>
        new(id, "parity-" + id, files);
}
