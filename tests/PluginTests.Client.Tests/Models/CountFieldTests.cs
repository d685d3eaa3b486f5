using System.Text.Json;

namespace PluginTests.Client.Tests;

/// <summary>Guessed counts: a whole number as a number or a numeric string; null, false and blank mean none; anything else fails.</summary>
public sealed class CountFieldTests
{
    public static TheoryData<string, string, long?> Readable => GuessedFields.Cross<long?>(GuessedFields.Counts.Keys,
        ("12", 12),
        ("\"12\"", 12),
        ("\" 1,200 \"", 1200),
        ("12.0", 12),
        ("1.2e1", 12),
        ("\"-3\"", -3),
        ("null", null),
        ("false", null),
        ("\"\"", null));

    public static TheoryData<string, string> Unreadable => GuessedFields.Cross(GuessedFields.Counts.Keys,
        "12.5", "\"12.5\"", "\"twelve\"", "\"1M+\"", "true", "{}", "[1]", "1e40");

    [Theory]
    [MemberData(nameof(Readable))]
    public void Reads_numbers_and_numeric_strings(string field, string json, long? expected)
    {
        var value = GuessedFields.Counts[field](json);
        Assert.Equal(expected, value is null ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Fractions_words_and_other_kinds_fail(string field, string json) =>
        Assert.Throws<JsonException>(() => GuessedFields.Counts[field](json));

    [Theory]
    [InlineData("QueueJob.priority")]
    [InlineData("ReportError.line")]
    public void A_32_bit_field_refuses_a_larger_number(string field) =>
        Assert.Throws<JsonException>(() => GuessedFields.Counts[field]("3000000000"));

    [Fact]
    public void A_64_bit_count_reads_a_larger_number() =>
        Assert.Equal(3_000_000_000L, GuessedFields.Counts["Plugin.activeInstalls"]("\"3000000000\""));
}
