using System.IO.Compression;
using WunderUpdates.Client.Archives.Php;

namespace WunderUpdates.Client.Archives.Zip;

/// <summary>
/// Reads the plugin folder of a release ZIP as WordPress installs it: which file is the plugin (main file), its headers,
/// the readme and the version. The rules and their sources are in <c>docs/plugin-archives.md</c>.
/// </summary>
internal static class PluginFolder
{
    private const string PluginNameHeader = "Plugin Name";

    private sealed record Candidate(ZipArchiveEntry Entry, string Text, IReadOnlyDictionary<string, string> Headers)
    {
        /// <summary><c>get_plugins()</c> keeps a file only if <c>! empty( $plugin_data['Name'] )</c>.</summary>
        public bool IsPlugin => Headers.TryGetValue(PluginNameHeader, out var name) && !PhpBytes.IsEmpty(name);

        /// <summary>The Name as PHP compares it: its UTF-8 bytes.</summary>
        public string NameBytes => PhpBytes.FromText(Headers[PluginNameHeader]);
    }

    /// <summary>Reads the folder <paramref name="slug"/>; throws <see cref="InvalidPluginArchiveException"/> where the service would refuse it.</summary>
    public static PluginArchiveInfo Read(IReadOnlyCollection<ZipArchiveEntry> entries, string slug, PluginArchiveLimits limits)
    {
        var candidates = ScanPhpFiles(entries, slug);

        // Plugin_Upgrader::check_package(): the folder must hold a plugin among glob('*.php') of its top level.
        if (!candidates.Any(static c => c.IsPlugin))
        {
            throw NoMainFile(slug, candidates);
        }

        // Plugin_Upgrader::plugin_info(): the first of get_plugins('/slug') once sorted by Name with strnatcasecmp
        // (_sort_uname_callback; a stable sort, so equal names keep directory order, taken here as ordinal path order).
        // Only top-level files: a file in a subfolder is never an installed plugin of the site (get_plugins() looks one
        // level into each plugin folder), so WordPress could not activate it.
        var main = candidates
            .Where(static c => c.IsPlugin)
            .OrderBy(static c => c.NameBytes, Comparer<string>.Create(NaturalOrder.CompareIgnoreCase))
            .First();

        var readme = ReadReadme(entries, slug, limits);
        var (version, source) = ChooseVersion(slug, main, readme.Entry, readme.Readme);
        return new PluginArchiveInfo
        {
            Slug = slug,
            Version = version,
            VersionSource = source,
            MainFile = main.Entry.FullName,
            PluginHeaders = main.Headers,
            Readme = readme.Readme,
        };
    }

    /// <summary>
    /// The files that can be the plugin: names ending in <c>.php</c> (case-sensitive) directly in the folder, skipping names
    /// that start with <c>.</c> (<c>get_plugins()</c>, and <c>glob('*.php')</c> in <c>check_package()</c>); each read from
    /// its first 8 KiB, in ordinal order of names.
    /// </summary>
    private static List<Candidate> ScanPhpFiles(IEnumerable<ZipArchiveEntry> entries, string slug)
    {
        var files = new SortedDictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            string path = entry.FullName.Replace('\\', '/');
            if (path.StartsWith(slug + "/", StringComparison.Ordinal)
                && path[(slug.Length + 1)..] is var name
                && !name.Contains('/', StringComparison.Ordinal)
                && IsListedName(name)
                && name.EndsWith(".php", StringComparison.Ordinal))
            {
                files[name] = entry; // a repeated name: the last entry wins, as when extracting
            }
        }

