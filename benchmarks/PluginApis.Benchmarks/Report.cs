namespace PluginApis.Benchmarks;

/// <summary>Collects the Markdown tables of the scenario runs and prints them together at the end.</summary>
internal sealed class Report
{
    private readonly List<(string Title, IReadOnlyList<string> Lines)> _sections = [];

    public void Add(string title, IReadOnlyList<string> lines) => _sections.Add((title, lines));

    public void Print()
    {
        if (_sections.Count == 0)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine("==================== scenario tables (Markdown) ====================");
        foreach (var (title, lines) in _sections)
        {
            Console.WriteLine();
            Console.WriteLine("### " + title);
            Console.WriteLine();
            foreach (var line in lines)
            {
                Console.WriteLine(line);
            }
        }
    }
}
