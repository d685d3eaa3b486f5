using System.Text;

namespace WordPressParity.Cases;

/// <summary>A plugin file whose headers are read by core's <c>get_file_data()</c> and by <c>WordPressHeaders</c>.</summary>
internal sealed record HeaderFileCase(string Id, byte[] Content);

/// <summary>A plugin folder, as in a release ZIP, whose files are paths relative to the folder <see cref="Slug"/>.</summary>
internal sealed record PluginFolderCase(string Id, string Slug, IReadOnlyList<(string Path, byte[] Content)> Files);

/// <summary>A readme's first line, whose name both sides sanitise (PHP's <c>strip_tags</c> + core's <c>esc_html</c>).</summary>
internal sealed record NameLineCase(string Id, byte[] Line);

/// <summary>Every case of the corpus.</summary>
internal sealed record ParityCorpus(
    IReadOnlyList<HeaderFileCase> HeaderFiles,
    IReadOnlyList<PluginFolderCase> PluginFolders,
    IReadOnlyList<NameLineCase> NameLines,
    IReadOnlyList<ReadmeCase> Readmes)
{
    /// <summary>The realistic files under <c>Corpus/</c> plus the generated edge cases.</summary>
    public static ParityCorpus Build(string corpusDirectory)
    {
        var realistic = Directory.GetFiles(Path.Combine(corpusDirectory, "headers"), "*.php")
            .Order(StringComparer.Ordinal)
            .Select(path => new HeaderFileCase("file:" + Path.GetFileName(path), File.ReadAllBytes(path)));
        return new ParityCorpus(
            [.. realistic, .. HeaderEdgeCases.All(), .. GeneratedCases.HeaderFiles(400)],
            PluginFolderCases.All(),
            [.. NameLineCases.All(), .. GeneratedCases.NameLines(400)],
            [.. ReadmeCases.All(corpusDirectory), .. GeneratedCases.Readmes(400)]);
    }
}

/// <summary>Helpers to write cases as bytes.</summary>
internal static class Bytes
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(static p => p).ToArray();

    /// <summary>A plugin main file with the given header lines inside a docblock.</summary>
    public static byte[] MainFile(params string[] headerLines) =>
        Utf8("<?php\n/**\n" + string.Concat(headerLines.Select(static l => " * " + l + "\n")) + " */\n");
}
