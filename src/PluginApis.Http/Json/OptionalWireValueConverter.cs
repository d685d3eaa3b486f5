using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginApis.Http.Json;

/// <summary>
/// A guessed enumeration property (an open-ended struct such as a status): any non-blank string is kept as its value, known
/// or not, and a number as its text. <c>null</c>, <c>false</c> and an empty or blank string read as null; <c>true</c>, an
/// object or an array fail. Subclasses say how a value is made from its wire text.
/// </summary>
/// <typeparam name="T">The enumeration struct.</typeparam>
internal abstract class OptionalWireValueConverter<T> : JsonConverter<T?>
    where T : struct
{
    public override bool HandleNull => true;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = JsonScalars.ReadWireText(in reader);
        return text is null ? null : Create(text);
    }

    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } known)
        {
            writer.WriteStringValue(ToText(known));
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>Makes the value from its (non-blank) wire text.</summary>
    protected abstract T Create(string text);

    /// <summary>The wire text of a value.</summary>
    protected abstract string ToText(T value);
}
