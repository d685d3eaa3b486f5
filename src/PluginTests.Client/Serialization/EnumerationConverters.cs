using PluginApis.Http.Json;

namespace PluginTests.Client;

// The guessed enumeration properties as the SDK reads them (registered in PluginTestsJsonContext, ahead of the types'
// own converters): any value is kept, known or not, and "", null and false read as null.

internal sealed class OptionalQueueJobStatusConverter : OptionalWireValueConverter<QueueJobStatus>
{
    protected override QueueJobStatus Create(string text) => new(text);

    protected override string ToText(QueueJobStatus value) => value.Value;
}

internal sealed class OptionalPackageSourceConverter : OptionalWireValueConverter<PackageSource>
{
    protected override PackageSource Create(string text) => new(text);

    protected override string ToText(PackageSource value) => value.Value;
}

internal sealed class OptionalWebhookEventTypeConverter : OptionalWireValueConverter<WebhookEventType>
{
    protected override WebhookEventType Create(string text) => new(text);

    protected override string ToText(WebhookEventType value) => value.Value;
}
