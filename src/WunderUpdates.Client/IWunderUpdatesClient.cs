using PluginApis.Http;

namespace WunderUpdates.Client;

/// <summary>
/// The WunderUpdates API (<c>https://api.wunderupdates.com/v1/</c>): plugins and their licences, release ZIP uploads,
/// licence keys, the account and its API tokens, and the public update check WordPress sites call.
/// Arguments are checked before any request (<see cref="ArgumentException"/>). Every call can fail with
/// <see cref="WunderUpdatesException"/> (an error status), <see cref="RateLimitExceededException"/> (a wait longer than
/// allowed), <see cref="InvalidResponseException"/> (a body that is not the expected JSON or larger than the cap),
/// <see cref="HttpRequestException"/> (the service could not be reached), <see cref="TimeoutException"/> or
/// <see cref="OperationCanceledException"/>.
/// Thread-safe; mock this interface in your own tests.
/// </summary>
public interface IWunderUpdatesClient : IApiClient
{
    /// <summary>Lists your plugins (<c>GET /plugins</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<IReadOnlyList<Plugin>> ListPluginsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a plugin (<c>POST /plugins</c>) and returns it. Not retried after a transient fault, since the first attempt
    /// may have created it; a 429 (refused, so not created) is retried.
    /// </summary>
    /// <param name="slug">The plugin slug; the folder name inside its release ZIPs.</param>
    /// <param name="license">How downloads are licensed: <see cref="License.StaticKeys"/>, <see cref="License.NoLicense"/> or <see cref="License.LemonSqueezy(long[])"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<Plugin> CreatePluginAsync(string slug, License license, CancellationToken cancellationToken = default);

    /// <summary>Gets one plugin with its versions (<c>GET /plugins/{slug}</c>).</summary>
    /// <param name="slug">The plugin slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<Plugin> GetPluginAsync(string slug, CancellationToken cancellationToken = default);

    /// <summary>Changes how a plugin is licensed (<c>PUT /plugins/{slug}</c>; the licence is the only thing that can change).</summary>
    /// <param name="slug">The plugin slug.</param>
    /// <param name="license">The new licence.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<Plugin> UpdateLicenseAsync(string slug, License license, CancellationToken cancellationToken = default);

    /// <summary>Deletes a plugin and its versions (<c>DELETE /plugins/{slug}</c>).</summary>
    /// <param name="slug">The plugin slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task DeletePluginAsync(string slug, CancellationToken cancellationToken = default);

    /// <summary>Lists a plugin's uploaded versions (<c>GET /plugins/{slug}/versions</c>).</summary>
    /// <param name="slug">The plugin slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<IReadOnlyList<PluginVersion>> ListVersionsAsync(string slug, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uploads a release ZIP from disk (<c>POST /plugins/{slug}/versions</c>, raw <c>application/zip</c> body). The service reads
    /// the version from the ZIP and replaces an existing upload of the same version, so the call is retried after 429s and
    /// transient faults; the file is streamed from disk and reopened for each attempt.
    /// With <see cref="WunderUpdatesClientOptions.InspectArchivesBeforeUpload"/> (default) the ZIP is inspected first.
    /// </summary>
    /// <param name="slug">The plugin slug; the ZIP's top-level folder must be named after it.</param>
    /// <param name="zipPath">Path of the release ZIP.</param>
    /// <param name="progress">Receives the bytes sent so far in the current attempt; the last report equals the file length.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="InvalidPluginArchiveException">The ZIP would be refused by the service; nothing was sent.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<VersionUploadResult> UploadVersionAsync(string slug, string zipPath, IProgress<long>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uploads a release ZIP read from a stream, from its current position to its end. A seekable stream is inspected
    /// (see <see cref="WunderUpdatesClientOptions.InspectArchivesBeforeUpload"/>) and rewound to that position for each
    /// attempt, so retries send the full ZIP. A non-seekable stream can be read only once: it is not inspected and is sent
    /// once; if a retry would be needed the call fails and the exception message says why. The stream is not disposed.
    /// </summary>
    /// <param name="slug">The plugin slug; the ZIP's top-level folder must be named after it.</param>
    /// <param name="zip">The release ZIP.</param>
    /// <param name="progress">Receives the bytes sent so far in the current attempt.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="InvalidPluginArchiveException">The ZIP would be refused by the service; nothing was sent.</exception>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<VersionUploadResult> UploadVersionAsync(string slug, Stream zip, IProgress<long>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one uploaded version (<c>GET /plugins/{slug}/versions/{version}</c>).</summary>
    /// <param name="slug">The plugin slug.</param>
    /// <param name="version">The version, e.g. <c>1.0.0</c> or <c>2.0.0-beta.2</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<PluginVersion> GetVersionAsync(string slug, string version, CancellationToken cancellationToken = default);

