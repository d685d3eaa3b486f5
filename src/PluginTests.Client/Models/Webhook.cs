using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginTests.Client;

/// <summary>A webhook of the current user. The shape is the project's guess, read tolerantly.</summary>
public sealed class Webhook
{
    /// <summary>
    /// The webhook id, used by <see cref="IPluginTestsClient.GetWebhookAsync"/> and <see cref="IPluginTestsClient.DeleteWebhookAsync"/>
    /// (a numeric id such as <c>7</c> is kept as its text, <c>"7"</c>).
    /// </summary>
    public string? Id { get; init; }

    /// <summary>The URL that receives the events.</summary>
    public Uri? Url { get; init; }

    /// <summary>
    /// The event type: <see cref="WebhookEventType.TestFinished"/>, <see cref="WebhookEventType.FirstTestFinished"/>, a value
    /// this SDK does not know yet, or null for all events.
    /// </summary>
    public WebhookEventType? EventType { get; init; }

    /// <summary>When the webhook was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Fields the service sent that this model does not know; nothing is lost.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
