namespace PluginApis.Http;

/// <summary>
/// Where a service expects the API key: a query parameter (PluginTests: <c>apiKey</c>) or a request header
/// (WunderUpdates: <c>x-api-key</c>). <see cref="ApiKeyHandler"/> puts the key there, exactly once, just above the transport.
/// </summary>
internal sealed class ApiKeyPlacement
{
    private ApiKeyPlacement(string name, bool inQuery)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        InQuery = inQuery;
    }

    /// <summary>The query parameter or header name.</summary>
    public string Name { get; }

    /// <summary>True for a query parameter, false for a header.</summary>
    public bool InQuery { get; }

    /// <summary>The key travels as the query parameter <paramref name="parameterName"/>.</summary>
    /// <param name="parameterName">The parameter name, e.g. <c>apiKey</c>.</param>
    public static ApiKeyPlacement Query(string parameterName) => new(parameterName, inQuery: true);

    /// <summary>The key travels in the request header <paramref name="headerName"/>.</summary>
    /// <param name="headerName">The header name, e.g. <c>x-api-key</c>.</param>
    public static ApiKeyPlacement Header(string headerName) => new(headerName, inQuery: false);

    /// <inheritdoc />
    public override string ToString() => InQuery ? "query parameter " + Name : "header " + Name;
}
