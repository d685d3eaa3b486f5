using PluginApis.Http;
using Refit;
using WunderUpdates.Client.Serialization;
using Args = WunderUpdates.Client.WunderUpdatesArguments;
using Ops = WunderUpdates.Client.WunderUpdatesOperations;

namespace WunderUpdates.Client;

/// <summary>
/// The WunderUpdates API client. Each method checks its arguments, then calls the generated Refit interface inside the
/// SDK's pipeline: the <c>x-api-key</c> header (never on the public update check), proactive throttling, 429 retries and
/// (for idempotent calls) transient-fault retries, <see cref="WunderUpdatesException"/> for error answers.
/// Thread-safe; create one and reuse it.
/// </summary>
public sealed class WunderUpdatesClient : ApiClient, IWunderUpdatesClient
{
    /// <summary>The name of the HTTP header that carries the API key.</summary>
    public const string ApiKeyHeaderName = "x-api-key";

    private static readonly RefitSettings Settings = ApiClientCore.RefitSettingsFor(WunderUpdatesJsonContext.Default);
    private static readonly WunderUpdatesJsonContext Json = WunderUpdatesJsonContext.Default;

    private readonly IWunderUpdatesApi _api;
    private readonly bool _inspectArchives;

    /// <summary>Creates a client for <c>https://api.wunderupdates.com/v1/</c> with default settings.</summary>
    /// <param name="apiKey">Your WunderUpdates API key.</param>
    /// <exception cref="ArgumentException">The key is blank or holds a character that is not printable ASCII.</exception>
    public WunderUpdatesClient(string apiKey)
        : this(new WunderUpdatesClientOptions { ApiKey = apiKey })
    {
    }

