using System.Text.Json;
using PluginApis.Http;
using WunderUpdates.Client.Serialization;

namespace WunderUpdates.Client;

/// <summary>
/// The WunderUpdates API client. Authenticates with the <c>x-api-key</c> header, retries 429s and (for idempotent calls)
/// transient faults, and throws <see cref="WunderUpdatesException"/> for error answers. Thread-safe; create one and reuse it.
/// </summary>
public sealed class WunderUpdatesClient : IWunderUpdatesClient, IDisposable
{
    /// <summary>The name of the HTTP header that carries the API key.</summary>
    public const string ApiKeyHeaderName = "x-api-key";

    private const int MaxTokenNameLength = 64;

    private static readonly WunderUpdatesJsonContext Json = WunderUpdatesJsonContext.Default;

    private readonly ApiConnection _connection;
    private readonly bool _inspectArchives;

    /// <summary>Creates a client for <c>https://api.wunderupdates.com/v1/</c> with default settings.</summary>
    /// <param name="apiKey">Your WunderUpdates API key.</param>
    /// <exception cref="ArgumentException">The key is empty.</exception>
    public WunderUpdatesClient(string apiKey)
        : this(new WunderUpdatesClientOptions { ApiKey = apiKey })
    {
    }

    /// <summary>Creates a client with the given settings over a new pooled socket handler.</summary>
    /// <param name="options">The settings (validated here).</param>
    /// <exception cref="ArgumentException">The settings are invalid; the message lists every problem.</exception>
    public WunderUpdatesClient(WunderUpdatesClientOptions options)
    {
        _connection = Connect(options, transport: null);
        _inspectArchives = options.InspectArchivesBeforeUpload;
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="transport"/> (a test handler, the emulator's handler, or your own
    /// <see cref="SocketsHttpHandler"/>). The transport is not disposed with the client.
    /// </summary>
    /// <param name="options">The settings (validated here).</param>
    /// <param name="transport">The innermost handler.</param>
    /// <exception cref="ArgumentException">The settings are invalid; the message lists every problem.</exception>
    public WunderUpdatesClient(WunderUpdatesClientOptions options, HttpMessageHandler transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _connection = Connect(options, transport);
        _inspectArchives = options.InspectArchivesBeforeUpload;
    }

    /// <summary>Creates a client over an <see cref="IHttpClientFactory"/> client; used by <see cref="WunderUpdatesServiceCollectionExtensions"/>.</summary>
    /// <param name="parts">The validated options, the factory's HttpClient (its chain holds the SDK handlers) and the rate-limit tracker.</param>
    public WunderUpdatesClient(ApiClientParts<WunderUpdatesClientOptions> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        _connection = ApiConnection.Create(parts, WunderUpdatesErrors.Service);
        _inspectArchives = parts.Options.InspectArchivesBeforeUpload;
    }

    /// <inheritdoc />
    public RateLimitInfo? LastRateLimit => _connection.LastRateLimit;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Plugin>> ListPluginsAsync(CancellationToken cancellationToken = default)
    {
        var envelope = await _connection.SendAsync(new ApiRequest(HttpMethod.Get, "plugins", "ListPlugins"), Json.PluginListEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope.Plugins!;
    }

    /// <inheritdoc />
    public async Task<Plugin> CreatePluginAsync(string slug, License license, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(slug);
        var body = new CreatePluginBody(slug, ToBody(license));
        var request = new ApiRequest(HttpMethod.Post, "plugins", "CreatePlugin")
        {
            ContentFactory = ApiRequest.JsonBody(body, Json.CreatePluginBody),
        };
        var envelope = await _connection.SendAsync(request, Json.PluginDataEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope.Data![0];
    }

    /// <inheritdoc />
    public async Task<Plugin> GetPluginAsync(string slug, CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(HttpMethod.Get, PluginPath(slug), "GetPlugin");
        var envelope = await _connection.SendAsync(request, Json.PluginEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope.Plugin!;
    }

    /// <inheritdoc />
    public async Task<Plugin> UpdateLicenseAsync(string slug, License license, CancellationToken cancellationToken = default)
    {
        var path = PluginPath(slug);
        var body = new UpdateLicenseBody(ToBody(license));
        var request = new ApiRequest(HttpMethod.Put, path, "UpdateLicense")
        {
            ContentFactory = ApiRequest.JsonBody(body, Json.UpdateLicenseBody),
        };
        var envelope = await _connection.SendAsync(request, Json.PluginEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope.Plugin!;
    }

    /// <inheritdoc />
    public Task DeletePluginAsync(string slug, CancellationToken cancellationToken = default) =>
        SendAsync(new ApiRequest(HttpMethod.Delete, PluginPath(slug), "DeletePlugin"), cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<PluginVersion>> ListVersionsAsync(string slug, CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(HttpMethod.Get, PluginPath(slug) + "/versions", "ListVersions");
        var envelope = await _connection.SendAsync(request, Json.VersionListEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope.Versions!;
    }

    /// <inheritdoc />
    public async Task<VersionUploadResult> UploadVersionAsync(string slug, string zipPath, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var path = PluginPath(slug) + "/versions";
        ArgumentException.ThrowIfNullOrWhiteSpace(zipPath);
        var fullPath = Path.GetFullPath(zipPath);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"The release ZIP '{zipPath}' does not exist.", fullPath);
        }

        var archive = _inspectArchives ? InspectFor(slug, PluginArchive.Inspect(fullPath)) : null;
        return await UploadAsync(path, () => new ZipUploadContent(OpenForUpload(fullPath), start: 0, ownsSource: true, progress), replayable: true, archive, new FileInfo(fullPath).Length, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<VersionUploadResult> UploadVersionAsync(string slug, Stream zip, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var path = PluginPath(slug) + "/versions";
        ArgumentNullException.ThrowIfNull(zip);
        if (!zip.CanRead)
        {
            throw new ArgumentException("The ZIP stream must be readable.", nameof(zip));
        }

        // A non-seekable stream can be read only once: inspecting it would consume it, so it is sent as it is and never re-sent.
        var seekable = zip.CanSeek;
        var start = seekable ? zip.Position : 0;
        var archive = seekable && _inspectArchives ? InspectFor(slug, PluginArchive.Inspect(start == 0 ? zip : new StreamWindow(zip, start))) : null;
        long? size = seekable ? Math.Max(0, zip.Length - start) : null;
        return await UploadAsync(path, () => new ZipUploadContent(zip, start, ownsSource: false, progress), seekable, archive, size, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<PluginVersion> GetVersionAsync(string slug, string version, CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(HttpMethod.Get, VersionPath(slug, version), "GetVersion");
        var envelope = await _connection.SendAsync(request, Json.VersionEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope.Version!;
    }

    /// <inheritdoc />
    public Task DeleteVersionAsync(string slug, string version, CancellationToken cancellationToken = default) =>
        SendAsync(new ApiRequest(HttpMethod.Delete, VersionPath(slug, version), "DeleteVersion"), cancellationToken);

    /// <inheritdoc />
    public async Task<AccountDetails> GetAccountAsync(CancellationToken cancellationToken = default)
    {
        var envelope = await _connection.SendAsync(new ApiRequest(HttpMethod.Get, "account", "GetAccount"), Json.AccountEnvelope, cancellationToken).ConfigureAwait(false);
        return new AccountDetails { Account = envelope.Account!, Products = envelope.Products ?? new AccountProducts() };
    }

    /// <inheritdoc />
    public async Task<AccountLicense> GetAccountLicenseAsync(CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(HttpMethod.Get, "account/license", "GetAccountLicense");
        var envelope = await _connection.SendAsync(request, Json.AccountLicenseEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope.License!;
    }

    /// <inheritdoc />
    public Task ActivateAccountLicenseAsync(string licenseKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(licenseKey);
        var request = new ApiRequest(HttpMethod.Post, "account/license", "ActivateAccountLicense")
        {
            Secrets = [licenseKey],
            ContentFactory = ApiRequest.JsonBody(new ActivateLicenseBody(licenseKey), Json.ActivateLicenseBody),
        };
        return SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiToken>> ListTokensAsync(CancellationToken cancellationToken = default)
    {
        var envelope = await _connection.SendAsync(new ApiRequest(HttpMethod.Get, "account/tokens", "ListTokens"), Json.TokenListEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope.Tokens!;
    }

    /// <inheritdoc />
    public async Task<CreatedApiToken> CreateTokenAsync(string name, int expiresInDays, CancellationToken cancellationToken = default)
    {
        ValidateTokenName(name);
        if (expiresInDays != -1 && expiresInDays is < 1 or > 365)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresInDays), expiresInDays, "A token expires in 1 to 365 days, or -1 for never.");
        }

        var request = new ApiRequest(HttpMethod.Post, "account/tokens", "CreateToken")
        {
            ContentFactory = ApiRequest.JsonBody(new CreateTokenBody(name, expiresInDays), Json.CreateTokenBody),
        };
        using var document = await _connection.SendForDocumentAsync(request, cancellationToken).ConfigureAwait(false);
        var response = document?.RootElement.Clone() ?? default;
        return new CreatedApiToken { Name = name, ExpiresInDays = expiresInDays, Value = FindTokenValue(response), Response = response };
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<LicenseKey>> ListLicenseKeysAsync(string slug, CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(HttpMethod.Get, KeysPath(slug), "ListLicenseKeys");
        var envelope = await _connection.SendAsync(request, Json.LicenseKeyListEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope.Keys!;
    }

    /// <inheritdoc />
    public Task ReplaceLicenseKeysAsync(string slug, IEnumerable<LicenseKey> keys, CancellationToken cancellationToken = default)
    {
        var path = KeysPath(slug);
        ArgumentNullException.ThrowIfNull(keys);
        var list = keys.ToArray();
        foreach (var key in list)
        {
            ValidateLicenseKey(key, nameof(keys));
        }

        var request = new ApiRequest(HttpMethod.Post, path, "ReplaceLicenseKeys")
        {
            // POST here replaces the whole list: repeating it gives the same result.
            IsIdempotent = true,
            Secrets = Array.ConvertAll(list, k => k.Key),
            ContentFactory = ApiRequest.JsonBody(new ReplaceLicenseKeysBody(list), Json.ReplaceLicenseKeysBody),
        };
        return SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public Task AddLicenseKeyAsync(string slug, LicenseKey key, CancellationToken cancellationToken = default)
    {
        var path = KeysPath(slug);
        ValidateLicenseKey(key, nameof(key));
        var request = new ApiRequest(HttpMethod.Put, path, "AddLicenseKey")
        {
            Secrets = [key.Key],
            ContentFactory = ApiRequest.JsonBody(key, Json.LicenseKey),
        };
        return SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<LicenseKey> GetLicenseKeyAsync(string slug, string key, CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(HttpMethod.Get, KeyPath(slug, key), "GetLicenseKey") { Secrets = [key] };
        var envelope = await _connection.SendAsync(request, Json.LicenseKeyEnvelope, cancellationToken).ConfigureAwait(false);
        return envelope.LicenseKey!;
    }

    /// <inheritdoc />
    public Task DeleteLicenseKeyAsync(string slug, string key, CancellationToken cancellationToken = default) =>
        SendAsync(new ApiRequest(HttpMethod.Delete, KeyPath(slug, key), "DeleteLicenseKey") { Secrets = [key] }, cancellationToken);

    /// <inheritdoc />
    public Task<PluginUpdateInfo> CheckForUpdateAsync(string accountPrefix, string slug, ReleaseChannel? channel = null, string? licenseKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountPrefix);
        ArgumentException.ThrowIfNullOrWhiteSpace(slug);
        var path = "public/" + ApiUri.EscapeSegment(accountPrefix) + "/plugins/" + ApiUri.EscapeSegment(slug);
        if (channel is { } c)
        {
            path += "/" + ChannelValue(c);
        }

        if (licenseKey is not null && string.IsNullOrWhiteSpace(licenseKey))
        {
            throw new ArgumentException("The licence key must not be empty or whitespace; pass null to check without one.", nameof(licenseKey));
        }

        // A public endpoint: the API key must not leave the vendor's side, so it is not sent here.
        var request = new ApiRequest(HttpMethod.Get, path, "CheckForUpdate") { Anonymous = true, Secrets = licenseKey is null ? null : [licenseKey] };
        if (licenseKey is not null)
        {
            request.WithQuery("key", licenseKey);
        }

        return _connection.SendAsync(request, Json.PluginUpdateInfo, cancellationToken);
    }

    /// <inheritdoc />
    public Task<JsonDocument?> SendRawAsync(HttpMethod method, string relativePath, CancellationToken cancellationToken = default) =>
        _connection.SendRawAsync(method, relativePath, body: null, cancellationToken);

    /// <inheritdoc />
    public Task<JsonDocument?> SendRawAsync(HttpMethod method, string relativePath, JsonElement body, CancellationToken cancellationToken = default) =>
        _connection.SendRawAsync(method, relativePath, body, cancellationToken);

    /// <summary>Releases the HTTP resources the client created (not a transport or factory client passed in).</summary>
    public void Dispose() => _connection.Dispose();

    private Task SendAsync(ApiRequest request, CancellationToken cancellationToken) => _connection.SendAsync(request, cancellationToken);

    private async Task<VersionUploadResult> UploadAsync(string path, Func<HttpContent> content, bool replayable, PluginArchiveInfo? archive, long? size, CancellationToken cancellationToken)
    {
        var request = new ApiRequest(HttpMethod.Post, path, "UploadVersion")
        {
            // The service replaces an upload of the same version: sending the ZIP again cannot double anything.
            IsIdempotent = true,
            IsReplayable = replayable,
            ContentFactory = content,
        };
        var envelope = await _connection.SendAsync(request, Json.MessageEnvelope, cancellationToken).ConfigureAwait(false);
        return new VersionUploadResult { Message = envelope.Message, Archive = archive, Size = size };
    }

    private static ApiConnection Connect(WunderUpdatesClientOptions options, HttpMessageHandler? transport)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Validate first so that a missing key is reported with the options' message, not the handler's.
        options.EnsureValid();
        return ApiConnection.Create(options, WunderUpdatesErrors.Service, transport);
    }

    private static string PluginPath(string slug, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(slug))] string? paramName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(slug, paramName);
        return "plugins/" + ApiUri.EscapeSegment(slug);
    }

    private static string VersionPath(string slug, string version)
    {
        var plugin = PluginPath(slug);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        return plugin + "/versions/" + ApiUri.EscapeSegment(version);
    }

    private static string KeysPath(string slug) => PluginPath(slug) + "/license/keys";

    private static string KeyPath(string slug, string key)
    {
        var keys = KeysPath(slug);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return keys + "/" + ApiUri.EscapeSegment(key);
    }

    private static LicenseBody ToBody(License license, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(license))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(license, paramName);
        license.EnsureValid(paramName ?? nameof(license));
        return LicenseBody.From(license);
    }

    private static PluginArchiveInfo InspectFor(string slug, PluginArchiveInfo info)
    {
        info.EnsureSlug(slug);
        return info;
    }

    private static FileStream OpenForUpload(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);

    private static string ChannelValue(ReleaseChannel channel) => channel switch
    {
        ReleaseChannel.Alpha => "alpha",
        ReleaseChannel.Beta => "beta",
        ReleaseChannel.Rc => "rc",
        ReleaseChannel.Stable => "stable",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown release channel."),
    };

    private static void ValidateTokenName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > MaxTokenNameLength)
        {
            throw new ArgumentException($"A token name has at most {MaxTokenNameLength} characters (got {name.Length}).", nameof(name));
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.'))
            {
                throw new ArgumentException($"A token name may contain only a-z, 0-9, '-' and '.' (found '{c}').", nameof(name));
            }
        }
    }

    private static void ValidateLicenseKey(LicenseKey? key, string paramName)
    {
        if (key is null)
        {
            throw new ArgumentNullException(paramName, "A licence key must not be null.");
        }

        if (string.IsNullOrWhiteSpace(key.Key))
        {
            throw new ArgumentException("A licence key must not be empty or whitespace.", paramName);
        }
    }

    // The shape of the create-token answer is not documented: look for the value where services usually put it,
    // as "token": "...", or as "token"/"value"/"key" inside "token", "data" or the body itself.
    private static string? FindTokenValue(JsonElement response)
    {
        if (response.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (response.TryGetProperty("token", out var token) && token.ValueKind == JsonValueKind.String)
        {
            return token.GetString();
        }

        return FindIn(token) ?? (response.TryGetProperty("data", out var data) ? FindIn(data) : null) ?? FindIn(response);

        static string? FindIn(JsonElement holder)
        {
            if (holder.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in (ReadOnlySpan<string>)["token", "value", "key"])
                {
                    if (holder.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        return value.GetString();
                    }
                }
            }

            return null;
        }
    }
}
