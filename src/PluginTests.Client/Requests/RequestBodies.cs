namespace PluginTests.Client;

/// <summary>The JSON body of <c>POST /user/webhooks</c>; a null event type is omitted (= all events).</summary>
internal sealed record CreateWebhookBody(string Url, string? EventType);

/// <summary>The JSON body of <c>POST /test-queue</c>.</summary>
internal sealed record EnqueueTestBody(string Directory, string Slug, int Priority, string PackageSource, string? DownloadUrl);
