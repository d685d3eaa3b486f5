// WordPress parity: runs WordPress core's own PHP (Debian's `wordpress` package) and this SDK's WordPressHeaders,
// PluginArchive and PluginReadme (name sanitising) over one corpus, and exits non-zero on any disagreement.
//
//   dotnet run --project tests/WordPressParity -- [--wordpress /usr/share/wordpress] [--php php] [--work DIR]
//                                                [--readme-parser PATH]
//
// The corpus: realistic plugin files under Corpus/headers, plus generated edge cases (Cases/*.cs).
// --readme-parser PATH also compares PluginReadme with the WordPress.org readme parser (the file
// wordpress.org/public_html/wp-content/plugins/plugin-directory/readme/class-parser.php of a checkout of
// https://github.com/WordPress/wordpress.org; needs php-mbstring). That parser is not in Debian's package, so CI
// does not run this part: it is for checking the readme rules by hand when the parser changes.
using WordPressParity;
using WordPressParity.Cases;

string wordpress = "/usr/share/wordpress";
string php = "php";
string work = Path.Combine(Path.GetTempPath(), "wordpress-parity");
string? readmeParser = null;
for (int i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--wordpress": wordpress = args[i + 1]; break;
        case "--php": php = args[i + 1]; break;
        case "--work": work = Path.GetFullPath(args[i + 1]); break;
        case "--readme-parser": readmeParser = Path.GetFullPath(args[i + 1]); break;
        default: Console.Error.WriteLine($"Unknown option {args[i]}."); return 2;
    }
}

if (!File.Exists(Path.Combine(wordpress, "wp-includes", "version.php")))
{
    Console.Error.WriteLine($"WordPress core is not at {wordpress} (install Debian's `wordpress` package).");
    return 2;
}

var corpus = ParityCorpus.Build(Path.Combine(AppContext.BaseDirectory, "Corpus"));
var core = CoreRun.Run(corpus, work, php, wordpress, readmeParser);
var comparison = ParityComparison.Compare(corpus, core);

Console.WriteLine($"WordPress {core["wordpress"]} on PHP {core["php"]}: {corpus.HeaderFiles.Count} plugin files, " +
    $"{corpus.PluginFolders.Count} plugin folders, {corpus.NameLines.Count} readme name lines" +
    (readmeParser is null ? "." : $", {corpus.Readmes.Count} readmes (WordPress.org parser at {readmeParser})."));
foreach (var (group, count) in comparison.Checks.OrderBy(c => c.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"  {group}: {count} checks");
}

foreach (var note in comparison.Notes)
{
    Console.WriteLine($"  note: {note}");
}

foreach (var disagreement in comparison.Disagreements)
{
    Console.WriteLine($"  DISAGREES {disagreement}");
}

int total = comparison.Checks.Values.Sum();
if (total == 0)
{
    Console.WriteLine("No check ran.");
    return 1;
}

Console.WriteLine(comparison.Disagreements.Count == 0
    ? $"All {total} checks agree with WordPress core."
    : $"{comparison.Disagreements.Count} of {total} checks disagree with WordPress core.");
return comparison.Disagreements.Count == 0 ? 0 : 1;
