using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginTests.Client;

/// <summary>A webhook of the current user.</summary>
public sealed class Webhook
{
    /// <summary>The webhook id, used by <see cref="IPluginTestsClient.GetWebhookAsync"/> and <see cref="IPluginTestsClient.DeleteWebhookAsync"/>.</summary>
    public string? Id { get; init; }

    /// <summary>The URL that receives the events.</summary>
    public Uri? Url { get; init; }

    /// <summary>
    /// The event type as the service sends it: <c>test_finished</c>, <c>first_test_finished</c>, null for all events,
    /// or a value this SDK does not know yet.
    /// </summary>
    public string? EventType { get; init; }

    /// <summary>When the webhook was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Fields the service sent that this model does not know; nothing is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalData { get; set; }
}
