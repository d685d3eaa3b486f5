using System.Text;
using System.Text.Json.Nodes;
using WordPressParity.Cases;
using WunderUpdates.Client;

namespace WordPressParity;

/// <summary>Compares core's results with the SDK's, check by check.</summary>
internal sealed class ParityComparison
{
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly List<string> _disagreements = [];
    private readonly List<string> _notes = [];
    private readonly Dictionary<string, int> _checks = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Disagreements => _disagreements;

    public IReadOnlyList<string> Notes => _notes;

    public IReadOnlyDictionary<string, int> Checks => _checks;

    public static ParityComparison Compare(ParityCorpus corpus, JsonObject core)
    {
        var comparison = new ParityComparison();
        foreach (var file in corpus.HeaderFiles)
        {
            comparison.CompareHeaders(file, core["headerFiles"]![file.Id]!.AsObject());
        }

        foreach (var folder in corpus.PluginFolders)
        {
            comparison.CompareFolder(folder, core["plugins"]![folder.Id]!.AsObject());
        }

        foreach (var name in corpus.NameLines)
        {
            var ours = PluginReadme.Parse([.. name.Line, (byte)'\n']).Name ?? string.Empty;
            comparison.Check("readme names", name.Id, Text(core["names"]![name.Id]!), ours);
        }

        if (core["readmes"] is JsonObject readmes)
        {
            foreach (var readme in corpus.Readmes)
            {
                comparison.CompareReadme(readme, readmes[readme.Id]!.AsObject());
            }
        }

        return comparison;
    }

    /// <summary>Every field <see cref="PluginReadme"/> reports against the WordPress.org parser's (null there is "").</summary>
    private void CompareReadme(ReadmeCase readme, JsonObject core)
    {
        var ours = PluginReadme.Parse(readme.Content);
        void Field(string field, string? value) => Check("readme parser", $"{readme.Id} {field}", Text(core[field]!), value ?? string.Empty);
        void List(string field, IReadOnlyList<string> values) =>
            Check("readme parser", $"{readme.Id} {field}", string.Join(" | ", core[field]!.AsArray().Select(v => Text(v!))), string.Join(" | ", values));

        Field("name", ours.Name);
        Field("requires", ours.RequiresAtLeast);
        Field("tested", ours.TestedUpTo);
        Field("requires_php", ours.RequiresPhp);
        Field("stable_tag", ours.StableTag);
        Field("donate_link", ours.DonateLink);
        Field("license", ours.License);
        Field("license_uri", ours.LicenseUri);
        List("tags", ours.Tags);
        List("contributors", ours.Contributors);
    }

    /// <summary><c>get_file_data()</c> for every plugin header, and <c>! empty( get_plugin_data()['Name'] )</c>.</summary>
    private void CompareHeaders(HeaderFileCase file, JsonObject core)
    {
        var ours = WordPressHeaders.Parse(WordPressHeaders.DecodeFileData(file.Content), WordPressHeaders.PluginHeaderNames);
        foreach (var name in WordPressHeaders.PluginHeaderNames)
        {
            Check("get_file_data", $"{file.Id} [{name}]", Text(core["headers"]![name]!), ours.TryGetValue(name, out var value) ? value : string.Empty);
        }

        bool oursIsPlugin = ours.TryGetValue("Plugin Name", out var pluginName) && pluginName is not ("" or "0");
        Check("get_plugin_data", $"{file.Id} is a plugin", Flag(core["isPlugin"]!), oursIsPlugin ? "yes" : "no");
    }

    /// <summary>
    /// <c>check_package()</c>'s verdict, and the main file: the first top-level file of core's sorted <c>get_plugins( '/slug' )</c>
    /// (what <c>plugin_info()</c> returns unless a subfolder file's name sorts first; such cases are listed as notes).
    /// </summary>
    private void CompareFolder(PluginFolderCase folder, JsonObject core)
    {
        bool installable;
        string? mainFile = null;
        string? version = null;
        try
        {
            var info = PluginArchive.Inspect(new MemoryStream(CoreRun.ToZip(folder)));
            (installable, mainFile) = (true, info.MainFile);
            version = info.VersionSource == PluginVersionSource.PluginHeader ? info.Version : string.Empty;
        }
        catch (InvalidPluginArchiveException ex) when (ex.Reason == InvalidPluginArchiveReason.NoMainFile)
        {
            installable = false;
        }
        catch (InvalidPluginArchiveException ex) when (ex.Reason == InvalidPluginArchiveReason.NoVersion)
        {
            // WordPress installs a plugin without a version; the service refuses it. The main file is the entry named.
            (installable, mainFile, version) = (true, ex.EntryName, string.Empty);
        }

        Check("check_package", $"{folder.Id} installs", Flag(core["installable"]!), installable ? "yes" : "no");
        if (!installable || core["installable"]!.GetValue<bool>() is false)
        {
            return;
        }

        string coreMain = core["mainFile"]?.GetValue<string>() ?? "(none)";
        if (core["tie"]!.GetValue<bool>())
        {
            _notes.Add($"{folder.Id}: the first two plugin names are equal in natural order; WordPress takes directory order, the SDK '{mainFile}'.");
            return;
        }

        Check("get_plugins", $"{folder.Id} main file", coreMain, mainFile ?? "(none)");
        var coreVersion = Text(core["version"]!);
        Check("get_plugin_data", $"{folder.Id} version", coreVersion is "0" ? string.Empty : coreVersion, version ?? string.Empty);

        if (core["pluginInfo"]?.GetValue<string>() is { } pluginInfo && pluginInfo != coreMain)
        {
            _notes.Add($"{folder.Id}: plugin_info() picks '{pluginInfo}' (a subfolder file, which WordPress cannot activate); the main file is '{coreMain}'.");
        }
    }

    private void Check(string group, string what, string expected, string actual)
    {
        _checks[group] = _checks.GetValueOrDefault(group) + 1;
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            _disagreements.Add($"{group}: {what}: WordPress {Show(expected)}, SDK {Show(actual)}");
        }
    }

    private static string Text(JsonNode base64) => Lenient.GetString(Convert.FromBase64String(base64.GetValue<string>()));

    private static string Flag(JsonNode value) => value.GetValue<bool>() ? "yes" : "no";

    private static string Show(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value.Length > 120 ? value[..120] + "…" : value)
        {
            builder.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return builder.Append('"').ToString();
    }
}