        return files.Values
            .Select(static entry =>
            {
                var text = WordPressHeaders.DecodeFileData(ArchiveLayout.ReadStart(entry, WordPressHeaders.MaxFileDataBytes));
                return new Candidate(entry, text, WordPressHeaders.Parse(text, WordPressHeaders.PluginHeaderNames));
            })
            .ToList();
    }

    /// <summary><c>readdir</c> loops in <c>get_plugins()</c> skip names starting with <c>.</c>.</summary>
    private static bool IsListedName(string name) => name.Length > 0 && !name.StartsWith('.');

    private static InvalidPluginArchiveException NoMainFile(string slug, List<Candidate> candidates)
    {
        var bomHidden = candidates
            .Where(static c => c.Text.StartsWith('\uFEFF'))
            .FirstOrDefault(static c => WordPressHeaders.Parse(c.Text[1..], [PluginNameHeader]).TryGetValue(PluginNameHeader, out var name)
                && !PhpBytes.IsEmpty(name));
        var bomHint = bomHidden is null
            ? string.Empty
            : $" '{ArchiveText.Display(bomHidden.Entry.FullName)}' starts with a UTF-8 byte order mark, which hides the header on its first line " +
              "from WordPress (it refuses to install such a ZIP): save the file as UTF-8 without BOM.";
        return new InvalidPluginArchiveException(
            InvalidPluginArchiveReason.NoMainFile,
            $"The ZIP has no plugin main file: none of the .php files directly inside '{ArchiveText.Display(slug)}/' has a non-empty 'Plugin Name:' header." +
            bomHint +
            $" WordPress and the service expect e.g. '{ArchiveText.Display(slug)}/{ArchiveText.Display(slug)}.php' starting with a comment holding 'Plugin Name: My Plugin' and 'Version: 1.0.0'.",
            slug + "/");
    }

    /// <summary>
    /// The readme WordPress.org reads (<c>Import::find_readme_file</c>): <c>readme.txt</c> directly in the folder, any letter
    /// case, else <c>readme.md</c>; parsed from its first <see cref="PluginArchiveLimits.MaxReadmeBytes"/> bytes.
    /// </summary>
    private static (ZipArchiveEntry? Entry, PluginReadme? Readme) ReadReadme(IEnumerable<ZipArchiveEntry> entries, string slug, PluginArchiveLimits limits)
    {
        var topFiles = entries
            .Select(e => (Entry: e, Name: e.FullName.Replace('\\', '/')))
            .Where(t => t.Name.StartsWith(slug + "/", StringComparison.Ordinal) && t.Name.IndexOf('/', slug.Length + 1) < 0)
            .OrderBy(t => t.Entry.FullName, StringComparer.Ordinal)
            .ToList();
        var entry =
            topFiles.FirstOrDefault(t => string.Equals(t.Name[(slug.Length + 1)..], "readme.txt", StringComparison.OrdinalIgnoreCase)).Entry
            ?? topFiles.FirstOrDefault(t => string.Equals(t.Name[(slug.Length + 1)..], "readme.md", StringComparison.OrdinalIgnoreCase)).Entry;
        if (entry is null)
        {
            return (null, null);
        }

        var bytes = ArchiveLayout.ReadStart(entry, limits.MaxReadmeBytes).AsSpan();
        if (bytes.Length < entry.Length && !bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            // Only the start was read: do not let a character cut in two make the whole file look like invalid UTF-8.
            bytes = bytes[..WordPressHeaders.Utf8CompleteLength(bytes)];
        }

        return (entry, PluginReadme.Parse(bytes));
    }

    /// <summary>The main file's <c>Version:</c>; without one (or with <c>0</c>), the readme's <c>Stable tag:</c> unless it is <c>trunk</c>.</summary>
    private static (string Version, PluginVersionSource Source) ChooseVersion(string slug, Candidate main, ZipArchiveEntry? readmeEntry, PluginReadme? readme)
    {
        main.Headers.TryGetValue("Version", out var header);
        if (!PhpBytes.IsEmpty(header))
        {
            return (header!, PluginVersionSource.PluginHeader);
        }

        var tag = readme?.StableTag;
        if (!PhpBytes.IsEmpty(tag) && !string.Equals(tag, "trunk", StringComparison.OrdinalIgnoreCase))
        {
            return (tag!, PluginVersionSource.ReadmeStableTag);
        }

        string file = ArchiveText.Display(main.Entry.FullName);
        string headerPart = header is null ? $"'{file}' has no 'Version:' header" : $"'{file}' has 'Version: 0', which WordPress treats as none,";
        string readmePart = readmeEntry is null
            ? $"there is no readme.txt in '{ArchiveText.Display(slug)}/'"
            : tag is not null
                ? $"'{ArchiveText.Display(readmeEntry.FullName)}' has 'Stable tag: {ArchiveText.Display(tag)}', which is not a version"
                : $"'{ArchiveText.Display(readmeEntry.FullName)}' has no 'Stable tag:' header";
        throw new InvalidPluginArchiveException(
            InvalidPluginArchiveReason.NoVersion,
            $"The plugin has no version: {headerPart} and {readmePart}. " +
            "The service needs a version to store the release: add 'Version: 1.0.0' to the main file's header comment.",
            main.Entry.FullName);
    }
}
