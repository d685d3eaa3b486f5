namespace PluginApis.Http;

/// <summary>Checks the path of a raw call: it must stay under the base address, so the API key never goes elsewhere.</summary>
internal static class RawPath
{
    /// <summary>The path without leading slashes.</summary>
    /// <exception cref="ArgumentNullException">The path is null.</exception>
    /// <exception cref="ArgumentException">The path is blank, absolute, protocol-relative, holds a backslash or a <c>.</c>/<c>..</c> segment.</exception>
    public static string Check(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var end = relativePath.IndexOfAny(['?', '#']);
        var pathPart = end < 0 ? relativePath : relativePath[..end];
        if (pathPart.StartsWith("//", StringComparison.Ordinal) || pathPart.Contains("://", StringComparison.Ordinal) || pathPart.Contains('\\', StringComparison.Ordinal)
            || pathPart.Split('/').Any(segment => segment is "." or ".." || segment.Equals("%2e", StringComparison.OrdinalIgnoreCase) || segment.Equals("%2e%2e", StringComparison.OrdinalIgnoreCase)
                || segment.Equals(".%2e", StringComparison.OrdinalIgnoreCase) || segment.Equals("%2e.", StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"The path must be relative to the base address, e.g. 'plugins/my-plugin' (was '{relativePath}'); the API key is never sent to another host.", nameof(relativePath));
        }

        return relativePath.TrimStart('/');
    }
}
