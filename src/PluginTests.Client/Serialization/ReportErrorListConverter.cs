using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using PluginApis.Http.Json;

namespace PluginTests.Client;

/// <summary>
/// A report's errors: an array of error objects and/or bare messages (<c>"PHP Warning: …"</c> becomes an error with only
/// <see cref="ReportError.Message"/>); null entries are skipped, and <c>null</c> or <c>false</c> read as no errors. A
/// non-array (a count, say) or an entry that is an array or <c>true</c> fails.
/// </summary>
internal sealed class ReportErrorListConverter : JsonConverter<IReadOnlyList<ReportError>>
{
    public override bool HandleNull => true;

    public override IReadOnlyList<ReportError> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var errors = new List<ReportError>();
        if (JsonScalars.IsNone(ref reader))
        {
            return errors;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw JsonScalars.Unreadable("a list of errors", ref reader);
        }

        var errorInfo = (JsonTypeInfo<ReportError>)options.GetTypeInfo(typeof(ReportError));
        for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null or JsonTokenType.False:
                    break;
                case JsonTokenType.String:
                    errors.Add(new ReportError { Message = reader.GetString() });
                    break;
                case JsonTokenType.StartObject:
                    errors.Add(NestedItems.Read(ref reader, errorInfo, "errors", $"[{index}]"));
                    break;
                default:
                    throw JsonScalars.Unreadable("an error object or message", ref reader);
            }
        }

        return errors;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<ReportError> value, JsonSerializerOptions options) =>
        NestedItems.WriteAll(writer, value, options);
}
