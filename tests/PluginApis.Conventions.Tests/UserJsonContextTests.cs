using System.Text.Json;
using PluginTests.Client;
using WunderUpdates.Client;

namespace PluginApis.Conventions.Tests;

/// <summary>The models in a user's own source-generated context: enumerations and expiries keep their wire form.</summary>
public sealed class UserJsonContextTests
{
    [Fact]
    public void A_job_round_trips_with_its_enumerations_as_strings()
    {
        var job = new QueueJob { Id = "42", Status = QueueJobStatus.Running, PackageSource = new PackageSource("svn"), QueuedAt = DateTimeOffset.UnixEpoch.AddDays(20000) };

        var json = JsonSerializer.Serialize(job, UserJsonContext.Default.QueueJob);
        var back = JsonSerializer.Deserialize(json, UserJsonContext.Default.QueueJob)!;

        Assert.Contains("\"status\":\"running\"", json, StringComparison.Ordinal);
        Assert.Contains("\"packageSource\":\"svn\"", json, StringComparison.Ordinal);
        Assert.Equal((job.Id, job.Status, job.PackageSource, job.QueuedAt), (back.Id, back.Status, back.PackageSource, back.QueuedAt));
    }

    [Fact]
    public void A_webhook_and_a_table_round_trip()
    {
        var hook = new Webhook { Id = "7", EventType = WebhookEventType.FirstTestFinished, Url = new Uri("https://h.example/x") };
        var entity = new PluginEntity { Name = "wp_x", Columns = [new TableColumn { Name = "id", Type = "int" }] };

        var hookBack = JsonSerializer.Deserialize(JsonSerializer.Serialize(hook, UserJsonContext.Default.Webhook), UserJsonContext.Default.Webhook)!;
        var entityBack = JsonSerializer.Deserialize(JsonSerializer.Serialize(entity, UserJsonContext.Default.PluginEntity), UserJsonContext.Default.PluginEntity)!;

        Assert.Equal(WebhookEventType.FirstTestFinished, hookBack.EventType);
        Assert.Equal("id int", Assert.Single(entityBack.Columns).ToString());
    }

    [Theory]
    [InlineData("-1", "never")]
    [InlineData("30", "30 days")]
    [InlineData("\"2026-12-31\"", "2026-12-31T00:00:00.0000000+00:00")]
    public void A_token_expiry_round_trips(string json, string expected)
    {
        var token = JsonSerializer.Deserialize($$"""{"name":"ci","expires":{{json}}}""", UserJsonContext.Default.ApiToken)!;
        var back = JsonSerializer.Deserialize(JsonSerializer.Serialize(token, UserJsonContext.Default.ApiToken), UserJsonContext.Default.ApiToken)!;

        Assert.Equal(expected, token.Expires!.ToString());
        Assert.Equal(token.Expires, back.Expires);
    }
}
