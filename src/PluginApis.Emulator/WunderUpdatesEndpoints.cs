using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PluginApis.Emulator.Json;
using PluginApis.Emulator.State;

namespace PluginApis.Emulator;

/// <summary>WunderUpdates API v1 under <c>/v1</c>: documented paths and envelopes; error bodies are the project's guess.</summary>
internal static partial class WunderUpdatesEndpoints
{
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,99}$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[a-z0-9.-]{1,64}$")]
    private static partial Regex TokenNamePattern();

    public static void Map(WebApplication app, EmulatorState state, EmulatorOptions options, EmulatorStats stats)
    {
        var v1 = app.MapGroup("/v1");
        var json = EmulatorJsonContext.Default;

        // ---- plugins ----
        v1.MapGet("/plugins", IResult (HttpContext context) =>
        {
            var account = EmulatorApp.WuAccount(context);
            lock (state.Gate)
            {
                return Results.Json(new WuPluginsEnvelope(200, AllPlugins(account)), json.WuPluginsEnvelope);
            }
        });

        v1.MapPost("/plugins", async Task<IResult> (HttpContext context) =>
        {
            var account = EmulatorApp.WuAccount(context);
            var body = await RequestBody.ReadJsonAsync(context, json.WuCreatePluginRequest, options.MaxJsonBodyBytes, Service.WunderUpdates).ConfigureAwait(false);
            if (body.Error is not null)
            {
                return body.Error;
            }

            var request = body.Value!;
            if (request.Slug is null || !SlugPattern().IsMatch(request.Slug))
            {
                return Errors.WuBadRequest("slug is required: lowercase letters, digits, '_' and '-' (at most 100 characters).");
            }

            var licenseError = ValidateLicense(request.License);
            if (licenseError is not null)
            {
                return Errors.WuBadRequest(licenseError);
            }

            lock (state.Gate)
            {
                if (account.Plugins.ContainsKey(request.Slug))
                {
                    return Errors.Wu(StatusCodes.Status409Conflict, $"Plugin {request.Slug} already exists.");
                }

                var plugin = new WuPlugin
                {
                    Slug = request.Slug,
                    LicenseType = request.License!.Type!,
                    Products = request.License.Products ?? [],
                };
                account.Plugins[plugin.Slug] = plugin;
                stats.PluginCreated();
                return Results.Json(new WuDataEnvelope(200, [ToDto(plugin)]), json.WuDataEnvelope);
            }
        });

        v1.MapGet("/plugins/{slug}", IResult (HttpContext context, string slug) =>
        {
            var account = EmulatorApp.WuAccount(context);
            lock (state.Gate)
            {
                return account.Plugins.TryGetValue(slug, out var plugin)
                    ? Results.Json(new WuPluginEnvelope(200, ToDto(plugin)), json.WuPluginEnvelope)
                    : PluginNotFound(slug);
            }
        });

        v1.MapPut("/plugins/{slug}", async Task<IResult> (HttpContext context, string slug) =>
        {
            var account = EmulatorApp.WuAccount(context);
            var body = await RequestBody.ReadJsonAsync(context, json.WuUpdatePluginRequest, options.MaxJsonBodyBytes, Service.WunderUpdates).ConfigureAwait(false);
            if (body.Error is not null)
            {
                return body.Error;
            }

            var licenseError = ValidateLicense(body.Value!.License);
            if (licenseError is not null)
            {
                return Errors.WuBadRequest(licenseError);
            }

            lock (state.Gate)
            {
                if (!account.Plugins.TryGetValue(slug, out var plugin))
                {
                    return PluginNotFound(slug);
                }

                plugin.LicenseType = body.Value.License!.Type!;
                plugin.Products = body.Value.License.Products ?? [];
                return Results.Json(new WuPluginEnvelope(200, ToDto(plugin)), json.WuPluginEnvelope);
            }
        });

        v1.MapDelete("/plugins/{slug}", IResult (HttpContext context, string slug) =>
        {
            var account = EmulatorApp.WuAccount(context);
            lock (state.Gate)
            {
                if (!account.Plugins.Remove(slug))
                {
                    return PluginNotFound(slug);
                }

                stats.PluginDeleted();
                return Message($"Plugin {slug} was deleted");
            }
        });

        // ---- versions ----
        v1.MapGet("/plugins/{slug}/versions", IResult (HttpContext context, string slug) =>
        {
            var account = EmulatorApp.WuAccount(context);
            lock (state.Gate)
            {
                return account.Plugins.TryGetValue(slug, out var plugin)
                    ? Results.Json(new WuVersionsEnvelope(200, Versions(plugin)), json.WuVersionsEnvelope)
                    : PluginNotFound(slug);
            }
        });

        v1.MapPost("/plugins/{slug}/versions", Task<IResult> (HttpContext context, string slug) =>
            VersionUpload.HandleAsync(context, slug, state, options, stats));

        v1.MapGet("/plugins/{slug}/versions/{version}", IResult (HttpContext context, string slug, string version) =>
        {
            var account = EmulatorApp.WuAccount(context);
            lock (state.Gate)
            {
                if (!account.Plugins.TryGetValue(slug, out var plugin))
                {
                    return PluginNotFound(slug);
                }

                return plugin.Versions.TryGetValue(version, out var found)
                    ? Results.Json(new WuVersionEnvelope(200, new WuVersionDto(found.File, found.Version)), json.WuVersionEnvelope)
                    : Errors.WuNotFound($"Version {version} of {slug} not found.");
            }
        });

        v1.MapDelete("/plugins/{slug}/versions/{version}", IResult (HttpContext context, string slug, string version) =>
        {
            var account = EmulatorApp.WuAccount(context);
            lock (state.Gate)
            {
                if (!account.Plugins.TryGetValue(slug, out var plugin))
                {
                    return PluginNotFound(slug);
                }

                if (!plugin.Versions.Remove(version))
                {
                    return Errors.WuNotFound($"Version {version} of {slug} not found.");
                }

                stats.VersionDeleted();
                return Message($"Version {version} of {slug} was deleted.");
            }
        });

        // ---- static licence keys ----
        v1.MapGet("/plugins/{slug}/license/keys", IResult (HttpContext context, string slug) =>
        {
            var account = EmulatorApp.WuAccount(context);
            lock (state.Gate)
            {
                var error = StaticKeysPlugin(account, slug, out var plugin);
                return error ?? Results.Json(new WuKeysEnvelope(200, plugin!.Keys.Select(ToDto).ToList()), json.WuKeysEnvelope);
            }
        });

        v1.MapPost("/plugins/{slug}/license/keys", async Task<IResult> (HttpContext context, string slug) =>
        {
            var account = EmulatorApp.WuAccount(context);
            var keys = await ReadKeyListAsync(context, options).ConfigureAwait(false);
            if (keys.Error is not null)
            {
                return keys.Error;
            }

            var parsed = new List<WuLicenseKey>();
            foreach (var item in keys.Value!)
            {
                var error = ParseKey(item, out var key);
                if (error is not null)
                {
                    return Errors.WuBadRequest(error);
                }

                if (parsed.Exists(k => k.Key == key!.Key))
                {
                    return Errors.WuBadRequest($"Duplicate licence key {key!.Key}.");
                }

                parsed.Add(key!);
            }

            if (KeyDataSize(parsed) > options.MaxLicenseKeyDataBytes)
            {
                return Errors.Wu(StatusCodes.Status413PayloadTooLarge, $"Licence key data must not exceed {options.MaxLicenseKeyDataBytes} bytes.");
            }

            lock (state.Gate)
            {
                var error = StaticKeysPlugin(account, slug, out var plugin);
                if (error is not null)
                {
                    return error;
                }

                plugin!.Keys.Clear();
                plugin.Keys.AddRange(parsed);
                stats.LicenseKeyWritten();
                return Message($"License keys of {slug} were replaced ({parsed.Count.ToString(CultureInfo.InvariantCulture)} keys).");
            }
        });

        v1.MapPut("/plugins/{slug}/license/keys", async Task<IResult> (HttpContext context, string slug) =>
        {
            var account = EmulatorApp.WuAccount(context);
            var body = await RequestBody.ReadJsonAsync(context, json.WuLicenseKeyRequest, options.MaxJsonBodyBytes, Service.WunderUpdates).ConfigureAwait(false);
            if (body.Error is not null)
            {
                return body.Error;
            }

            var parseError = ParseKey(body.Value!, out var key);
            if (parseError is not null)
            {
                return Errors.WuBadRequest(parseError);
            }

            lock (state.Gate)
            {
                var error = StaticKeysPlugin(account, slug, out var plugin);
                if (error is not null)
                {
                    return error;
                }

                // Adding an existing key updates its expiry (PUT stays idempotent).
                var updated = plugin!.Keys.Where(k => k.Key != key!.Key).Append(key!).ToList();
                if (KeyDataSize(updated) > options.MaxLicenseKeyDataBytes)
                {
                    return Errors.Wu(StatusCodes.Status413PayloadTooLarge, $"Licence key data must not exceed {options.MaxLicenseKeyDataBytes} bytes.");
                }

                plugin.Keys.Clear();
                plugin.Keys.AddRange(updated);
                stats.LicenseKeyWritten();
                return Message($"License key was added to {slug}.");
            }
        });

        v1.MapGet("/plugins/{slug}/license/keys/{key}", IResult (HttpContext context, string slug, string key) =>
        {
            var account = EmulatorApp.WuAccount(context);
            lock (state.Gate)
            {
                var error = StaticKeysPlugin(account, slug, out var plugin);
                if (error is not null)
                {
                    return error;
                }

                var found = plugin!.Keys.Find(k => k.Key == key);
                return found is null
                    ? Errors.WuNotFound("License key not found.")
                    : Results.Json(new WuLicenseKeyEnvelope(200, ToDto(found)), json.WuLicenseKeyEnvelope);
            }
        });

        v1.MapDelete("/plugins/{slug}/license/keys/{key}", IResult (HttpContext context, string slug, string key) =>
        {
            var account = EmulatorApp.WuAccount(context);
            lock (state.Gate)
            {
                var error = StaticKeysPlugin(account, slug, out var plugin);
                if (error is not null)
                {
                    return error;
                }

                if (plugin!.Keys.RemoveAll(k => k.Key == key) == 0)
                {
                    return Errors.WuNotFound("License key not found.");
                }

                stats.LicenseKeyWritten();
                return Message($"License key was deleted from {slug}.");
            }
        });

        // ---- account ----
        v1.MapGet("/account", IResult (HttpContext context) =>
        {
            var account = EmulatorApp.WuAccount(context);
            lock (state.Gate)
            {
                return Results.Json(
                    new WuAccountEnvelope(200, new WuAccountDto(account.Prefix, 0, 1), new WuProductsDto([], AllPlugins(account))),
                    json.WuAccountEnvelope);
            }
        });

        v1.MapGet("/account/license", IResult (HttpContext context) =>
        {
            var account = EmulatorApp.WuAccount(context);
            lock (state.Gate)
            {
                return Results.Json(
                    new WuAccountLicenseEnvelope(200, new WuAccountLicenseDto(account.LicenseLimit, account.LicenseExpires)),
                    json.WuAccountLicenseEnvelope);
            }
        });

        v1.MapPost("/account/license", async Task<IResult> (HttpContext context) =>
        {
            var account = EmulatorApp.WuAccount(context);
            var body = await RequestBody.ReadJsonAsync(context, json.WuAccountLicenseRequest, options.MaxJsonBodyBytes, Service.WunderUpdates).ConfigureAwait(false);
            if (body.Error is not null)
            {
                return body.Error;
            }

            if (string.IsNullOrWhiteSpace(body.Value!.License) || body.Value.License.Length > 200)
            {
                return Errors.WuBadRequest("license is required (at most 200 characters).");
            }

            lock (state.Gate)
            {
                account.AccountLicenseKey = body.Value.License;
                return Message("License activated.");
            }
        });

        v1.MapGet("/account/tokens", IResult (HttpContext context) =>
        {
            var account = EmulatorApp.WuAccount(context);
            lock (state.Gate)
            {
                var tokens = account.Tokens.Select(t => new WuTokenDto(t.Name, t.Expires)).ToList();
                return Results.Json(new WuTokensEnvelope(200, tokens), json.WuTokensEnvelope);
            }
        });

        v1.MapPost("/account/tokens", async Task<IResult> (HttpContext context) =>
        {
            var account = EmulatorApp.WuAccount(context);
            var body = await RequestBody.ReadJsonAsync(context, json.WuTokenRequest, options.MaxJsonBodyBytes, Service.WunderUpdates).ConfigureAwait(false);
            if (body.Error is not null)
            {
                return body.Error;
            }

            var request = body.Value!;
            if (request.Name is null || !TokenNamePattern().IsMatch(request.Name))
            {
                return Errors.WuBadRequest("name is required: a-z, 0-9, '-' and '.' only (at most 64 characters).");
            }

            if (request.Expires is not { } days || (days != -1 && days is < 1 or > 365))
            {
                return Errors.WuBadRequest("expires must be a number of days from 1 to 365, or -1 for never.");
            }

            lock (state.Gate)
            {
                if (account.Tokens.Exists(t => t.Name == request.Name))
                {
                    return Errors.Wu(StatusCodes.Status409Conflict, $"A token named {request.Name} already exists.");
                }

                var expires = days == -1 ? -1 : options.TimeProvider.GetUtcNow().AddDays(days).ToUnixTimeSeconds();
                var token = new WuToken(request.Name, expires, EmulatorState.NewId("wut_") + EmulatorState.NewId(string.Empty));
                account.Tokens.Add(token);
                state.WunderUpdates.AccountsByKey[token.Value] = account;
                stats.TokenCreated();
                return Results.Json(
                    new WuTokenCreatedEnvelope(200, "Token created. Its value is shown only once.", new WuCreatedTokenDto(token.Name, token.Expires, token.Value)),
                    json.WuTokenCreatedEnvelope);
            }
        });

        // ---- public update check (what WordPress sites call; no API key) ----
        v1.MapGet("/public/{accountPrefix}/plugins/{slug}", IResult (HttpContext context, string accountPrefix, string slug, string? key) =>
            PublicInfo(context, state, options, accountPrefix, slug, null, key));
        v1.MapGet("/public/{accountPrefix}/plugins/{slug}/{channel}", IResult (HttpContext context, string accountPrefix, string slug, string channel, string? key) =>
            PublicInfo(context, state, options, accountPrefix, slug, channel, key));

        v1.MapGet("/public/{accountPrefix}/downloads/{slug}/{file}", IResult (string accountPrefix, string slug, string file, string? key) =>
        {
            lock (state.Gate)
            {
                if (!state.WunderUpdates.AccountsByPrefix.TryGetValue(accountPrefix, out var account) ||
                    !account.Plugins.TryGetValue(slug, out var plugin))
                {
                    return PluginNotFound(slug);
                }

                var version = plugin.Versions.Values.FirstOrDefault(v => v.File == file);
                if (version is null)
                {
                    return Errors.WuNotFound("File not found.");
                }

                if (!IsLicenseValid(plugin, key, options.TimeProvider))
                {
                    return Errors.Wu(StatusCodes.Status403Forbidden, "A valid license key is required to download this plugin.");
                }

                return Results.Bytes(version.Zip, "application/zip", version.File);
            }
        });
    }

    private static IResult PublicInfo(
        HttpContext context, EmulatorState state, EmulatorOptions options, string accountPrefix, string slug, string? channel, string? key)
    {
        if (!SemanticVersion.TryParseChannel(channel, out var minimum))
        {
            return Errors.WuBadRequest("channel must be alpha, beta, rc or stable.");
        }

        lock (state.Gate)
        {
            if (!state.WunderUpdates.AccountsByPrefix.TryGetValue(accountPrefix, out var account) ||
                !account.Plugins.TryGetValue(slug, out var plugin))
            {
                return PluginNotFound(slug);
            }

            var release = plugin.Versions.Values
                .Select(v => (Version: v, Semver: SemanticVersion.Parse(v.Version)))
                .Where(v => v.Semver.Stability >= minimum)
                .OrderByDescending(v => v.Semver)
                .Select(v => v.Version)
                .FirstOrDefault();
            if (release is null)
            {
                return Errors.WuNotFound($"No release of {slug} in channel {channel ?? "stable"}.");
            }

            var valid = IsLicenseValid(plugin, key, options.TimeProvider);
            string? link = null;
            if (valid)
            {
                var request = context.Request;
                link = $"{request.Scheme}://{request.Host}{request.PathBase}/v1/public/{Uri.EscapeDataString(accountPrefix)}/downloads/" +
                       $"{Uri.EscapeDataString(slug)}/{Uri.EscapeDataString(release.File)}" +
                       (string.IsNullOrEmpty(key) ? string.Empty : "?key=" + Uri.EscapeDataString(key));
            }

            return Results.Json(
                new WuPublicPluginDto(200, release.PluginName, release.Version, release.RequiresAtLeast, release.RequiresPhp, release.TestedUpTo,
                    link, new WuSectionsDto(release.Description, release.Changelog), new WuPublicLicenseDto(valid)),
                EmulatorJsonContext.Default.WuPublicPluginDto);
        }
    }

    /// <summary>no-license: always valid. static-keys: a listed, unexpired key. lemonsqueezy: a key the emulator was seeded with.</summary>
    private static bool IsLicenseValid(WuPlugin plugin, string? key, TimeProvider time)
    {
        switch (plugin.LicenseType)
        {
            case LicenseTypes.NoLicense:
                return true;
            case LicenseTypes.StaticKeys when !string.IsNullOrEmpty(key):
                var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
                return plugin.Keys.Exists(k => k.Key == key && (k.Expires is null || k.Expires >= today));
            case LicenseTypes.LemonSqueezy when !string.IsNullOrEmpty(key):
                return plugin.LemonSqueezyKeys.Contains(key, StringComparer.Ordinal);
            default:
                return false;
        }
    }

    /// <summary>POST body of the replace-all call: the documented shape is unknown, so both <c>{"keys":[...]}</c> and a bare array are accepted.</summary>
    private static async Task<(List<WuLicenseKeyRequest>? Value, IResult? Error)> ReadKeyListAsync(HttpContext context, EmulatorOptions options)
    {
        using var body = await RequestBody.ReadLimitedAsync(context.Request, options.MaxJsonBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return (null, Errors.Wu(StatusCodes.Status413PayloadTooLarge, $"The JSON body is larger than {options.MaxJsonBodyBytes} bytes."));
        }

        var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
        try
        {
            var trimmed = Encoding.UTF8.GetString(bytes).TrimStart();
            if (trimmed.StartsWith('['))
            {
                return (JsonSerializer.Deserialize(bytes, EmulatorJsonContext.Default.ListWuLicenseKeyRequest) ?? [], null);
            }

            var wrapped = JsonSerializer.Deserialize(bytes, EmulatorJsonContext.Default.WuReplaceKeysRequest);
            return wrapped?.Keys is null
                ? (null, Errors.WuBadRequest("The body must be {\"keys\":[{\"key\":\"...\",\"expires\":null}]} or an array of keys."))
                : (wrapped.Keys, null);
        }
        catch (JsonException)
        {
            return (null, Errors.WuBadRequest("The body is not valid JSON for this endpoint."));
        }
    }

    private static string? ParseKey(WuLicenseKeyRequest? request, out WuLicenseKey? key)
    {
        key = null;
        if (request is null || string.IsNullOrWhiteSpace(request.Key) || request.Key.Length > 200 ||
            request.Key.Any(c => char.IsControl(c) || c is '/' or '\\' or '?' or '#'))
        {
            return "key is required: at most 200 characters, no control characters, '/', '\\', '?' or '#'.";
        }

        DateOnly? expires = null;
        if (request.Expires is not null)
        {
            if (!DateOnly.TryParseExact(request.Expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return "expires must be null or a date YYYY-MM-DD.";
            }

            expires = date;
        }

        key = new WuLicenseKey(request.Key, expires);
        return null;
    }

    private static int KeyDataSize(IEnumerable<WuLicenseKey> keys) => keys.Sum(k => Encoding.UTF8.GetByteCount(k.Key) + 32);

    private static IResult? StaticKeysPlugin(WuAccount account, string slug, out WuPlugin? plugin)
    {
        if (!account.Plugins.TryGetValue(slug, out plugin))
        {
            return PluginNotFound(slug);
        }

        return plugin.LicenseType == LicenseTypes.StaticKeys
            ? null
            : Errors.WuBadRequest($"Plugin {slug} does not use static-keys licensing.");
    }

    private static string? ValidateLicense(WuLicenseRequest? license)
    {
        if (license is null || !LicenseTypes.IsKnown(license.Type))
        {
            return "license.type must be static-keys, lemonsqueezy or no-license.";
        }

        if (license.Type == LicenseTypes.LemonSqueezy)
        {
            if (license.Products is not { Count: > 0 } || license.Products.Exists(p => p <= 0))
            {
                return "license.products must list at least one positive Lemon Squeezy product id.";
            }
        }
        else if (license.Products is { Count: > 0 })
        {
            return "license.products is only allowed with type lemonsqueezy.";
        }

        return null;
    }

    internal static IResult PluginNotFound(string slug) => Errors.WuNotFound($"Plugin {slug} not found.");

    internal static IResult Message(string message) =>
        Results.Json(new WuStatusMessage(200, message), EmulatorJsonContext.Default.WuStatusMessage);

    private static List<WuPluginDto> AllPlugins(WuAccount account) =>
        account.Plugins.Values.OrderBy(p => p.Slug, StringComparer.Ordinal).Select(ToDto).ToList();

    private static List<WuVersionDto> Versions(WuPlugin plugin) =>
        plugin.VersionsNewestFirst().Select(v => new WuVersionDto(v.File, v.Version)).ToList();

    private static WuPluginDto ToDto(WuPlugin plugin) =>
        new(new WuLicenseDto(plugin.LicenseType, plugin.LicenseType == LicenseTypes.LemonSqueezy ? plugin.Products : null),
            Versions(plugin), plugin.Slug);

    private static WuLicenseKeyDto ToDto(WuLicenseKey key) =>
        new(key.Key, key.Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
