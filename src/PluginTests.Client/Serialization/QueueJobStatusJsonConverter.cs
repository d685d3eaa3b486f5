using System.Text.Json;
using System.Text.Json.Serialization;
using PluginApis.Http.Json;

namespace PluginTests.Client.Serialization;

/// <summary>
/// Writes <see cref="QueueJobStatus"/> as its wire string and reads it back from a string (any value, known or not) or a number (as its
/// text). Attached to the type, so a test-queue job state serializes the same way in your own <see cref="JsonSerializerOptions"/> or
/// source-generated context; you never need to register it.
/// </summary>
public sealed class QueueJobStatusJsonConverter : JsonConverter<QueueJobStatus>
{
    /// <summary>Reads the value.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="typeToConvert">The type, <see cref="QueueJobStatus"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The value; unknown values are kept.</returns>
    /// <exception cref="JsonException">The value is not a non-blank string or a number.</exception>
    public override QueueJobStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonScalars.ReadWireText(in reader) is { } text ? new QueueJobStatus(text) : throw new JsonException("Expected a test-queue job state as a non-blank string.");

    /// <summary>Writes the wire string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public override void Write(Utf8JsonWriter writer, QueueJobStatus value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
