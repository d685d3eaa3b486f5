using System.Runtime.CompilerServices;

namespace PluginApis.Http;

/// <summary>Checks a value that becomes one path segment, before any request is built.</summary>
internal static class PathValue
{
    /// <summary>Returns <paramref name="value"/> when it can be sent as one path segment.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="ArgumentException">The value is empty, whitespace, <c>.</c> or <c>..</c> (which URI merging would fold into another endpoint).</exception>
    public static string Check(string value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        if (value is "." or "..")
        {
            throw new ArgumentException($"'{value}' cannot be a path value: URI merging would fold it into another endpoint.", paramName);
        }

        return value;
    }
}