    /// <summary>Deletes one uploaded version (<c>DELETE /plugins/{slug}/versions/{version}</c>).</summary>
    /// <param name="slug">The plugin slug.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task DeleteVersionAsync(string slug, string version, CancellationToken cancellationToken = default);

    /// <summary>Gets your account (prefix, activation usage) and its products (<c>GET /account</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<AccountDetails> GetAccountAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the WunderUpdates licence of your account (<c>GET /account/license</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<AccountLicense> GetAccountLicenseAsync(CancellationToken cancellationToken = default);

    /// <summary>Activates a WunderUpdates licence key on your account (<c>POST /account/license</c>). Not retried after a transient fault.</summary>
    /// <param name="licenseKey">The licence key of your WunderUpdates plan.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task ActivateAccountLicenseAsync(string licenseKey, CancellationToken cancellationToken = default);

    /// <summary>Lists the account's API tokens (<c>GET /account/tokens</c>); token values are not included.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<IReadOnlyList<ApiToken>> ListTokensAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates an API token (<c>POST /account/tokens</c>). Its value is returned only this once. Not retried after a
    /// transient fault (a second token could be created).
    /// </summary>
    /// <param name="name">A unique name of 1 to 64 characters: <c>a-z</c>, <c>0-9</c>, <c>-</c> and <c>.</c>.</param>
    /// <param name="expiresInDays">Days until it expires, 1 to 365, or -1 for never.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, too long or has other characters.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expiresInDays"/> is not 1..365 or -1.</exception>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<CreatedApiToken> CreateTokenAsync(string name, int expiresInDays, CancellationToken cancellationToken = default);

    /// <summary>Lists the licence keys of a <c>static-keys</c> plugin (<c>GET /plugins/{slug}/license/keys</c>).</summary>
    /// <param name="slug">The plugin slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<IReadOnlyList<LicenseKey>> ListLicenseKeysAsync(string slug, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces all licence keys of a <c>static-keys</c> plugin with <paramref name="keys"/> (<c>POST /plugins/{slug}/license/keys</c>;
    /// an empty list removes every key). A full replacement gives the same result when repeated, so it is retried after transient
    /// faults. The service degrades with more than about 200 kB of key data.
    /// </summary>
    /// <param name="slug">The plugin slug.</param>
    /// <param name="keys">The complete new list.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task ReplaceLicenseKeysAsync(string slug, IEnumerable<LicenseKey> keys, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds one licence key to a <c>static-keys</c> plugin (<c>PUT /plugins/{slug}/license/keys</c>). Retried after transient
    /// faults because PUT is idempotent by HTTP semantics: adding the same key again should leave one key.
    /// </summary>
    /// <param name="slug">The plugin slug.</param>
    /// <param name="key">The key to add.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task AddLicenseKeyAsync(string slug, LicenseKey key, CancellationToken cancellationToken = default);

    /// <summary>Gets one licence key of a plugin (<c>GET /plugins/{slug}/license/keys/{key}</c>).</summary>
    /// <param name="slug">The plugin slug.</param>
    /// <param name="key">The licence key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<LicenseKey> GetLicenseKeyAsync(string slug, string key, CancellationToken cancellationToken = default);

    /// <summary>Deletes one licence key of a plugin (<c>DELETE /plugins/{slug}/license/keys/{key}</c>).</summary>
    /// <param name="slug">The plugin slug.</param>
    /// <param name="key">The licence key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task DeleteLicenseKeyAsync(string slug, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks for the newest release the way a WordPress site does (<c>GET /public/{accountPrefix}/plugins/{slug}[/{channel}][?key=...]</c>).
    /// Sent without the API key. The licence key travels in the query string; it is redacted from exceptions and traces.
    /// </summary>
    /// <param name="accountPrefix">Your account prefix (<see cref="Account.Prefix"/>).</param>
    /// <param name="slug">The plugin slug.</param>
    /// <param name="channel">The least stable release to accept; null for the service's default.</param>
    /// <param name="licenseKey">A customer's licence key; without a valid one there is no download link.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <include file="CallErrors.xml" path="docs/arguments/*"/>
    /// <include file="CallErrors.xml" path="docs/call/*"/>
    Task<PluginUpdateInfo> CheckForUpdateAsync(string accountPrefix, string slug, ReleaseChannel? channel = null, string? licenseKey = null, CancellationToken cancellationToken = default);
}
