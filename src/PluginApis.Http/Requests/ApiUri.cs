namespace PluginApis.Http;

/// <summary>
/// Builds request URIs exactly as written: each path value escaped as one segment (so <c>a/b</c>, <c>..</c>, <c>?</c>, <c>#</c>, <c>%</c>
/// reach the server unchanged) and no dot-segment folding by <see cref="Uri"/>.
/// </summary>
public static class ApiUri
{
    private static readonly UriCreationOptions Verbatim = new() { DangerousDisablePathAndQueryCanonicalization = true };

    /// <summary>Escapes a value as exactly one path segment; <c>.</c> and <c>..</c> are percent-encoded so they are not treated as dot segments.</summary>
    /// <param name="value">The raw value.</param>
    public static string EscapeSegment(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var escaped = Uri.EscapeDataString(value);
        return escaped switch
        {
            "." => "%2E",
            ".." => "%2E%2E",
            _ => escaped,
        };
    }

    /// <summary>Escapes a query parameter name or value.</summary>
    /// <param name="value">The raw value.</param>
    public static string EscapeQuery(string value) => Uri.EscapeDataString(value);

    /// <summary>Creates a URI from text without canonicalising its path or query.</summary>
    /// <param name="text">The URI text.</param>
    /// <param name="kind">Absolute or relative.</param>
    public static Uri Create(string text, UriKind kind = UriKind.Absolute) =>
        kind == UriKind.Absolute ? new Uri(text, Verbatim) : new Uri(text, UriKind.Relative);

    /// <summary>Returns the URI text with one query parameter set (any existing value of that name replaced), path left as it is.</summary>
    /// <param name="uriText">The text of an absolute URI.</param>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The raw value (escaped here).</param>
    public static string WithQueryParameter(string uriText, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(uriText);
        var text = uriText;
        if (text.AsSpan().IndexOfAny('?', '#') < 0)
        {
            // No query and no fragment (every SDK request but a raw one with a query): nothing to keep or replace.
            return string.Concat(text, "?", EscapeQuery(name), "=", EscapeQuery(value));
        }

        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash < 0 ? string.Empty : text[hash..];
        if (hash >= 0)
        {
            text = text[..hash];
        }

        var q = text.IndexOf('?', StringComparison.Ordinal);
        var path = q < 0 ? text : text[..q];
        var kept = new List<string>();
        if (q >= 0)
        {
            foreach (var part in text[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                var partName = Uri.UnescapeDataString(eq < 0 ? part : part[..eq]);
                if (!string.Equals(partName, name, StringComparison.Ordinal))
                {
                    kept.Add(part);
                }
            }
        }

        kept.Add(EscapeQuery(name) + "=" + EscapeQuery(value));
        return path + "?" + string.Join('&', kept) + fragment;
    }
}
