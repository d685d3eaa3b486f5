using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginApis.Cli;

/// <summary>
/// The <c>--json</c> writer: the source-generated <see cref="CliJsonContext"/> with relaxed escaping (the output is read by
/// programs, not put into HTML, so <c>'</c> stays <c>'</c>). Same naming and indentation as the context's attribute.
/// </summary>
internal static class CliJson
{
    public static CliJsonContext Context { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
