namespace PluginTests.Client;

/// <summary>What a plugin leaves in the database, as listed by <see cref="IPluginTestsClient.ListEntitiesAsync"/>.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Agreed public name: it mirrors the API's entityCollection path parameter.")]
public enum EntityCollection
{
    /// <summary>The database tables the plugin creates (path segment <c>tables</c>).</summary>
    Tables = 0,

    /// <summary>The WordPress options the plugin creates (path segment <c>options</c>).</summary>
    Options = 1,
}
