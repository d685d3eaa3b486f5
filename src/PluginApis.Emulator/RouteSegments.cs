using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PluginApis.Emulator;

/// <summary>
/// Makes route values exactly the path segments the client escaped. Kestrel decodes the path but keeps <c>%2F</c> encoded
/// (so a route value would read <c>a%2Fb</c>), decodes <c>%25</c> (so <c>a%252Fb</c> and <c>a%2Fb</c> become the same) and folds
/// <c>%2E%2E</c> into a parent-directory step. Before routing, the path is rebuilt from the raw request target with only
/// <c>%</c> and <c>/</c> kept escaped inside a segment; after routing, route values are unescaped once.
/// </summary>
internal static class RouteSegments
{
    private const string RebuiltItem = "PluginApis.Emulator.RawSegments";

    public static Task PreserveRawSegments(HttpContext context, RequestDelegate next)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (raw is { Length: > 0 } && raw[0] == '/')
        {
            var end = raw.IndexOfAny(['?', '#']);
            var rawPath = end < 0 ? raw : raw[..end];
            if (rawPath.Contains('%', StringComparison.Ordinal))
            {
                var segments = rawPath.Split('/');
                for (var i = 0; i < segments.Length; i++)
                {
                    segments[i] = Uri.UnescapeDataString(segments[i])
                        .Replace("%", "%25", StringComparison.Ordinal)
                        .Replace("/", "%2F", StringComparison.Ordinal);
                }

                context.Request.Path = new PathString(string.Join('/', segments));
                context.Items[RebuiltItem] = true;
            }
        }

        return next(context);
    }

    public static void UnescapeRouteValues(HttpContext context)
    {
        if (!context.Items.ContainsKey(RebuiltItem))
        {
            return;
        }

        var values = context.Request.RouteValues;
        foreach (var key in values.Keys.ToList())
        {
            if (values[key] is string text && text.Contains('%', StringComparison.Ordinal))
            {
                values[key] = Uri.UnescapeDataString(text);
            }
        }
    }
}
