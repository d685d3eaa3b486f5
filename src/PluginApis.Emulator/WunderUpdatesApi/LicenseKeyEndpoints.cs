using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PluginApis.Emulator.Json;
using PluginApis.Emulator.State;

namespace PluginApis.Emulator.WunderUpdatesApi;

/// <summary>Static licence keys: <c>/v1/plugins/{slug}/license/keys[/{key}]</c> (static-keys plugins only).</summary>
internal static class LicenseKeyEndpoints
{
    public static void Map(RouteGroupBuilder v1, EmulatorState state, EmulatorOptions options, EmulatorStats stats)
    {
        var json = EmulatorJson.Context;

        v1.MapGet("/plugins/{slug}/license/keys", IResult (HttpContext context, string slug) =>
        {
            var account = EmulatorApp.WuAccount(context);
            lock (state.Gate)
            {
                var error = StaticKeysPlugin(account, slug, out var plugin);
                return error ?? Results.Json(new WuKeysEnvelope(200, plugin!.Keys.Select(WuResults.Key).ToList()), json.WuKeysEnvelope);
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
                return WuResults.Message($"License keys of {slug} were replaced ({parsed.Count.ToString(CultureInfo.InvariantCulture)} keys).");
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
                return WuResults.Message($"License key was added to {slug}.");
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
                    : Results.Json(new WuLicenseKeyEnvelope(200, WuResults.Key(found)), json.WuLicenseKeyEnvelope);
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
                return WuResults.Message($"License key was deleted from {slug}.");
            }
        });
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
                return (JsonSerializer.Deserialize(bytes, EmulatorJson.Context.ListWuLicenseKeyRequest) ?? [], null);
            }

            var wrapped = JsonSerializer.Deserialize(bytes, EmulatorJson.Context.WuReplaceKeysRequest);
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
            return WuResults.PluginNotFound(slug);
        }

        return plugin.LicenseType == LicenseTypes.StaticKeys
            ? null
            : Errors.WuBadRequest($"Plugin {slug} does not use static-keys licensing.");
    }
}
