using System.Text.Json;

namespace PluginTests.Client.Tests;

/// <summary>Guessed URLs: a string (absolute or relative, kept as sent); null, false and blank mean none; other kinds fail.</summary>
public sealed class UrlFieldTests
{
    public static TheoryData<string, string, string?> Readable => GuessedFields.Cross<string?>(GuessedFields.Urls.Keys,
        ("\"https://plugintests.com/plugins/wporg/akismet/latest\"", "https://plugintests.com/plugins/wporg/akismet/latest"),
        ("\"/plugins/wporg/akismet/latest\"", "/plugins/wporg/akismet/latest"),
        ("\" https://example.com/a.zip \"", "https://example.com/a.zip"),
        ("null", null),
        ("false", null),
        ("\"\"", null));

    public static TheoryData<string, string> Unreadable => GuessedFields.Cross(GuessedFields.Urls.Keys, "12", "true", "{}", "[]");

    [Theory]
    [MemberData(nameof(Readable))]
    public void Reads_absolute_and_relative_urls(string field, string json, string? expected)
    {
        var value = (Uri?)GuessedFields.Urls[field](json);
        Assert.Equal(expected, value?.OriginalString);
        Assert.Equal(expected?.StartsWith("https:", StringComparison.Ordinal), value?.IsAbsoluteUri);
    }

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Other_kinds_fail(string field, string json) =>
        Assert.Throws<JsonException>(() => GuessedFields.Urls[field](json));
}
