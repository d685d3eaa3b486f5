using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using WordPressParity.Cases;
using WunderUpdates.Client;

namespace WordPressParity;

/// <summary>Lays the corpus out on disk as WordPress would see it and runs <c>core-results.php</c> over it.</summary>
internal static class CoreRun
{
    /// <summary>Writes the files and the manifest under <paramref name="work"/>, runs PHP, returns core's results.</summary>
    public static JsonObject Run(ParityCorpus corpus, string work, string php, string wordpress, string? readmeParser)
    {
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        var content = Path.Combine(work, "wp-content");
        var headerDir = Path.Combine(work, "headers");
        Directory.CreateDirectory(Path.Combine(content, "plugins"));
        Directory.CreateDirectory(headerDir);

        var headerFiles = new JsonArray();
        for (int i = 0; i < corpus.HeaderFiles.Count; i++)
        {
            var path = Path.Combine(headerDir, $"case-{i:000}.php");
            File.WriteAllBytes(path, corpus.HeaderFiles[i].Content);
            headerFiles.Add(new JsonObject { ["id"] = corpus.HeaderFiles[i].Id, ["path"] = path });
        }

        var plugins = new JsonArray();
        foreach (var folder in corpus.PluginFolders)
        {
            // Unpacked from the very ZIP the SDK inspects, as Plugin_Upgrader unpacks an upload.
            ZipFile.ExtractToDirectory(new MemoryStream(ToZip(folder)), Path.Combine(content, "plugins"));
            plugins.Add(new JsonObject { ["id"] = folder.Id, ["slug"] = folder.Slug });
        }

        var names = new JsonArray(corpus.NameLines
            .Select(n => (JsonNode)new JsonObject { ["id"] = n.Id, ["line"] = Convert.ToBase64String(n.Line) })
            .ToArray());

        var manifest = new JsonObject
        {
            ["contentDir"] = content,
            ["headerNames"] = new JsonArray(WordPressHeaders.PluginHeaderNames.Select(n => (JsonNode)n).ToArray()),
            ["headerFiles"] = headerFiles,
            ["plugins"] = plugins,
            ["names"] = names,
        };
        if (readmeParser is not null)
        {
            var readmeDir = Path.Combine(work, "readmes");
            Directory.CreateDirectory(readmeDir);
            var readmes = new JsonArray();
            for (int i = 0; i < corpus.Readmes.Count; i++)
            {
                var path = Path.Combine(readmeDir, $"readme-{i:000}.txt");
                File.WriteAllBytes(path, corpus.Readmes[i].Content);
                readmes.Add(new JsonObject { ["id"] = corpus.Readmes[i].Id, ["path"] = path });
            }

            manifest["readmeParser"] = readmeParser;
            manifest["readmes"] = readmes;
        }

        var manifestPath = Path.Combine(work, "manifest.json");
        File.WriteAllText(manifestPath, manifest.ToJsonString());

        var script = Path.Combine(AppContext.BaseDirectory, "core-results.php");
        var start = new ProcessStartInfo(php) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(manifestPath);
        start.ArgumentList.Add(wordpress);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{php}'.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{php} {script} exited with {process.ExitCode}:\n{stderr.Result}\n{stdout}");
        }

        return JsonNode.Parse(stdout)?.AsObject() ?? throw new JsonException("core-results.php printed no JSON object.");
    }

    /// <summary>The release ZIP of a plugin folder: every file under the folder named after the slug.</summary>
    public static byte[] ToZip(PluginFolderCase folder)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in folder.Files)
            {
                using var stream = zip.CreateEntry(folder.Slug + "/" + path).Open();
                stream.Write(bytes);
            }
        }

        return buffer.ToArray();
    }
}
