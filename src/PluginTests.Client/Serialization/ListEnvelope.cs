using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace PluginTests.Client;

/// <summary>A list response: either a bare JSON array or an object holding the array under a known name.</summary>
/// <typeparam name="TItem">The element model.</typeparam>
internal sealed class ListEnvelope<TItem>
{
    public IReadOnlyList<TItem> Items { get; init; } = [];
}

/// <summary>
/// Reads <c>[...]</c> or <c>{"name":[...], ...}</c> (the first matching name wins; failing that, the only array-valued property).
/// Elements are read with the source-generated metadata of <typeparamref name="TItem"/>, so this stays trim-safe.
/// </summary>
/// <typeparam name="TItem">The element model.</typeparam>
internal abstract class ListEnvelopeConverter<TItem>(params string[] names) : JsonConverter<ListEnvelope<TItem>>
{
    public override ListEnvelope<TItem> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var itemInfo = (JsonTypeInfo<TItem>)options.GetTypeInfo(typeof(TItem));
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return new ListEnvelope<TItem> { Items = ReadArray(ref reader, itemInfo, "$") };
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON array or an object holding '{names[0]}', found {reader.TokenType}.");
        }

        List<TItem>? named = null, onlyArray = null;
        var rank = int.MaxValue;
        var arrays = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            var index = Array.FindIndex(names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0 && index < rank && reader.TokenType is JsonTokenType.StartArray or JsonTokenType.Null)
            {
                named = reader.TokenType == JsonTokenType.Null ? [] : ReadArray(ref reader, itemInfo, PathOf(name));
                rank = index;
            }
            else if (named is null && reader.TokenType == JsonTokenType.StartArray)
            {
                arrays++;
                onlyArray = ReadArray(ref reader, itemInfo, PathOf(name));
            }
            else
            {
                reader.Skip();
            }
        }

        var items = named ?? (arrays == 1 ? onlyArray : null)
            ?? throw new JsonException($"Expected the list under '{string.Join("' or '", names)}' (or a bare JSON array).");
        return new ListEnvelope<TItem> { Items = items };
    }

    public override void Write(Utf8JsonWriter writer, ListEnvelope<TItem> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var itemInfo = (JsonTypeInfo<TItem>)options.GetTypeInfo(typeof(TItem));
        writer.WriteStartObject();
        writer.WriteStartArray(names[0]);
        foreach (var item in value.Items)
        {
            JsonSerializer.Serialize(writer, item, itemInfo);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    // Each item is read by a nested call, whose exceptions carry a path relative to the item ("$.queuedAt"); the list is
    // always the whole body, so the full path ("$.jobs[1].queuedAt") is known here and put on the exception.
    private static List<TItem> ReadArray(ref Utf8JsonReader reader, JsonTypeInfo<TItem> itemInfo, string listPath)
    {
        var items = new List<TItem>();
        for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize(ref reader, itemInfo) is { } item)
                {
                    items.Add(item);
                }
            }
            catch (JsonException ex)
            {
                var path = $"{listPath}[{index}]{(ex.Path is { Length: > 0 } inner && inner[0] == '$' ? inner[1..] : string.Empty)}";
                throw new JsonException(ex.Message, path, ex.LineNumber, ex.BytePositionInLine, ex);
            }
        }

        return items;
    }

    private static string PathOf(string? name) =>
        name is { Length: > 0 } && name.All(char.IsAsciiLetterOrDigit) ? "$." + name : $"$['{name?.Replace("'", "\\'", StringComparison.Ordinal)}']";
}

internal sealed class ReportListConverter() : ListEnvelopeConverter<PluginReport>("reports");

internal sealed class EntityListConverter() : ListEnvelopeConverter<PluginEntity>("tables", "options", "entities");

internal sealed class PluginListConverter() : ListEnvelopeConverter<Plugin>("plugins");

internal sealed class WebhookListConverter() : ListEnvelopeConverter<Webhook>("webhooks");

internal sealed class QueueJobListConverter() : ListEnvelopeConverter<QueueJob>("jobs", "queue");
