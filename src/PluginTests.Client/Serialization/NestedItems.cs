using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PluginTests.Client;

/// <summary>
/// Reads one object of a list inside a model (a report's errors, a table's columns) with a nested call. The nested call's
/// exception knows only its path within the object, and a converter cannot know where its own value sits, so the failure
/// is raised again without a path: the serializer then puts the list property's path on it (<c>$.reports[0].errors</c>),
/// and the message names the entry (<c>errors[1].line</c>). Such lists are written back as a plain array of the objects.
/// </summary>
internal static class NestedItems
{
    public static T Read<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> info, string list, string entry)
    {
        try
        {
            return JsonSerializer.Deserialize(ref reader, info)!;
        }
        catch (JsonException ex)
        {
            var within = ex.Path is { Length: > 1 } path && path[0] == '$' ? path[1..] : string.Empty;
            throw new JsonException($"{list}{entry}{within}: {ex.Message}", ex);
        }
    }

    public static void WriteAll<T>(Utf8JsonWriter writer, IReadOnlyList<T> items, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(items);
        var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (var item in items)
        {
            JsonSerializer.Serialize(writer, item, info);
        }

        writer.WriteEndArray();
    }
}
