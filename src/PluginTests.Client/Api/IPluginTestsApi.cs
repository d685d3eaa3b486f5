using Refit;

namespace PluginTests.Client;

/// <summary>
/// The PluginTests API v1 as Refit declares it: the one place where its routes live (relative to the base address
/// <c>https://plugintests.com/api/v1/</c>). Generated at build time. Every method returns the raw response: the SDK's
/// pipeline decides on retries from the status, reads the body within the attempt and maps errors to typed exceptions;
/// the API key is added below, by the key handler. Internal: <see cref="PluginTestsClient"/> is the public surface.
/// </summary>
internal interface IPluginTestsApi
{
    /// <summary>GET the root: accessible resources and the key's permissions.</summary>
    [Get("/")]
    Task<HttpResponseMessage> GetRoot(CancellationToken cancellationToken);

    /// <summary>GET one plugin.</summary>
    [Get("/plugins/{directory}/{slug}")]
    Task<HttpResponseMessage> GetPlugin(string directory, string slug, CancellationToken cancellationToken);

    /// <summary>GET a plugin's test reports.</summary>
    [Get("/plugins/{directory}/{slug}/reports")]
    Task<HttpResponseMessage> ListReports(string directory, string slug, CancellationToken cancellationToken);

    /// <summary>GET one report.</summary>
    [Get("/plugins/{directory}/{slug}/reports/{reportSlug}")]
    Task<HttpResponseMessage> GetReport(string directory, string slug, string reportSlug, CancellationToken cancellationToken);

    /// <summary>GET what a plugin creates; <paramref name="collection"/> is exactly <c>tables</c> or <c>options</c>.</summary>
    [Get("/plugins/{directory}/{slug}/{collection}")]
    Task<HttpResponseMessage> ListEntities(string directory, string slug, string collection, CancellationToken cancellationToken);

    /// <summary>DELETE one of the caller's own plugins.</summary>
    [Delete("/plugins/{directory}/{slug}")]
    Task<HttpResponseMessage> DeletePlugin(string directory, string slug, CancellationToken cancellationToken);

    /// <summary>GET the current user.</summary>
    [Get("/user")]
    Task<HttpResponseMessage> GetCurrentUser(CancellationToken cancellationToken);

    /// <summary>GET the user's plugins.</summary>
    [Get("/user/plugins")]
    Task<HttpResponseMessage> ListUserPlugins(CancellationToken cancellationToken);

    /// <summary>GET the user's webhooks.</summary>
    [Get("/user/webhooks")]
    Task<HttpResponseMessage> ListWebhooks(CancellationToken cancellationToken);

    /// <summary>POST a webhook: <c>{"url", "eventType"}</c> (<c>test_finished</c>, <c>first_test_finished</c> or null for all).</summary>
    [Post("/user/webhooks")]
    Task<HttpResponseMessage> CreateWebhook([Body] CreateWebhookBody body, CancellationToken cancellationToken);

    /// <summary>GET one webhook.</summary>
    [Get("/user/webhooks/{webhookId}")]
    Task<HttpResponseMessage> GetWebhook(string webhookId, CancellationToken cancellationToken);

    /// <summary>DELETE a webhook.</summary>
    [Delete("/user/webhooks/{webhookId}")]
    Task<HttpResponseMessage> DeleteWebhook(string webhookId, CancellationToken cancellationToken);

    /// <summary>GET the test queue (restricted: most keys get 403).</summary>
    [Get("/test-queue")]
    Task<HttpResponseMessage> ListQueue(CancellationToken cancellationToken);

    /// <summary>POST a test: <c>{"directory", "slug", "priority", "packageSource", "downloadUrl"}</c>.</summary>
    [Post("/test-queue")]
    Task<HttpResponseMessage> EnqueueTest([Body] EnqueueTestBody body, CancellationToken cancellationToken);

    /// <summary>GET every table created by plugins with at least <paramref name="activeInstalls"/> (<c>10</c> or <c>500</c>) installs; streamed.</summary>
    [Get("/tablesWith{activeInstalls}installs.json")]
    Task<HttpResponseMessage> ListPluginTables(string activeInstalls, CancellationToken cancellationToken);
}
