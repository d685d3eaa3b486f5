namespace ReadmeSnippets;

/// <summary>What a terminal shows of printed text: per line, what follows the last carriage return.</summary>
internal static class TerminalLines
{
    /// <summary>The lines as shown: <c>"\r10 bytes\r630 bytes1.4.0: done\n"</c> shows <c>630 bytes1.4.0: done</c>.</summary>
    public static IReadOnlyList<string> Of(string printed) =>
        printed.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split('\n')
            .Select(line => line[(line.LastIndexOf('\r') + 1)..])
            .Where(line => line.Length > 0)
            .ToList();
}
