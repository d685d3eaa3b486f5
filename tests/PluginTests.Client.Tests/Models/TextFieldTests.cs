using System.Text.Json;

namespace PluginTests.Client.Tests;

/// <summary>Ids and other guessed text: a string or a number (as its text); null, false and blank mean none; other kinds fail.</summary>
public sealed class TextFieldTests
{
    public static TheoryData<string, string, string?> Readable => GuessedFields.Cross<string?>(GuessedFields.Text.Keys,
        ("\"abc-1\"", "abc-1"),
        ("\" padded \"", " padded "),
        ("1", "1"),
        ("42000000000", "42000000000"),
        ("8.30", "8.30"),
        ("-7", "-7"),
        ("null", null),
        ("false", null),
        ("\"\"", null),
        ("\"   \"", null));

    public static TheoryData<string, string> Unreadable => GuessedFields.Cross(GuessedFields.Text.Keys, "true", "{}", "[\"a\"]");

    [Theory]
    [MemberData(nameof(Readable))]
    public void Reads_strings_numbers_and_none(string field, string json, string? expected) =>
        Assert.Equal(expected, GuessedFields.Text[field](json));

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Other_kinds_fail(string field, string json) =>
        Assert.Throws<JsonException>(() => GuessedFields.Text[field](json));

    [Fact]
    public void A_missing_field_is_null() => Assert.Null(GuessedFields.Read<PluginTestsUser>("{}").Id);
}