    /// <summary>Creates a client with the given settings over a new pooled socket handler (no redirects, no cookies).</summary>
    /// <param name="options">The settings (validated here).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The settings are invalid; the message lists every problem.</exception>
    public WunderUpdatesClient(WunderUpdatesClientOptions options)
        : this(ApiClientCore.Create(options, WunderUpdatesErrors.Service, transport: null), options)
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="transport"/> (a test handler, the emulator's handler, or your own
    /// <see cref="SocketsHttpHandler"/>). The transport is not disposed with the client.
    /// </summary>
    /// <param name="options">The settings (validated here).</param>
    /// <param name="transport">The innermost handler; redirects and cookies are turned off on a <see cref="SocketsHttpHandler"/> or <see cref="HttpClientHandler"/> (the key must not follow a redirect; the client is stateless).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="transport"/> is null.</exception>
    /// <exception cref="ArgumentException">The settings are invalid, or the transport follows redirects or keeps cookies and was already used.</exception>
    public WunderUpdatesClient(WunderUpdatesClientOptions options, HttpMessageHandler transport)
        : this(ApiClientCore.Create(options, WunderUpdatesErrors.Service, transport ?? throw new ArgumentNullException(nameof(transport))), options)
    {
    }

    internal WunderUpdatesClient(ApiClientCore core, WunderUpdatesClientOptions options)
        : base(core)
    {
        _api = RestService.ForGenerated<IWunderUpdatesApi>(core.HttpClient, Settings);
        _inspectArchives = options.InspectArchivesBeforeUpload;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<HostedPlugin>> ListPluginsAsync(CancellationToken cancellationToken = default) =>
        Then(Caller.ReadAsync(ApiCall.Start(Ops.ListPlugins), _api, static (api, _, ct) => api.ListPlugins(ct), Json.PluginListEnvelope, cancellationToken), static IReadOnlyList<HostedPlugin> (e) => e.Plugins!);

    /// <inheritdoc />
    public Task<HostedPlugin> CreatePluginAsync(string slug, License license, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(slug);
        var body = new CreatePluginBody(slug, Args.License(license, nameof(license)));
        return Then(Caller.ReadAsync(ApiCall.Start(Ops.CreatePlugin), (_api, body), static (a, _, ct) => a._api.CreatePlugin(a.body, ct), Json.PluginDataEnvelope, cancellationToken), static e => e.Data![0]);
    }

    /// <inheritdoc />
    public Task<HostedPlugin> GetPluginAsync(string slug, CancellationToken cancellationToken = default)
    {
        PathValue.Check(slug);
        return Then(Caller.ReadAsync(ApiCall.Start(Ops.GetPlugin), (_api, slug), static (a, _, ct) => a._api.GetPlugin(a.slug, ct), Json.PluginEnvelope, cancellationToken), static e => e.Plugin!);
    }

    /// <inheritdoc />
    public Task<HostedPlugin> UpdateLicenseAsync(string slug, License license, CancellationToken cancellationToken = default)
    {
        PathValue.Check(slug);
        var body = new UpdateLicenseBody(Args.License(license, nameof(license)));
        return Then(Caller.ReadAsync(ApiCall.Start(Ops.UpdateLicense), (_api, slug, body), static (a, _, ct) => a._api.UpdateLicense(a.slug, a.body, ct), Json.PluginEnvelope, cancellationToken), static e => e.Plugin!);
    }

    /// <inheritdoc />
    public Task DeletePluginAsync(string slug, CancellationToken cancellationToken = default)
    {
        PathValue.Check(slug);
        return Caller.SendAsync(ApiCall.Start(Ops.DeletePlugin), (_api, slug), static (a, _, ct) => a._api.DeletePlugin(a.slug, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PluginVersion>> ListVersionsAsync(string slug, CancellationToken cancellationToken = default)
    {
        PathValue.Check(slug);
        return Then(Caller.ReadAsync(ApiCall.Start(Ops.ListVersions), (_api, slug), static (a, _, ct) => a._api.ListVersions(a.slug, ct), Json.VersionListEnvelope, cancellationToken), static IReadOnlyList<PluginVersion> (e) => e.Versions!);
    }

    /// <inheritdoc />
    public Task<VersionUploadResult> UploadVersionAsync(string slug, string zipPath, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        PathValue.Check(slug);
        return UploadAsync(slug, ReleaseUpload.FromFile(slug, zipPath, _inspectArchives, progress), cancellationToken);
    }

    /// <inheritdoc />
    public Task<VersionUploadResult> UploadVersionAsync(string slug, Stream zip, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        PathValue.Check(slug);
        return UploadAsync(slug, ReleaseUpload.FromStream(slug, zip, _inspectArchives, progress), cancellationToken);
    }

    /// <inheritdoc />
    public Task<PluginVersion> GetVersionAsync(string slug, string version, CancellationToken cancellationToken = default)
    {
        PathValue.Check(slug);
        PathValue.Check(version);
        return Then(Caller.ReadAsync(ApiCall.Start(Ops.GetVersion), (_api, slug, version), static (a, _, ct) => a._api.GetVersion(a.slug, a.version, ct), Json.VersionEnvelope, cancellationToken), static e => e.Version!);
    }

    /// <inheritdoc />
    public Task DeleteVersionAsync(string slug, string version, CancellationToken cancellationToken = default)
    {
        PathValue.Check(slug);
        PathValue.Check(version);
        return Caller.SendAsync(ApiCall.Start(Ops.DeleteVersion), (_api, slug, version), static (a, _, ct) => a._api.DeleteVersion(a.slug, a.version, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<AccountDetails> GetAccountAsync(CancellationToken cancellationToken = default) =>
        Then(Caller.ReadAsync(ApiCall.Start(Ops.GetAccount), _api, static (api, _, ct) => api.GetAccount(ct), Json.AccountEnvelope, cancellationToken),
            static e => new AccountDetails { Account = e.Account!, Products = e.Products ?? new AccountProducts() });

    /// <inheritdoc />
    public Task<AccountLicense> GetAccountLicenseAsync(CancellationToken cancellationToken = default) =>
        Then(Caller.ReadAsync(ApiCall.Start(Ops.GetAccountLicense), _api, static (api, _, ct) => api.GetAccountLicense(ct), Json.AccountLicenseEnvelope, cancellationToken), static e => e.License!);

    /// <inheritdoc />
    public Task ActivateAccountLicenseAsync(string licenseKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(licenseKey);
        var body = new ActivateLicenseBody(licenseKey);
        return Caller.SendAsync(ApiCall.Start(Ops.ActivateAccountLicense, secrets: [licenseKey]), (_api, body), static (a, _, ct) => a._api.ActivateAccountLicense(a.body, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ApiToken>> ListTokensAsync(CancellationToken cancellationToken = default) =>
        Then(Caller.ReadAsync(ApiCall.Start(Ops.ListTokens), _api, static (api, _, ct) => api.ListTokens(ct), Json.TokenListEnvelope, cancellationToken), static IReadOnlyList<ApiToken> (e) => e.Tokens!);

    /// <inheritdoc />
    public async Task<CreatedApiToken> CreateTokenAsync(string name, int expiresInDays, CancellationToken cancellationToken = default)
    {
        Args.TokenName(name);
        Args.TokenExpiry(expiresInDays);
        var body = new CreateTokenBody(name, expiresInDays);
        using var document = await Caller.ReadDocumentAsync(ApiCall.Start(Ops.CreateToken), (_api, body), static (a, _, ct) => a._api.CreateToken(a.body, ct), cancellationToken).ConfigureAwait(false);
        var response = document?.RootElement.Clone() ?? default;
        return new CreatedApiToken { Name = name, ExpiresInDays = expiresInDays, Value = CreatedTokenReader.FindValue(response), Response = response };
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LicenseKey>> ListLicenseKeysAsync(string slug, CancellationToken cancellationToken = default)
    {
        PathValue.Check(slug);
        return Then(Caller.ReadAsync(ApiCall.Start(Ops.ListLicenseKeys), (_api, slug), static (a, _, ct) => a._api.ListLicenseKeys(a.slug, ct), Json.LicenseKeyListEnvelope, cancellationToken), static IReadOnlyList<LicenseKey> (e) => e.Keys!);
    }

    /// <inheritdoc />
    public Task ReplaceLicenseKeysAsync(string slug, IEnumerable<LicenseKey> keys, CancellationToken cancellationToken = default)
    {
        PathValue.Check(slug);
        ArgumentNullException.ThrowIfNull(keys);
        var list = keys.ToArray();
        foreach (var key in list)
        {
            Args.LicenseKey(key, nameof(keys));
        }

        var call = ApiCall.Start(Ops.ReplaceLicenseKeys, secrets: Array.ConvertAll(list, k => k.Key));
        return Caller.SendAsync(call, (_api, slug, body: new ReplaceLicenseKeysBody(list)), static (a, _, ct) => a._api.ReplaceLicenseKeys(a.slug, a.body, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task AddLicenseKeyAsync(string slug, LicenseKey key, CancellationToken cancellationToken = default)
    {
        PathValue.Check(slug);
        Args.LicenseKey(key, nameof(key));
        return Caller.SendAsync(ApiCall.Start(Ops.AddLicenseKey, secrets: [key.Key]), (_api, slug, key), static (a, _, ct) => a._api.AddLicenseKey(a.slug, a.key, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<LicenseKey> GetLicenseKeyAsync(string slug, string key, CancellationToken cancellationToken = default)
    {
        PathValue.Check(slug);
        PathValue.Check(key);
        var call = ApiCall.Start(Ops.GetLicenseKey, secrets: [key]);
        return Then(Caller.ReadAsync(call, (_api, slug, key), static (a, _, ct) => a._api.GetLicenseKey(a.slug, a.key, ct), Json.LicenseKeyEnvelope, cancellationToken), static e => e.LicenseKey!);
    }

    /// <inheritdoc />
    public Task DeleteLicenseKeyAsync(string slug, string key, CancellationToken cancellationToken = default)
    {
        PathValue.Check(slug);
        PathValue.Check(key);
        return Caller.SendAsync(ApiCall.Start(Ops.DeleteLicenseKey, secrets: [key]), (_api, slug, key), static (a, _, ct) => a._api.DeleteLicenseKey(a.slug, a.key, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<PluginUpdateInfo> CheckForUpdateAsync(string accountPrefix, string slug, ReleaseChannel? channel = null, string? licenseKey = null, CancellationToken cancellationToken = default)
    {
        PathValue.Check(accountPrefix);
        PathValue.Check(slug);
        var wire = channel is { } c ? Args.Channel(c) : null;
        if (licenseKey is not null && string.IsNullOrWhiteSpace(licenseKey))
        {
            throw new ArgumentException("The licence key must not be empty or whitespace; pass null to check without one.", nameof(licenseKey));
        }

        // A public endpoint: the API key must not leave the vendor's side, so the Refit method marks it anonymous.
        var call = ApiCall.Start(Ops.CheckForUpdate, secrets: licenseKey is null ? null : [licenseKey]);
        return Caller.ReadAsync(call, (_api, accountPrefix, slug, wire, licenseKey), static (a, _, ct) => a.wire is null
            ? a._api.CheckForUpdate(a.accountPrefix, a.slug, a.licenseKey, anonymous: true, ct)
            : a._api.CheckForUpdateOnChannel(a.accountPrefix, a.slug, a.wire, a.licenseKey, anonymous: true, ct), Json.PluginUpdateInfo, cancellationToken);
    }

    private async Task<VersionUploadResult> UploadAsync(string slug, ReleaseUpload upload, CancellationToken cancellationToken)
    {
        var call = ApiCall.Start(Ops.UploadVersion, body: upload.Body, replayable: upload.IsReplayable);
        var envelope = await Caller.ReadAsync(call, (_api, slug, upload.Expect), static (a, call, ct) => a._api.UploadVersion(a.slug, call.CreateBody(), a.Expect, ct), Json.MessageEnvelope, cancellationToken).ConfigureAwait(false);
        return new VersionUploadResult { Message = envelope.Message, Archive = upload.Archive, Size = upload.Size };
    }

    private static async Task<TResult> Then<T, TResult>(Task<T> task, Func<T, TResult> map) => map(await task.ConfigureAwait(false));
}
