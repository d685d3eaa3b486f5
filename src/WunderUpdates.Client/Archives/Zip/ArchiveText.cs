using System.Globalization;
using System.Text;

namespace WunderUpdates.Client.Archives.Zip;

/// <summary>How names and sizes from a ZIP are shown in <see cref="InvalidPluginArchiveException"/> messages.</summary>
internal static class ArchiveText
{
    private const int MaxListedNames = 5;
    private const int MaxDisplayLength = 200;

    /// <summary>Makes a name from the archive safe to put in a message: control characters escaped, length capped.</summary>
    public static string Display(string name)
    {
        var builder = new StringBuilder(Math.Min(name.Length, MaxDisplayLength) + 8);
        foreach (char c in name)
        {
            if (builder.Length >= MaxDisplayLength)
            {
                builder.Append('…');
                break;
            }

            if (char.IsControl(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The first few names, quoted, and how many more there are.</summary>
    public static string ListNames(IEnumerable<string> names)
    {
        var list = names.ToList();
        var shown = string.Join(", ", list.Take(MaxListedNames).Select(n => $"'{Display(n)}'"));
        return list.Count > MaxListedNames ? $"{shown} and {list.Count - MaxListedNames} more" : shown;
    }

    /// <summary>Whole MiB when exact, else bytes.</summary>
    public static string FormatBytes(long bytes) =>
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
            ? (bytes / (1024 * 1024)).ToString("N0", CultureInfo.InvariantCulture) + " MiB"
            : bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
}
