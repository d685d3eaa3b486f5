using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using PluginApis.Http.Json;

namespace PluginTests.Client;

/// <summary>
/// Reads a table's columns in any of the forms <see cref="TableColumn"/> lists: an array of names and/or column objects
/// (null entries skipped), or an object mapping each name to its type (a string) or to a column object. <c>null</c> and
/// <c>false</c> read as no columns. Anything else (a bare string, a number, an entry that is an array) fails.
/// Written as an array of column objects.
/// </summary>
internal sealed class TableColumnListConverter : JsonConverter<IReadOnlyList<TableColumn>>
{
    public override bool HandleNull => true;

    public override IReadOnlyList<TableColumn> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var columnInfo = (JsonTypeInfo<TableColumn>)options.GetTypeInfo(typeof(TableColumn));
        var columns = new List<TableColumn>();
        switch (reader.TokenType)
        {
            case JsonTokenType.Null or JsonTokenType.False:
                return columns;
            case JsonTokenType.StartArray:
                for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
                {
                    if (ReadColumn(ref reader, columnInfo, name: null, $"[{index}]") is { } column)
                    {
                        columns.Add(column);
                    }
                }

                return columns;
            case JsonTokenType.StartObject:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    columns.Add(ReadColumn(ref reader, columnInfo, name, $".{name}") ?? new TableColumn { Name = name });
                }

                return columns;
            default:
                throw JsonScalars.Unreadable("a list of columns", ref reader);
        }
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<TableColumn> value, JsonSerializerOptions options) =>
        NestedItems.WriteAll(writer, value, options);

    // In an array, a string is the column's name; in a name-to-type map, it is the column's type.
    private static TableColumn? ReadColumn(ref Utf8JsonReader reader, JsonTypeInfo<TableColumn> columnInfo, string? name, string entry)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null or JsonTokenType.False:
                return null;
            case JsonTokenType.String or JsonTokenType.Number:
                var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : JsonScalars.NumberText(ref reader);
                text = string.IsNullOrWhiteSpace(text) ? null : text;
                return name is null ? (text is null ? null : new TableColumn { Name = text }) : new TableColumn { Name = name, Type = text };
            case JsonTokenType.StartObject:
                var column = NestedItems.Read(ref reader, columnInfo, "columns", entry);
                return name is null || column.Name is not null ? column
                    : new TableColumn { Name = name, Type = column.Type, ExtensionData = column.ExtensionData };
            default:
                throw JsonScalars.Unreadable("a column name or object", ref reader);
        }
    }
}
