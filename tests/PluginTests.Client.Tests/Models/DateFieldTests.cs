using System.Text.Json;

namespace PluginTests.Client.Tests;

/// <summary>
/// Guessed dates: ISO 8601 text or Unix time (seconds, or milliseconds from 10^11 on, as a number or a numeric string);
/// null, false, blank, 0 and MySQL's zero date mean none; other text and kinds fail.
/// </summary>
public sealed class DateFieldTests
{
    private static readonly DateTimeOffset Ten = new(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string, string?> Readable => GuessedFields.Cross<string?>(GuessedFields.Dates.Keys,
        ("\"2026-11-01T10:00:00Z\"", "2026-11-01T10:00:00.0000000+00:00"),
        ("\"2026-11-01T10:00:00.250Z\"", "2026-11-01T10:00:00.2500000+00:00"),
        ("\"2026-11-01T12:00:00+02:00\"", "2026-11-01T12:00:00.0000000+02:00"),
        ("\"2026-11-01T12:00:00+0200\"", "2026-11-01T12:00:00.0000000+02:00"),
        ("\"2026-11-01T10:00:00\"", "2026-11-01T10:00:00.0000000+00:00"),
        ("\"2026-11-01 10:00:00\"", "2026-11-01T10:00:00.0000000+00:00"),
        ("\"2026-11-01\"", "2026-11-01T00:00:00.0000000+00:00"),
        ("1793527200", "2026-11-01T10:00:00.0000000+00:00"),
        ("1793527200.25", "2026-11-01T10:00:00.2500000+00:00"),
        ("\"1793527200\"", "2026-11-01T10:00:00.0000000+00:00"),
        ("1793527200000", "2026-11-01T10:00:00.0000000+00:00"),
        ("\"1793527200250\"", "2026-11-01T10:00:00.2500000+00:00"),
        ("99999999999", "5138-11-16T09:46:39.0000000+00:00"),
        ("100000000000", "1973-03-03T09:46:40.0000000+00:00"),
        ("null", null),
        ("false", null),
        ("\"\"", null),
        ("0", null),
        ("\"0\"", null),
        ("\"0000-00-00 00:00:00\"", null),
        ("\"0000-00-00\"", null));

    public static TheoryData<string, string> Unreadable => GuessedFields.Cross(GuessedFields.Dates.Keys,
        "\"yesterday\"", "\"11/01/2026\"", "\"Sun, 01 Nov 2026 10:00:00 GMT\"", "\"2026-13-45\"", "1e300", "true", "{}", "[]");

    [Theory]
    [MemberData(nameof(Readable))]
    public void Reads_iso_text_and_unix_time(string field, string json, string? expected)
    {
        var value = (DateTimeOffset?)GuessedFields.Dates[field](json);
        Assert.Equal(expected, value?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Other_text_and_kinds_fail(string field, string json) =>
        Assert.Throws<JsonException>(() => GuessedFields.Dates[field](json));

    [Fact]
    public void Seconds_and_milliseconds_name_the_same_instant() =>
        Assert.Equal(GuessedFields.Dates["QueueJob.queuedAt"]("1793527200"), GuessedFields.Dates["QueueJob.queuedAt"]("1793527200000"));

    [Fact]
    public void The_written_form_is_read_back()
    {
        var json = JsonSerializer.Serialize(new QueueJob { QueuedAt = Ten }, PluginTestsJsonContext.Default.QueueJob);
        Assert.Equal(Ten, GuessedFields.Read<QueueJob>(json).QueuedAt);
    }
}
