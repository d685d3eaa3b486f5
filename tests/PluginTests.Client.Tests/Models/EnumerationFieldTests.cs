using System.Text.Json;

namespace PluginTests.Client.Tests;

/// <summary>
/// <see cref="QueueJob.Status"/>, <see cref="QueueJob.PackageSource"/>, <see cref="Webhook.EventType"/>: any value is kept (known
/// or not), a number as its text; null, false and blank mean none; other kinds fail.
/// </summary>
public sealed class EnumerationFieldTests
{
    public static TheoryData<string, string, string?> Readable => GuessedFields.Cross<string?>(GuessedFields.Enumerations.Keys,
        ("\"paused\"", "paused"),
        ("\"Paused\"", "Paused"),
        ("3", "3"),
        ("null", null),
        ("false", null),
        ("\"\"", null),
        ("\" \"", null));

    public static TheoryData<string, string> Unreadable => GuessedFields.Cross(GuessedFields.Enumerations.Keys, "true", "{}", "[\"queued\"]");

    [Theory]
    [MemberData(nameof(Readable))]
    public void Unknown_values_are_kept_and_none_is_null(string field, string json, string? expected)
    {
        var (value, isKnown) = GuessedFields.Enumerations[field](json);
        Assert.Equal(expected, value);
        Assert.Equal(expected is null ? null : false, isKnown);
    }

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Other_kinds_fail(string field, string json) =>
        Assert.Throws<JsonException>(() => GuessedFields.Enumerations[field](json));

    [Theory]
    [InlineData("\"queued\"", "queued")]
    [InlineData("\"RUNNING\"", "running")]
    [InlineData("\"finished\"", "finished")]
    public void Known_job_states_compare_equal_to_the_typed_values_in_any_case(string json, string wire)
    {
        var status = GuessedFields.Read<QueueJob>("status", json).Status!.Value;
        Assert.True(status.IsKnown);
        Assert.Equal(new QueueJobStatus(wire), status);
        Assert.Contains(status, new[] { QueueJobStatus.Queued, QueueJobStatus.Running, QueueJobStatus.Finished });
    }

    [Fact]
    public void Known_sources_and_event_types_are_typed()
    {
        Assert.Equal(PackageSource.Direct, GuessedFields.Read<QueueJob>("packageSource", "\"direct\"").PackageSource);
        Assert.Equal(PackageSource.Stable, GuessedFields.Read<QueueJob>("packageSource", "\"Stable\"").PackageSource);
        Assert.Equal(WebhookEventType.FirstTestFinished, GuessedFields.Read<Webhook>("eventType", "\"first_test_finished\"").EventType);
        Assert.Equal(WebhookEventType.TestFinished, GuessedFields.Read<Webhook>("eventType", "\"test_finished\"").EventType);
        Assert.NotEqual(WebhookEventType.TestFinished, WebhookEventType.FirstTestFinished);
    }

    [Fact]
    public void Equal_values_hash_alike_and_default_is_empty_and_unknown()
    {
        Assert.Equal(QueueJobStatus.Queued.GetHashCode(), new QueueJobStatus("QUEUED").GetHashCode());
        Assert.Equal(string.Empty, default(QueueJobStatus).Value);
        Assert.False(default(PackageSource).IsKnown);
        Assert.False(default(WebhookEventType).IsKnown);
        Assert.Equal("first_test_finished", WebhookEventType.FirstTestFinished.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Blank_values_cannot_be_constructed(string value)
    {
        Assert.Throws<ArgumentException>(() => new QueueJobStatus(value));
        Assert.Throws<ArgumentException>(() => new PackageSource(value));
        Assert.Throws<ArgumentException>(() => new WebhookEventType(value));
    }

    [Fact]
    public void Values_are_written_as_their_wire_strings_and_read_back()
    {
        var job = new QueueJob { Status = new QueueJobStatus("paused"), PackageSource = PackageSource.Direct };
        var json = JsonSerializer.Serialize(job, PluginTestsJsonContext.Default.QueueJob);
        Assert.Equal("""{"packageSource":"direct","status":"paused"}""", json);
        var back = GuessedFields.Read<QueueJob>(json);
        Assert.Equal(job.Status, back.Status);
        Assert.Equal(job.PackageSource, back.PackageSource);
    }

    [Fact]
    public void The_types_serialize_as_strings_in_any_serializer_options()
    {
        // Attached to the types, the public converters apply outside the SDK's own context too (here: reflection).
        var options = new JsonSerializerOptions(JsonSerializerOptions.Default) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
        Assert.Equal("\"running\"", JsonSerializer.Serialize(QueueJobStatus.Running, options));
        Assert.Equal("\"direct\"", JsonSerializer.Serialize(PackageSource.Direct, options));
        Assert.Equal("\"test_finished\"", JsonSerializer.Serialize(WebhookEventType.TestFinished, options));
        Assert.Equal(new QueueJobStatus("paused"), JsonSerializer.Deserialize<QueueJobStatus>("\"paused\"", options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<QueueJobStatus>("\"\"", options));
    }
}
