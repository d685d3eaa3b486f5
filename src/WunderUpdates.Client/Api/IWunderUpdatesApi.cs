using PluginApis.Http;
using Refit;
using WunderUpdates.Client.Serialization;

namespace WunderUpdates.Client;

/// <summary>
/// The WunderUpdates API v1 as Refit declares it: the one place where its routes live (relative to the base address
/// <c>https://api.wunderupdates.com/v1/</c>). Generated at build time. Every method returns the raw response: the SDK's
/// pipeline decides on retries from the status, reads the body within the attempt and maps errors to typed exceptions;
/// the <c>x-api-key</c> header is added below, by the key handler (not on the public update check).
/// Internal: <see cref="WunderUpdatesClient"/> is the public surface.
/// </summary>
internal interface IWunderUpdatesApi
{
    /// <summary>GET the account's plugins.</summary>
    [Get("/plugins")]
    Task<HttpResponseMessage> ListPlugins(CancellationToken cancellationToken);

    /// <summary>POST a plugin: <c>{"slug", "license": {"type", "products"}}</c>.</summary>
    [Post("/plugins")]
    Task<HttpResponseMessage> CreatePlugin([Body] CreatePluginBody body, CancellationToken cancellationToken);

    /// <summary>GET one plugin.</summary>
    [Get("/plugins/{slug}")]
    Task<HttpResponseMessage> GetPlugin(string slug, CancellationToken cancellationToken);

    /// <summary>PUT a plugin's licence (the only thing that can change): <c>{"license": {...}}</c>.</summary>
    [Put("/plugins/{slug}")]
    Task<HttpResponseMessage> UpdateLicense(string slug, [Body] UpdateLicenseBody body, CancellationToken cancellationToken);

    /// <summary>DELETE a plugin.</summary>
    [Delete("/plugins/{slug}")]
    Task<HttpResponseMessage> DeletePlugin(string slug, CancellationToken cancellationToken);

    /// <summary>GET a plugin's versions.</summary>
    [Get("/plugins/{slug}/versions")]
    Task<HttpResponseMessage> ListVersions(string slug, CancellationToken cancellationToken);

    /// <summary>
    /// POST a release ZIP as the raw body (<c>application/zip</c>); replaces an upload of the same version.
    /// <paramref name="expect"/> is <c>100-continue</c> for large bodies, so a refusal (413) comes before the body is sent.
    /// </summary>
    [Post("/plugins/{slug}/versions")]
    Task<HttpResponseMessage> UploadVersion(string slug, [Body] HttpContent zip, [Header("Expect")] string? expect, CancellationToken cancellationToken);

    /// <summary>GET one version.</summary>
    [Get("/plugins/{slug}/versions/{version}")]
    Task<HttpResponseMessage> GetVersion(string slug, string version, CancellationToken cancellationToken);

    /// <summary>DELETE one version.</summary>
    [Delete("/plugins/{slug}/versions/{version}")]
    Task<HttpResponseMessage> DeleteVersion(string slug, string version, CancellationToken cancellationToken);

    /// <summary>GET the account.</summary>
    [Get("/account")]
    Task<HttpResponseMessage> GetAccount(CancellationToken cancellationToken);

    /// <summary>GET the account's licence.</summary>
    [Get("/account/license")]
    Task<HttpResponseMessage> GetAccountLicense(CancellationToken cancellationToken);

    /// <summary>POST a licence key for the account: <c>{"license": "KEY"}</c>.</summary>
    [Post("/account/license")]
    Task<HttpResponseMessage> ActivateAccountLicense([Body] ActivateLicenseBody body, CancellationToken cancellationToken);

    /// <summary>GET the account's API tokens.</summary>
    [Get("/account/tokens")]
    Task<HttpResponseMessage> ListTokens(CancellationToken cancellationToken);

    /// <summary>POST a token: <c>{"name", "expires"}</c>; its value is shown once, in the answer.</summary>
    [Post("/account/tokens")]
    Task<HttpResponseMessage> CreateToken([Body] CreateTokenBody body, CancellationToken cancellationToken);

    /// <summary>GET a static-keys plugin's licence keys.</summary>
    [Get("/plugins/{slug}/license/keys")]
    Task<HttpResponseMessage> ListLicenseKeys(string slug, CancellationToken cancellationToken);

    /// <summary>POST the whole list of licence keys (replaces it): <c>{"keys": [...]}</c>.</summary>
    [Post("/plugins/{slug}/license/keys")]
    Task<HttpResponseMessage> ReplaceLicenseKeys(string slug, [Body] ReplaceLicenseKeysBody body, CancellationToken cancellationToken);

    /// <summary>PUT one licence key: <c>{"key", "expires"}</c>.</summary>
    [Put("/plugins/{slug}/license/keys")]
    Task<HttpResponseMessage> AddLicenseKey(string slug, [Body] LicenseKey body, CancellationToken cancellationToken);

    /// <summary>GET one licence key.</summary>
    [Get("/plugins/{slug}/license/keys/{key}")]
    Task<HttpResponseMessage> GetLicenseKey(string slug, string key, CancellationToken cancellationToken);

    /// <summary>DELETE one licence key.</summary>
    [Delete("/plugins/{slug}/license/keys/{key}")]
    Task<HttpResponseMessage> DeleteLicenseKey(string slug, string key, CancellationToken cancellationToken);

    /// <summary>GET what WordPress sites call to check for an update (<paramref name="anonymous"/>: no API key; <paramref name="key"/> is a customer's licence key).</summary>
    [Get("/public/{accountPrefix}/plugins/{slug}")]
    Task<HttpResponseMessage> CheckForUpdate(string accountPrefix, string slug, [Query] string? key, [Property(ApiKeyHandler.AnonymousOption)] bool anonymous, CancellationToken cancellationToken);

    /// <summary>The same check on a release channel (<c>alpha</c>, <c>beta</c>, <c>rc</c>, <c>stable</c>).</summary>
    [Get("/public/{accountPrefix}/plugins/{slug}/{channel}")]
    Task<HttpResponseMessage> CheckForUpdateOnChannel(string accountPrefix, string slug, string channel, [Query] string? key, [Property(ApiKeyHandler.AnonymousOption)] bool anonymous, CancellationToken cancellationToken);
}
