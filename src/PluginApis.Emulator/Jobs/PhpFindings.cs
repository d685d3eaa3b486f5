using PluginApis.Emulator.State;

namespace PluginApis.Emulator.Jobs;

/// <summary>What <see cref="PhpScanner"/> found across a plugin's PHP files, in the order found, without duplicates.</summary>
internal sealed class PhpFindings
{
    public const int MaxErrors = 100;
    public const int MaxTables = 500;
    public const int MaxOptions = 1000;

    private readonly List<string> _tableOrder = [];
    private readonly Dictionary<string, IReadOnlyList<string>> _tables = new(StringComparer.Ordinal);
    private readonly List<PtOption> _options = [];
    private readonly HashSet<string> _optionNames = new(StringComparer.Ordinal);
    private readonly List<PtReportError> _errors = [];

    public IReadOnlyList<PtTable> Tables => _tableOrder.Select(name => new PtTable(name, _tables[name])).ToList();

    public IReadOnlyList<PtOption> Options => _options;

    public IReadOnlyList<PtReportError> Errors => _errors;

    /// <summary>Records a table; columns from a <c>CREATE TABLE</c> replace an earlier column-less mention.</summary>
    public void AddTable(string name, IReadOnlyList<string> columns)
    {
        if (_tables.TryGetValue(name, out var known))
        {
            if (known.Count == 0 && columns.Count > 0)
            {
                _tables[name] = columns;
            }

            return;
        }

        if (_tableOrder.Count < MaxTables)
        {
            _tableOrder.Add(name);
            _tables[name] = columns;
        }
    }

    /// <summary>Records an option; the first call that names it decides its autoload flag.</summary>
    public void AddOption(string name, bool autoload)
    {
        if (_options.Count < MaxOptions && _optionNames.Add(name))
        {
            _options.Add(new PtOption(name, autoload));
        }
    }

    public void AddError(PtReportError error)
    {
        if (_errors.Count < MaxErrors)
        {
            _errors.Add(error);
        }
    }
}
