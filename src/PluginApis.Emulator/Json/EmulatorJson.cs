using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginApis.Emulator.Json;

/// <summary>
/// The serializer settings of every emulator body. Bodies are served as <c>application/json</c>, never embedded in HTML, so
/// the relaxed encoder writes <c>"Plugin 'x' ..."</c> instead of <c>"Plugin \u0027x\u0027 ..."</c> (non-ASCII letters stay
/// unescaped too; control characters and quotes are still escaped).
/// </summary>
internal static class EmulatorJson
{
    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static EmulatorJsonContext Context { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.Strict,
        Encoder = Encoder,
    });

    /// <summary>Options for a hand-written <see cref="Utf8JsonWriter"/> (the streamed tables list).</summary>
    public static JsonWriterOptions WriterOptions => new() { Encoder = Encoder };
}
