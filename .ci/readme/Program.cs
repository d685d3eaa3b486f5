// Runs every block that .ci/readme/generate.sh made of the README's marked csharp and json blocks, in README order.
// Exit code 0 when all passed; each failure names the README line.
using System.Reflection;
using ReadmeSnippets;

var blocks = Assembly.GetExecutingAssembly().GetTypes()
    .Where(type => !type.IsAbstract && type.IsSubclassOf(typeof(ReadmeBlock)))
    .Select(type => (ReadmeBlock)Activator.CreateInstance(type)!)
    .OrderBy(block => block.Line)
    .ToList();
if (blocks.Count == 0)
{
    Console.WriteLine("no README block was generated");
    return 1;
}

var failures = 0;
foreach (var block in blocks)
{
    try
    {
        var what = await block.CheckAsync();
        Console.WriteLine($"ok   {block.Origin}: {what}");
    }
#pragma warning disable CA1031 // every failure of a block is reported with its README line, then the next block runs
    catch (Exception ex)
#pragma warning restore CA1031
    {
        failures++;
        Console.WriteLine($"FAIL {block.Origin}: {ex.GetType().Name}: {ex.Message}");
    }
}

Console.WriteLine($"README blocks checked: {blocks.Count}, failed: {failures}");
return failures == 0 ? 0 : 1;
