using System.CommandLine.Parsing;

namespace PluginApis.Cli;

/// <summary>Reads an option or argument that must be an absolute http(s) URL (System.CommandLine has no trim-safe Uri parser).</summary>
internal static class HttpUrlParser
{
    public static Uri? Parse(ArgumentResult result, string name)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        result.AddError($"{name} must be an absolute http(s) URL (was '{text}').");
        return null;
    }
}
